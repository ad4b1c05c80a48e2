/** @jest-environment node */
/**
 * The reminder job's batch steps (a store with `reminderBatches`: PgStore, here on PGlite): a claimed batch's quota
 * units taken in one statement — never more than there are, also when runs race for one recipient, the budget
 * deciding when units run out mid-batch — and outcomes recorded a batch per statement, each row under its own lease.
 */
import fc from 'fast-check'
import { subscriptionId } from '../../../src/cloud/handlers/subscriptions/quota'
import type { ReminderBatchSteps } from '../../../src/cloud/ports'
import { COLLECTIONS, type DeliveryRecord, type SubscriptionRecord } from '../../../src/cloud/records'
import { OutcomeRecorder, prepareBatch } from '../../../src/cloud/reminders/batch-steps'
import { JOB_DEFAULTS, emptyReport } from '../../../src/cloud/reminders/run'
import { NO_PERMISSION, type JobRun, type Prepared } from '../../../src/cloud/reminders/steps'
import { silentLogger } from '../../../src/cloud/ports'
import { openPostgres } from '../../../src/cloud/stores/pg-drivers'
import { PgStore } from '../../../src/cloud/stores/pg-store'
import { FakeClock, START, deliveryBuilder, makeEnv, quotaLeft, withQuota, type TestEnv } from './helpers'
import { startTestPglite } from './pglite-test-store'

beforeAll(startTestPglite, 180_000)

/** A delivery the job holds after its batch claim, under `lease`. */
const claimedDelivery = deliveryBuilder({
  version: 2,
  fields: { thing1: '短信核验' },
  state: 'claimed',
  nextAttemptAt: '2025-03-03T09:00:00.000Z',
  attempts: 1
})
const delivery = (id: string, lease: string, overrides: Partial<DeliveryRecord> = {}) =>
  claimedDelivery(id, { leaseToken: lease, ...overrides })

function jobRun(env: TestEnv): JobRun {
  return {
    store: env.store,
    clock: env.clock,
    sender: { send: async () => ({ ok: true }) },
    logger: env.logger,
    deliveries: env.store.collection<DeliveryRecord>(COLLECTIONS.deliveries),
    settings: { ...JOB_DEFAULTS },
    report: emptyReport(),
    now: () => env.clock.now()
  }
}

/** `count` deliveries claimed under `lease` (ids `<prefix>0…`), as the job holds them after its batch claim. */
async function claimed(env: TestEnv, prefix: string, count: number, lease: string): Promise<Prepared[]> {
  const out: Prepared[] = []
  for (let i = 0; i < count; i++) {
    const d = delivery(`${prefix}${i}`, lease)
    await env.store.collection<DeliveryRecord>(COLLECTIONS.deliveries).insert(d)
    out.push({ d: { ...d, attempts: 0 }, lease })
  }
  return out
}

/** Another run's claim after this one's lease ran out: its token on the row, the version moved on. */
const leaseTakenOver = (env: TestEnv, id: string) =>
  env.store
    .collection<DeliveryRecord>(COLLECTIONS.deliveries)
    .updateWhere({ _id: id }, { set: { leaseToken: 'OTHER' }, inc: { version: 1 } })

const stored = async (env: TestEnv, id: string) =>
  (await env.store.collection<DeliveryRecord>(COLLECTIONS.deliveries).get(id))!
const batchesOf = (env: TestEnv): ReminderBatchSteps => {
  const steps = env.store.reminderBatches
  if (!steps) throw new Error('the PGlite store has batch steps')
  return steps
}

