/**
 * The reminder job's batch steps on PostgreSQL (`Store.reminderBatches`): a claimed batch's quota units taken and
 * marked in one statement, and a batch of outcomes recorded in one statement — instead of 3–4 statements per
 * delivery. The rows travel as one jsonb parameter (`jsonb_to_recordset`), so a statement's text never changes with
 * the batch size (one prepared statement each) and both drivers take it.
 *
 * Subscriptions keep `quota` inside the document (no column); a delivery's `leaseToken`, `template` and
 * `quotaTaken` too. Both tables are found by `_id` (primary key); the waiting count reads migration 4's partial index
 * of deliveries waiting for a unit (its predicate is written here the same way, so the planner matches it).
 */
import type { LeasedFinish, QuotaAnswer, QuotaRequest, ReminderBatchSteps } from '../ports'
import { COLLECTIONS } from '../records'
import type { SqlDriver } from './pg-store'

/** `version + 1` of a document (0 + 1 when it has none), as jsonb. */
const nextVersion = (doc: string) =>
  `to_jsonb(CASE WHEN jsonb_typeof(${doc}->'version') = 'number' THEN (${doc}->'version')::numeric ELSE 0 END + 1)`

/** The batch, byte-ordered like the tables' keys (no collation clash in the comparisons below). */
const BATCH = `SELECT id COLLATE "C" AS id, lease, sub COLLATE "C" AS sub, recipient COLLATE "C" AS recipient, template
  FROM jsonb_to_recordset($1::jsonb) AS r(id text, lease text, sub text, recipient text, template text)`

/**
 * One statement: the batch's deliveries still under their lease (`live`), how many units each subscription must
 * give (`want`) and must have (`need`: at least every open delivery of that template without a unit, as
 * `takeQuotaFor` counts them), the decrement conditional on that (`took`; PostgreSQL re-checks it on the latest row
 * version after waiting for a concurrent taker, so two runs never overspend), then the marks under the lease.
 * The subscriptions are locked first in `_id` order (`locked`): two batches sharing recipients wait for each
 * other instead of deadlocking. The waiting count may be a moment old: it only ever errs high (marks lower it), so
 * at worst a recipient is left to the per-delivery way.
 */
const takeSql = (deliveries: string, subscriptions: string) => `
WITH batch AS (${BATCH}),
live AS (
  SELECT b.* FROM batch b JOIN ${deliveries} d ON d._id = b.id AND d.doc->'leaseToken' = to_jsonb(b.lease)
),
want AS (SELECT sub, recipient, template, count(*) AS k FROM live GROUP BY sub, recipient, template),
need AS (
  SELECT w.sub, w.k, greatest(w.k, (
    SELECT count(*) FROM ${deliveries} d
    WHERE d.recipient_id = w.recipient AND (d.doc->>'template') = w.template
      AND d.state IN ('pending', 'claimed') AND (d.doc->'quotaTaken') IS DISTINCT FROM 'true'::jsonb
  )) AS units
  FROM want w
),
locked AS (
  SELECT s._id FROM ${subscriptions} s WHERE s._id IN (SELECT sub FROM need) ORDER BY s._id FOR UPDATE
),
took AS (
  UPDATE ${subscriptions} s
  SET doc = jsonb_set(jsonb_set(s.doc, '{quota}', to_jsonb((s.doc->'quota')::numeric - n.k)), '{version}', ${nextVersion('s.doc')})
  FROM need n JOIN locked l ON l._id = n.sub
  WHERE s._id = n.sub AND jsonb_typeof(s.doc->'quota') = 'number' AND (s.doc->'quota')::numeric >= n.units
  RETURNING s._id
),
marked AS (
  UPDATE ${deliveries} d
  SET doc = jsonb_set(d.doc || '{"quotaTaken": true}'::jsonb, '{version}', ${nextVersion('d.doc')})
  FROM live l
  WHERE d._id = l.id AND l.sub IN (SELECT _id FROM took) AND d.doc->'leaseToken' = to_jsonb(l.lease)
  RETURNING d._id
)
SELECT b.id, b.sub, b.id IN (SELECT id FROM live) AS live, b.sub IN (SELECT _id FROM took) AS took, b.id IN (SELECT _id FROM marked) AS marked FROM batch b`

/** Units taken for deliveries whose lease went between the read and the mark (a claimer took them over): back. */
const refundSql = (subscriptions: string) => `
UPDATE ${subscriptions} s
SET doc = jsonb_set(jsonb_set(s.doc, '{quota}', to_jsonb((s.doc->'quota')::numeric + r.n)), '{version}', ${nextVersion('s.doc')})
FROM jsonb_to_recordset($1::jsonb) AS r(sub text, n int)
WHERE s._id = r.sub COLLATE "C" AND jsonb_typeof(s.doc->'quota') = 'number'`

/** One statement: each row's `set`, `updatedAt` and version + 1, the lease token removed — only under that token. */
const finishSql = (deliveries: string) => `
UPDATE ${deliveries} d
SET doc = jsonb_set((d.doc || f.patch || jsonb_build_object('updatedAt', $2::text)) - 'leaseToken', '{version}', ${nextVersion('d.doc')})
FROM jsonb_to_recordset($1::jsonb) AS f(id text, lease text, patch jsonb)
WHERE d._id = f.id COLLATE "C" AND d.doc->'leaseToken' = to_jsonb(f.lease)
RETURNING d._id`

export class PgReminderBatches implements ReminderBatchSteps {
  private readonly deliveries: string
  private readonly subscriptions: string

  constructor(
    private readonly driver: SqlDriver,
    /** The schema, quoted. */
    schema: string,
    /** Resolves once both tables exist. */
    private readonly ready: () => Promise<unknown>
  ) {
    this.deliveries = `${schema}."${COLLECTIONS.deliveries}"`
    this.subscriptions = `${schema}."${COLLECTIONS.subscriptions}"`
  }

  async takeQuotaUnits(requests: readonly QuotaRequest[]): Promise<Map<string, QuotaAnswer>> {
    const answers = new Map<string, QuotaAnswer>()
    if (!requests.length) return answers
    await this.ready()
    const batch = requests.map((r) => ({
      id: r.deliveryId,
      lease: r.lease,
      sub: r.subscriptionId,
      recipient: r.recipientId,
      template: r.template
    }))
    type Row = { id: string; sub: string; live: boolean; took: boolean; marked: boolean }
    const { rows } = await this.driver.query<Row>(takeSql(this.deliveries, this.subscriptions), [JSON.stringify(batch)])
    const refunds = new Map<string, number>()
    for (const row of rows) {
      answers.set(row.id, row.marked ? 'held' : row.took || !row.live ? 'lost' : 'short')
      // counted in the decrement (live) but not marked: its lease went between the read and the mark
      if (row.live && row.took && !row.marked) refunds.set(row.sub, (refunds.get(row.sub) ?? 0) + 1)
    }
    if (refunds.size) {
      const back = [...refunds].map(([sub, n]) => ({ sub, n }))
      await this.driver.query(refundSql(this.subscriptions), [JSON.stringify(back)])
    }
    return answers
  }

  async finishLeased(finishes: readonly LeasedFinish[], updatedAt: string): Promise<Set<string>> {
    if (!finishes.length) return new Set()
    await this.ready()
    const rows = finishes.map((f) => ({ id: f.deliveryId, lease: f.lease, patch: f.set }))
    const { rows: applied } = await this.driver.query<{ _id: string }>(finishSql(this.deliveries), [
      JSON.stringify(rows),
      updatedAt
    ])
    return new Set(applied.map((r) => r._id))
  }
}
