/** @jest-environment node */
/**
 * The reminder job: each delivery sent exactly once across repeated and overlapping runs, the platform's
 * error codes handled as specified, leases that survive a crash, and a time budget.
 */
import type { Collection, OutgoingMessage, SendResult, Sender, Store, StoredDoc } from '../../../src/cloud/ports'
import { COLLECTIONS, type DeliveryRecord } from '../../../src/cloud/records'
import { runReminderJob, type ReminderJobOptions } from '../../../src/cloud/reminders/run'
import { STORE_KINDS, deliveryBuilder, makeEnv, quotaLeft, withQuota, type TestEnv } from './helpers'
import { startTestPglite } from './pglite-test-store'

// the file's in-memory PostgreSQL starts before the first test (seconds on a loaded machine)
beforeAll(startTestPglite, 180_000)

/** Records every message; answers from a script (default: success). */
class ScriptedSender implements Sender {
  sent: OutgoingMessage[] = []
  calls = 0
  constructor(
    private readonly script: (message: OutgoingMessage, call: number) => Promise<SendResult> | SendResult = () => ({
      ok: true
    })
  ) {}
  async send(message: OutgoingMessage): Promise<SendResult> {
    const call = ++this.calls
    const result = await this.script(message, call)
    if (result.ok) this.sent.push(message)
    return result
  }
}

const pendingDelivery = deliveryBuilder()

/** `count` deliveries due at `dueAt` (ids d00000…), and a quota for them (default: one each). */
async function seed(
  env: TestEnv,
  count: number,
  opts: { quota?: number; dueAt?: string; fields?: Record<string, string> } = {}
) {
  const deliveries = env.store.collection<DeliveryRecord>(COLLECTIONS.deliveries)
  const due = opts.dueAt ?? '2025-03-03T08:00:00+08:00'
  const queuedAt = new Date(due).toISOString()
  for (let i = 0; i < count; i++) {
    await deliveries.insert(
      pendingDelivery(`d${String(i).padStart(5, '0')}`, {
        key: `filing1:sms_window_open:${i}`,
        dueAt: due,
        nextAttemptAt: queuedAt,
        updatedAt: queuedAt,
        ...(opts.fields && { fields: opts.fields })
      })
    )
  }
  await withQuota(env, opts.quota ?? count)
}

const delivery = async (env: TestEnv, id = 'd00000') =>
  (await env.store.collection<DeliveryRecord>(COLLECTIONS.deliveries).get(id))!
const run = (env: TestEnv, sender: Sender, options: ReminderJobOptions = {}) =>
  runReminderJob({ store: env.store, clock: env.clock, sender, logger: env.logger }, { backoffBaseMs: 1, ...options })
const keysOf = (sender: ScriptedSender) => sender.sent.map((m) => m.reminderKey)