describe('prepareBatch', () => {
  it('takes a unit for every delivery of a batch when the recipient has enough, and marks each', async () => {
    const env = makeEnv('pglite')
    await withQuota(env, 5)
    const run = jobRun(env)
    const ready = await prepareBatch(run, batchesOf(env), await claimed(env, 'a', 3, 'L1'))
    expect(ready.map((p) => p.d._id)).toEqual(['a0', 'a1', 'a2'])
    expect(await quotaLeft(env)).toBe(2)
    for (const id of ['a0', 'a1', 'a2']) expect(await stored(env, id)).toMatchObject({ quotaTaken: true, version: 3 })
  })

  it('quota running out mid-batch: the budget decides, no unit beyond the last, the rest no_quota', async () => {
    const env = makeEnv('pglite')
    await withQuota(env, 2)
    const run = jobRun(env)
    const ready = await prepareBatch(run, batchesOf(env), await claimed(env, 'a', 4, 'L1'))
    expect(ready).toHaveLength(2)
    expect(run.report.noQuota).toBe(2)
    expect(await quotaLeft(env)).toBe(0)
    const states = await Promise.all(['a0', 'a1', 'a2', 'a3'].map((id) => stored(env, id)))
    expect(states.filter((d) => d.quotaTaken)).toHaveLength(2)
    expect(states.filter((d) => d.state === 'no_quota')).toHaveLength(2)
  })

  it('a delivery whose lease another run took over gets no unit and is dropped (the others go on)', async () => {
    const env = makeEnv('pglite')
    await withQuota(env, 5)
    const run = jobRun(env)
    const batch = await claimed(env, 'a', 3, 'L1')
    await leaseTakenOver(env, 'a1')
    const ready = await prepareBatch(run, batchesOf(env), batch)
    expect(ready.map((p) => p.d._id)).toEqual(['a0', 'a2'])
    expect(run.report.lostClaims).toBe(1)
    expect(await quotaLeft(env)).toBe(3)
    expect(await stored(env, 'a1')).toMatchObject({ leaseToken: 'OTHER' })
    expect((await stored(env, 'a1')).quotaTaken).toBeUndefined()
  })

  it('two runs racing for one recipient never hold more units than there were (property)', async () => {
    await fc.assert(
      fc.asyncProperty(fc.integer({ min: 0, max: 6 }), fc.integer({ min: 1, max: 4 }), async (quota, size) => {
        const env = makeEnv('pglite')
        await withQuota(env, quota)
        const [a, b] = [jobRun(env), jobRun(env)]
        const [batchA, batchB] = [await claimed(env, 'a', size, 'LA'), await claimed(env, 'b', size, 'LB')]
        const [readyA, readyB] = await Promise.all([
          prepareBatch(a, batchesOf(env), batchA),
          prepareBatch(b, batchesOf(env), batchB)
        ])
        const held = readyA.length + readyB.length
        expect(held).toBeLessThanOrEqual(quota)
        expect(await quotaLeft(env)).toBe(quota - held)
        const all = await Promise.all([...batchA, ...batchB].map((p) => stored(env, p.d._id)))
        // every unit taken is marked on exactly the delivery that holds it
        expect(all.filter((d) => d.quotaTaken)).toHaveLength(held)
        // with units for every waiting delivery, all of them get one
        if (quota >= 2 * size) expect(held).toBe(2 * size)
      }),
      { numRuns: 12 }
    )
  }, 120_000)
})

describe('OutcomeRecorder', () => {
  it('writes a batch of outcomes in one go; a lost lease rejects that row only (and its refund)', async () => {
    const env = makeEnv('pglite')
    await withQuota(env, 0)
    const run = jobRun(env)
    const batch = await claimed(env, 'a', 3, 'L1')
    await leaseTakenOver(env, 'a2')
    const finishLeased = jest.spyOn(batchesOf(env), 'finishLeased')
    const recorder = new OutcomeRecorder(run, batchesOf(env), 100, 60_000)
    const recorded = [recorder.record(batch[0], 0), recorder.record(batch[1], 47003), recorder.record(batch[2], 47003)]
    await recorder.close()
    await Promise.all(recorded)
    expect(finishLeased).toHaveBeenCalledTimes(1)
    expect(await stored(env, 'a0')).toMatchObject({ state: 'sent', quotaTaken: false, version: 3 })
    expect((await stored(env, 'a0')).leaseToken).toBeUndefined()
    expect(await stored(env, 'a1')).toMatchObject({ state: 'failed', lastErrcode: 47003 })
    // a2 belongs to another run now: untouched, and its unit not given back by this one
    expect(await stored(env, 'a2')).toMatchObject({ state: 'claimed', leaseToken: 'OTHER', version: 3 })
    expect(await quotaLeft(env)).toBe(1)
    expect(env.logger.lines.join()).toContain('reminder_outcome_lost')
  })

  it('flushes every maxBatch outcomes, and what is left on close', async () => {
    const env = makeEnv('pglite')
    await withQuota(env, 0)
    const run = jobRun(env)
    const batch = await claimed(env, 'a', 5, 'L1')
    const finishLeased = jest.spyOn(batchesOf(env), 'finishLeased')
    const recorder = new OutcomeRecorder(run, batchesOf(env), 2, 60_000)
    const recorded = batch.map((item) => recorder.record(item, 0))
    await Promise.all(recorded.slice(0, 4))
    expect(finishLeased).toHaveBeenCalledTimes(2)
    expect((await stored(env, 'a4')).state).toBe('claimed')
    await recorder.close()
    await recorded[4]
    expect(finishLeased).toHaveBeenCalledTimes(3)
    expect(run.report.sent).toBe(5)
    for (const item of batch) expect((await stored(env, item.d._id)).state).toBe('sent')
  })

  it('a failed batch write rejects each of its outcomes (left to the lease) and the quota follow-up is skipped', async () => {
    const env = makeEnv('pglite')
    await withQuota(env, 0)
    const run = jobRun(env)
    const batch = await claimed(env, 'a', 2, 'L1')
    const steps = batchesOf(env)
    jest.spyOn(steps, 'finishLeased').mockRejectedValueOnce(new Error('connection lost'))
    const recorder = new OutcomeRecorder(run, steps, 100, 1)
    const recorded = batch.map((item) =>
      recorder.record(item, NO_PERMISSION).then(
        () => 'ok',
        () => 'rejected'
      )
    )
    await recorder.close()
    expect(await Promise.all(recorded)).toEqual(['rejected', 'rejected'])
    expect((await stored(env, 'a0')).state).toBe('claimed')
    expect(await quotaLeft(env)).toBe(0)
  })
})

