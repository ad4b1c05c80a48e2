/** @jest-environment node */
/**
 * Several instances on one PostgreSQL server (DATABASE_URL): two server processes, as a load balancer would
 * alternate requests between them. A session made on one works on the other; a user's filing limit holds when
 * 3× the limit of creates race across both; both run the reminder job over the same 2,000 due deliveries at once
 * and each is sent exactly once. Skipped, saying so, when no PostgreSQL server is configured.
 */
import { execFileSync } from 'child_process'
import * as fs from 'fs'
import * as os from 'os'
import * as path from 'path'
import { sha256Hex } from '../../../src/cloud/crypto'
import { subscriptionId } from '../../../src/cloud/handlers/subscriptions/quota'
import type { DeliveryRecord, SessionRecord, SubscriptionRecord } from '../../../src/cloud/records'
import { openPostgres } from '../../../src/cloud/stores/pg-drivers'
import { PgStore } from '../../../src/cloud/stores/pg-store'
import type { OutboxEntry } from '../../../src/server/outbox'
import { PROFILE } from './helpers'
import { postJson, startServerProcess, stopServerProcess, type ServerProcess } from './server-process'

const root = path.resolve(__dirname, '../../..')
const outfile = path.join(root, 'test/artifacts/server-multi/index.js')
const schema = `multi_${process.pid}`
const FILING_LIMIT = 5
const DUE = 2000
const RECIPIENTS = 200

const describeServer = process.env.DATABASE_URL ? describe : describe.skip
if (!process.env.DATABASE_URL)
  describe.skip('several instances on one PostgreSQL — skipped: DATABASE_URL is not set', () => {
    it('runs when DATABASE_URL points at a PostgreSQL server (npm test starts a throw-away one)', () => undefined)
  })

interface Instance extends ServerProcess {
  dir: string
}

async function startInstance(): Promise<Instance> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'beian-multi-'))
  const server = await startServerProcess(outfile, root, {
    BEIAN_DATA_DIR: dir,
    BEIAN_STATIC_DIR: path.join(dir, 'no-h5'),
    // every instance must hold the same data key: they read each other's encrypted fields
    BEIAN_DATA_KEY: Buffer.alloc(32, 7).toString('base64'),
    BEIAN_PG_SCHEMA: schema,
    BEIAN_MAX_FILINGS_PER_USER: String(FILING_LIMIT)
  })
  return { ...server, dir }
}

async function stopInstance({ child, dir }: Instance): Promise<void> {
  await stopServerProcess(child)
  fs.rmSync(dir, { recursive: true, force: true })
}

const post = postJson

describeServer('several instances on one PostgreSQL server', () => {
  let a: Instance
  let b: Instance
  let store: PgStore

  beforeAll(async () => {
    execFileSync(process.execPath, [path.join(root, 'scripts/build-server.mjs'), '--outfile', outfile], { cwd: root })
    store = new PgStore(openPostgres(process.env.DATABASE_URL!), { schema })
    await store.driver.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`)
    // both start together: the migrations are applied once, under the advisory lock
    ;[a, b] = await Promise.all([startInstance(), startInstance()])
  }, 200_000)

  afterAll(async () => {
    await Promise.all([a, b].filter(Boolean).map(stopInstance))
    await store.driver.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`)
    await store.close()
  }, 60_000)

  it('a session made on one instance works on the other, and a logout on it ends it on both', async () => {
    const { data: login } = await post(a.base, 'login', { code: 'roaming-user' })
    expect(await post(b.base, 'filings', { action: 'list', data: {} }, login.token)).toMatchObject({ ok: true })
    await post(b.base, 'logout', {}, login.token)
    expect(await post(a.base, 'filings', { action: 'list', data: {} }, login.token)).toMatchObject({
      ok: false,
      code: 'UNAUTHENTICATED'
    })
  }, 60_000)

  it(`3× a user's filing limit of creates, raced across both, stores exactly the limit`, async () => {
    const { data: login } = await post(a.base, 'login', { code: 'busy-user' })
    const results = await Promise.all(
      Array.from({ length: 3 * FILING_LIMIT }, (_, i) =>
        post(i % 2 ? a.base : b.base, 'filings', { action: 'create', data: { profile: PROFILE } }, login.token)
      )
    )
    expect(results.filter((r) => r.ok)).toHaveLength(FILING_LIMIT)
    const listed = await post(b.base, 'filings', { action: 'list', data: {} }, login.token)
    expect(listed.data).toHaveLength(FILING_LIMIT)
  }, 120_000)

  it(`both run the reminder job over the same ${DUE} due deliveries at once: each is sent exactly once`, async () => {
    const { data: login } = await post(a.base, 'login', { code: 'reminded-user' })
    const session = await store.collection<SessionRecord>('sessions').get(sha256Hex(login.token))
    const ownerId = session!.userId
    const at = '2025-03-01T00:00:00.000Z'
    for (let r = 0; r < RECIPIENTS; r++) {
      const userId = `tt:multi-recipient-${r}`
      await store.collection<SubscriptionRecord>('subscriptions').insert({
        _id: subscriptionId(userId, 'todo_reminder'),
        version: 1,
        userId,
        template: 'todo_reminder',
        quota: DUE / RECIPIENTS,
        lastResult: 'accept',
        updatedAt: at
      })
    }
    const deliveries = store.collection<DeliveryRecord>('reminder_deliveries')
    for (let i = 0; i < DUE; i++) {
      await deliveries.insert({
        _id: `multi-${String(i).padStart(5, '0')}`,
        version: 1,
        key: `multi-key-${i}`,
        filingId: 'multi-filing',
        ownerId,
        recipientId: `tt:multi-recipient-${i % RECIPIENTS}`,
        recipientRole: 'owner',
        kind: 'stale_draft',
        template: 'todo_reminder',
        fields: { thing1: '备案待办' },
        page: 'pages/index/index',
        dueAt: at,
        state: 'pending',
        nextAttemptAt: at,
        attempts: 0,
        updatedAt: at
      })
    }
    // both at once, then again until nothing is left (a run may end on its time budget)
    const sentBy = [0, 0]
    for (let round = 0; round < 10 && (await deliveries.count({ state: 'pending' })) > 0; round++) {
      const runs = await Promise.all([a, b].map((x) => post(x.base, 'dev/run-reminders', {}, login.token)))
      expect(runs.every((r) => r.ok)).toBe(true)
      runs.forEach((r, i) => (sentBy[i] += r.data.sent as number))
    }
    // both did a share of the work, and their reports add up to each delivery once
    expect(sentBy[0]).toBeGreaterThan(0)
    expect(sentBy[1]).toBeGreaterThan(0)
    expect(sentBy[0] + sentBy[1]).toBe(DUE)
    expect(await deliveries.count({ filingId: 'multi-filing', state: 'sent' })).toBe(DUE)
    const { rows } = await store.driver.query<{ key: string; n: number }>(
      `SELECT doc->>'reminderKey' AS key, count(*)::int AS n FROM "${schema}".dev_outbox
       WHERE doc->>'reminderKey' LIKE 'multi-key-%' GROUP BY 1`
    )
    expect(rows).toHaveLength(DUE)
    expect(rows.filter((r) => r.n !== 1)).toEqual([])
    expect(await store.collection<OutboxEntry>('dev_outbox').count({})).toBeGreaterThanOrEqual(DUE)
  }, 300_000)
})