describe.each(STORE_KINDS)('reminder job over the %s store', (kind) => {
  it('a run fired twice sends each delivery once', async () => {
    const env = makeEnv(kind)
    await seed(env, 7)
    const sender = new ScriptedSender()
    expect(await run(env, sender)).toMatchObject({ claimed: 7, sent: 7 })
    expect(await run(env, sender)).toMatchObject({ claimed: 0, sent: 0 })
    expect(new Set(keysOf(sender)).size).toBe(7)
    expect(sender.sent).toHaveLength(7)
    expect(await quotaLeft(env)).toBe(0)
  })

  it('two overlapping runs send each delivery exactly once', async () => {
    const env = makeEnv(kind)
    await seed(env, 120)
    const sender = new ScriptedSender(async () => {
      await new Promise((r) => setImmediate(r))
      return { ok: true }
    })
    const [a, b] = await Promise.all([run(env, sender, { concurrency: 7 }), run(env, sender, { concurrency: 5 })])
    expect(a.sent + b.sent).toBe(120)
    expect(sender.sent).toHaveLength(120)
    expect(new Set(keysOf(sender)).size).toBe(120)
    expect(await quotaLeft(env)).toBe(0)
  })

  it('leaves deliveries that are not due yet', async () => {
    const env = makeEnv(kind)
    await seed(env, 3, { dueAt: '2025-03-04T09:00:00+08:00' })
    const sender = new ScriptedSender()
    expect((await run(env, sender)).claimed).toBe(0)
    env.clock.set('2025-03-04T09:00:00+08:00')
    expect((await run(env, sender)).sent).toBe(3)
  })

  it('sends nothing without quota and marks it', async () => {
    const env = makeEnv(kind)
    await seed(env, 3, { quota: 1 })
    const sender = new ScriptedSender()
    expect(await run(env, sender)).toMatchObject({ sent: 1, noQuota: 2 })
    expect(sender.calls).toBe(1)
  })

  it('43101: no permission left — no retry, quota cleared', async () => {
    const env = makeEnv(kind)
    await seed(env, 1, { quota: 5 })
    const sender = new ScriptedSender(() => ({ ok: false, errcode: 43101 }))
    expect(await run(env, sender)).toMatchObject({ noQuota: 1, sent: 0 })
    expect(sender.calls).toBe(1)
    expect(await delivery(env)).toMatchObject({ state: 'no_quota', lastErrcode: 43101 })
    expect(await quotaLeft(env)).toBe(0)
    env.clock.advance(24 * 3600_000)
    await run(env, sender)
    expect(sender.calls).toBe(1)
  })

  it('47003: payload defect — no retry, logged without the field values, quota given back', async () => {
    const env = makeEnv(kind)
    await seed(env, 1, { fields: { thing1: '某个特别的字段值', time2: '2025年3月4日 09:00' } })
    const sender = new ScriptedSender(() => ({ ok: false, errcode: 47003 }))
    expect(await run(env, sender)).toMatchObject({ failed: 1 })
    expect(sender.calls).toBe(1)
    expect(await delivery(env)).toMatchObject({ state: 'failed', lastErrcode: 47003 })
    expect(await quotaLeft(env)).toBe(1)
    const logs = env.logger.lines.join('\n')
    expect(logs).toContain('47003')
    expect(logs).not.toContain('某个特别的字段值')
  })

  it.each([
    ['45009 (rate limit)', { ok: false, errcode: 45009 } as SendResult],
    ['-1 (system busy)', { ok: false, errcode: -1 } as SendResult]
  ])('%s is retried with backoff and then succeeds', async (_label, first) => {
    const env = makeEnv(kind)
    await seed(env, 1)
    const sender = new ScriptedSender((_m, call) => (call === 1 ? first : { ok: true }))
    const t0 = env.clock.now().getTime()
    expect(await run(env, sender, { backoffBaseMs: 500 })).toMatchObject({ sent: 1 })
    expect(sender.calls).toBe(2)
    expect(env.clock.now().getTime() - t0).toBeGreaterThanOrEqual(500)
  })

  it('a time-out is retried like -1', async () => {
    const env = makeEnv(kind)
    await seed(env, 1)
    const sender = new ScriptedSender((_m, call) =>
      call === 1 ? new Promise<SendResult>(() => undefined) : { ok: true }
    )
    expect(await run(env, sender, { sendTimeoutMs: 20 })).toMatchObject({ sent: 1 })
    expect(sender.calls).toBe(2)
  })

  it('a thrown network error is retried like -1', async () => {
    const env = makeEnv(kind)
    await seed(env, 1)
    const sender = new ScriptedSender((_m, call) => {
      if (call === 1) throw new Error('ECONNRESET')
      return { ok: true }
    })
    expect(await run(env, sender)).toMatchObject({ sent: 1 })
  })

  it('transient failures are bounded: requeued for later runs, then given up; the quota unit is kept, then returned', async () => {
    const env = makeEnv(kind)
    await seed(env, 1)
    const sender = new ScriptedSender(() => ({ ok: false, errcode: 45009 }))
    const options = { sendsPerClaim: 2, maxClaims: 3, requeueDelayMs: 60_000 }
    expect(await run(env, sender, options)).toMatchObject({ requeued: 1 })
    expect(await quotaLeft(env)).toBe(0)
    expect(await run(env, sender, options)).toMatchObject({ claimed: 0 })
    env.clock.advance(60_000)
    expect(await run(env, sender, options)).toMatchObject({ requeued: 1 })
    env.clock.advance(120_000)
    expect(await run(env, sender, options)).toMatchObject({ failed: 1 })
    expect(sender.calls).toBe(6)
    expect(await delivery(env)).toMatchObject({ state: 'failed', attempts: 3 })
    expect(await quotaLeft(env)).toBe(1)
    env.clock.advance(24 * 3600_000)
    await run(env, sender, options)
    expect(sender.calls).toBe(6)
  })

  it('a crash between claim and send is retried after the lease, and sent once', async () => {
    const env = makeEnv(kind)
    await seed(env, 1)
    const sender = new ScriptedSender()
    // the process "dies" right after its claim: every later store call of that run fails
    let claimed = false
    const crashing: Store = {
      collection: <T extends StoredDoc>(name: string): Collection<T> => {
        const col = env.store.collection<T>(name)
        return {
          ...col,
          get: col.get.bind(col),
          insert: col.insert.bind(col),
          find: col.find.bind(col),
          count: col.count.bind(col),
          removeWhere: col.removeWhere.bind(col),
          updateWhere: async (...args: Parameters<typeof col.updateWhere>) => {
            if (claimed) throw new Error('process died')
            const n = await col.updateWhere(...args)
            if (name === COLLECTIONS.deliveries && n) claimed = true
            return n
          },
          // a store that claims in batches (PgStore) dies right after its batch claim
          claimMany: col.claimMany
            ? async (...args: Parameters<NonNullable<typeof col.claimMany>>) => {
                if (claimed) throw new Error('process died')
                const got = await col.claimMany!.apply(col, args)
                if (got.length) claimed = true
                return got
              }
            : undefined
        }
      }
    }
    await runReminderJob({ store: crashing, clock: env.clock, sender, logger: env.logger }, { leaseMs: 5 * 60_000 })
    expect(sender.calls).toBe(0)
    expect(await delivery(env)).toMatchObject({ state: 'claimed' })

    expect(await run(env, sender)).toMatchObject({ claimed: 0 })
    env.clock.advance(5 * 60_000)
    expect(await run(env, sender)).toMatchObject({ claimed: 1, sent: 1 })
    env.clock.advance(24 * 3600_000)
    expect(await run(env, sender)).toMatchObject({ claimed: 0 })
    expect(sender.sent).toHaveLength(1)
  })

  it('a crash in the batch quota step is retried after the lease, and sent once', async () => {
    const env = makeEnv(kind)
    const steps = env.store.reminderBatches
    if (!steps) return // the per-delivery store (WeChat cloud): the test above
    await seed(env, 3)
    const sender = new ScriptedSender()
    // the process "dies" after its batch claim, as it takes the batch's units
    const crashing: Store = {
      collection: (name) => env.store.collection(name),
      reminderBatches: {
        takeQuotaUnits: () => Promise.reject(new Error('process died')),
        finishLeased: (...args) => steps.finishLeased(...args)
      }
    }
    await runReminderJob({ store: crashing, clock: env.clock, sender, logger: env.logger }, { leaseMs: 5 * 60_000 })
    expect(sender.calls).toBe(0)
    expect(await delivery(env)).toMatchObject({ state: 'claimed' })
    expect(await quotaLeft(env)).toBe(3)

    expect(await run(env, sender)).toMatchObject({ claimed: 0 })
    env.clock.advance(5 * 60_000)
    expect(await run(env, sender)).toMatchObject({ claimed: 3, sent: 3 })
    expect(new Set(keysOf(sender)).size).toBe(3)
    expect(sender.sent).toHaveLength(3)
    expect(await quotaLeft(env)).toBe(0)
  })

  it('once success is recorded, an old claim cannot reopen the delivery', async () => {
    const env = makeEnv(kind)
    await seed(env, 1)
    const sender = new ScriptedSender()
    await run(env, sender)
    const sent = await delivery(env)
    expect(sent.state).toBe('sent')
    // a stale runner holding the pre-send version tries to claim it
    const reclaimed = await env.store
      .collection<DeliveryRecord>(COLLECTIONS.deliveries)
      .updateWhere({ _id: sent._id, version: 1 }, { set: { state: 'claimed' }, inc: { version: 1 } })
    expect(reclaimed).toBe(0)
    env.clock.advance(30 * 24 * 3600_000)
    await run(env, sender)
    expect(sender.sent).toHaveLength(1)
  })

  it('refuses a message whose fields look like personal data', async () => {
    const env = makeEnv(kind)
    await seed(env, 1, { fields: { thing1: '联系 13800138000' } })
    const sender = new ScriptedSender()
    expect(await run(env, sender)).toMatchObject({ failed: 1 })
    expect(sender.calls).toBe(0)
    expect(env.logger.lines.join()).not.toContain('13800138000')
  })

  it('stops claiming at the time budget and leaves the rest to the next run', async () => {
    const env = makeEnv(kind)
    await seed(env, 30)
    const sender = new ScriptedSender(async () => {
      await env.clock.sleep(1000)
      return { ok: true }
    })
    const first = await run(env, sender, { budgetMs: 10_000, concurrency: 1 })
    expect(first.budgetExhausted).toBe(true)
    expect(first.sent).toBeGreaterThan(0)
    expect(first.sent).toBeLessThan(30)
    const second = await run(env, sender, { budgetMs: 60_000, concurrency: 1 })
    expect(first.sent + second.sent).toBe(30)
    expect(new Set(keysOf(sender)).size).toBe(30)
  })

  it('pages through more than 100 due deliveries', async () => {
    const env = makeEnv(kind)
    await seed(env, 250)
    const sender = new ScriptedSender()
    expect(await run(env, sender)).toMatchObject({ sent: 250 })
    expect(new Set(keysOf(sender)).size).toBe(250)
  })
})