const describeServer = process.env.DATABASE_URL ? describe : describe.skip
describeServer('batch steps on a PostgreSQL server: two instances (two pools) at once', () => {
  it('take units for overlapping recipients in parallel batches: no deadlock, never more than there were', async () => {
    const schema = `batchrace_${process.pid}`
    const setup = new PgStore(openPostgres(process.env.DATABASE_URL!), { schema })
    const instances = [0, 1].map(() => new PgStore(openPostgres(process.env.DATABASE_URL!, { max: 6 }), { schema }))
    try {
      await setup.driver.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`)
      await setup.migrate()
      const users = 8
      const quotas = Array.from({ length: users }, (_, u) => (u % 3 === 0 ? 2 : 12))
      for (let u = 0; u < users; u++)
        await setup.collection<SubscriptionRecord>(COLLECTIONS.subscriptions).insert({
          _id: subscriptionId(`u${u}`, 'sms_deadline'),
          version: 1,
          userId: `u${u}`,
          template: 'sms_deadline',
          quota: quotas[u],
          lastResult: 'accept',
          updatedAt: '2025-03-01T00:00:00+08:00'
        })
      // 12 batches of 8, each with one delivery of every recipient (the bench's shape), under 12 leases
      const batches: Prepared[][] = []
      for (let b = 0; b < 12; b++) {
        const batch: Prepared[] = []
        for (let u = 0; u < users; u++) {
          const d = delivery(`b${b}u${u}`, `L${b}`, { recipientId: `u${u}`, ownerId: `u${u}` })
          await setup.collection<DeliveryRecord>(COLLECTIONS.deliveries).insert(d)
          batch.push({ d: { ...d, attempts: 0 }, lease: `L${b}` })
        }
        batches.push(batch)
      }
      const clock = new FakeClock(new Date(START).getTime())
      const runs = batches.map((_, b): JobRun => {
        const store = instances[b % 2]
        return {
          store,
          clock,
          sender: { send: async () => ({ ok: true }) },
          logger: silentLogger,
          deliveries: store.collection<DeliveryRecord>(COLLECTIONS.deliveries),
          settings: { ...JOB_DEFAULTS },
          report: emptyReport(),
          now: () => clock.now()
        }
      })
      const ready = await Promise.all(
        batches.map((batch, b) => prepareBatch(runs[b], runs[b].store.reminderBatches!, batch))
      )
      const held = ready.flat()
      // every delivery either holds a unit or ended no_quota (racing batches may leave a unit unspent, never overspend)
      const ended = runs.reduce((n, r) => n + r.report.noQuota, 0)
      expect(held.length + ended).toBe(batches.length * users)
      const subs = setup.collection<SubscriptionRecord>(COLLECTIONS.subscriptions)
      const marked = await setup.collection<DeliveryRecord>(COLLECTIONS.deliveries).find({ quotaTaken: true })
      expect(new Set(marked.map((d) => d._id))).toEqual(new Set(held.map((p) => p.d._id)))
      for (let u = 0; u < users; u++) {
        const heldOfUser = held.filter((p) => p.d.recipientId === `u${u}`).length
        expect(heldOfUser).toBeLessThanOrEqual(quotas[u])
        expect((await subs.get(subscriptionId(`u${u}`, 'sms_deadline')))!.quota).toBe(quotas[u] - heldOfUser)
        // short of units (2 for 12): some went out, the rest ended no_quota
        if (quotas[u] < batches.length) expect(heldOfUser).toBeGreaterThan(0)
      }
    } finally {
      await setup.driver.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`)
      for (const store of [setup, ...instances]) await store.close()
    }
  }, 120_000)
})
