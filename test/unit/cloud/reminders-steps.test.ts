/** @jest-environment node */
/**
 * The reminder job's steps one at a time: a claim only one run can win; preparing drops expired deliveries and
 * refuses fields that carry personal data however written; sending retries only transient answers; recording is
 * conditional on the lease; the due queue hands each delivery out once per run and stops on a page of old ones.
 */
import type { DeliveryRecord } from '../../../src/cloud/records'
import { COLLECTIONS } from '../../../src/cloud/records'
import { DueQueue, fetchDuePage } from '../../../src/cloud/reminders/due-queue'
import { JOB_DEFAULTS, emptyReport } from '../../../src/cloud/reminders/run'
import {
  claimDelivery,
  prepareDelivery,
  recordOutcome,
  releaseUnsent,
  sendMessage,
  type JobRun
} from '../../../src/cloud/reminders/steps'
import type { SendResult } from '../../../src/cloud/ports'
import { RECIPIENT, deliveryBuilder, makeEnv, quotaLeft, withQuota, type TestEnv } from './helpers'

const delivery = deliveryBuilder()

function jobRun(env: TestEnv, send: () => Promise<SendResult> | SendResult = () => ({ ok: true })): JobRun {
  return {
    store: env.store,
    clock: env.clock,
    sender: { send: jest.fn(async () => send()) },
    logger: env.logger,
    deliveries: env.store.collection<DeliveryRecord>(COLLECTIONS.deliveries),
    settings: { ...JOB_DEFAULTS, backoffBaseMs: 1 },
    report: emptyReport(),
    now: () => env.clock.now()
  }
}

const stored = async (run: JobRun, id = 'd1') => (await run.deliveries.get(id))!

describe('claimDelivery', () => {
  it('of two runs that read the same version, exactly one wins the claim', async () => {
    const env = makeEnv()
    const a = jobRun(env)
    const b = jobRun(env)
    const d = delivery('d1')
    await a.deliveries.insert(d)
    const leases = await Promise.all([claimDelivery(a, d), claimDelivery(b, d)])
    expect(leases.filter(Boolean)).toHaveLength(1)
    expect(a.report.claimed + b.report.claimed).toBe(1)
    expect(a.report.lostClaims + b.report.lostClaims).toBe(1)
    const after = await stored(a)
    expect(after).toMatchObject({ state: 'claimed', attempts: 1, leaseToken: leases.find(Boolean) })
    // the lease: not due again until it has run out
    expect(Date.parse(after.nextAttemptAt)).toBe(env.clock.now().getTime() + JOB_DEFAULTS.leaseMs)
  })
})

describe('prepareDelivery', () => {
  it.each([
    ['客服 138 0013 8000'],
    ['客服138-0013-8000'],
    ['客服１３８００１３８０００'],
    ['91120116MA05K8QR2X'],
    ['身份证 110101 19900307 123X']
  ])('refuses fields that read as personal data: %s', async (thing1) => {
    const env = makeEnv()
    await withQuota(env, 1)
    const run = jobRun(env)
    const d = delivery('d1', { fields: { thing1, time2: '2025年3月4日 09:00' } })
    await run.deliveries.insert(d)
    const lease = (await claimDelivery(run, d))!
    expect(await prepareDelivery(run, { d, lease })).toBeNull()
    expect(await stored(run)).toMatchObject({ state: 'failed', lastErrcode: 47003 })
    expect(run.report.failed).toBe(1)
    expect(await quotaLeft(env)).toBe(1)
    expect(env.logger.lines.join()).not.toContain(thing1)
  })

  it('drops an expired delivery and gives back the quota unit it held', async () => {
    const env = makeEnv()
    await withQuota(env, 0)
    const run = jobRun(env)
    const d = delivery('d1', { expiresAt: '2025-03-01T00:00:00+08:00', quotaTaken: true })
    await run.deliveries.insert(d)
    const lease = (await claimDelivery(run, d))!
    expect(await prepareDelivery(run, { d, lease })).toBeNull()
    expect(await stored(run)).toMatchObject({ state: 'expired', quotaTaken: false })
    expect(await quotaLeft(env)).toBe(1)
  })

  it('takes one quota unit and marks it, so a retry after a crash takes none', async () => {
    const env = makeEnv()
    await withQuota(env, 2)
    const run = jobRun(env)
    const d = delivery('d1')
    await run.deliveries.insert(d)
    const lease = (await claimDelivery(run, d))!
    expect(await prepareDelivery(run, { d, lease })).toEqual({ d, lease })
    expect(await stored(run)).toMatchObject({ quotaTaken: true, leaseToken: lease })
    expect(await quotaLeft(env)).toBe(1)
    const again = await stored(run)
    expect(await prepareDelivery(run, { d: again, lease })).not.toBeNull()
    expect(await quotaLeft(env)).toBe(1)
  })
})

describe('sendMessage', () => {
  it.each([
    [[{ ok: false, errcode: 45009 }, { ok: true }], 0, 2],
    [
      [
        { ok: false, errcode: -1 },
        { ok: false, errcode: -1 },
        { ok: false, errcode: -1 }
      ],
      -1,
      3
    ],
    [[{ ok: false, errcode: 47003 }], 47003, 1],
    [[{ ok: false, errcode: 43101 }], 43101, 1]
  ] as [SendResult[], number, number][])('answers %j → errcode %s after %s sends', async (answers, errcode, sends) => {
    const env = makeEnv()
    const script = [...answers]
    const run = jobRun(env, () => script.shift() ?? { ok: true })
    expect(await sendMessage(run, { d: delivery('d1'), lease: 'x' })).toBe(errcode)
    expect(run.sender.send).toHaveBeenCalledTimes(sends)
  })
})

describe('recordOutcome', () => {
  async function claimed(env: TestEnv, overrides: Partial<DeliveryRecord> = {}) {
    const run = jobRun(env)
    const d = delivery('d1', { quotaTaken: true, ...overrides })
    await run.deliveries.insert(d)
    const lease = (await claimDelivery(run, d))!
    return { run, item: { d, lease } }
  }

  it.each([
    [0, {}, { state: 'sent', quotaTaken: false }, 0],
    [43101, {}, { state: 'no_quota', lastErrcode: 43101 }, 0],
    [45009, {}, { state: 'pending', lastErrcode: 45009 }, 0],
    [45009, { attempts: 2 }, { state: 'failed', lastErrcode: 45009 }, 1],
    [47003, {}, { state: 'failed', lastErrcode: 47003 }, 1]
  ] as [number, Partial<DeliveryRecord>, Partial<DeliveryRecord>, number][])(
    'errcode %s (delivery %j) ends %j, quota given back: %s',
    async (errcode, overrides, expected, refunded) => {
      const env = makeEnv()
      await withQuota(env, 0)
      const { run, item } = await claimed(env, overrides)
      await recordOutcome(run, item, errcode)
      const after = await stored(run)
      expect(after).toMatchObject(expected)
      expect(after.leaseToken).toBeUndefined()
      expect(await quotaLeft(env)).toBe(refunded)
    }
  )

  it('records nothing once another run holds the lease', async () => {
    const env = makeEnv()
    await withQuota(env, 0)
    const { run, item } = await claimed(env)
    await run.deliveries.updateWhere({ _id: 'd1' }, { set: { leaseToken: 'someone-else' } })
    await recordOutcome(run, item, 0)
    expect(await stored(run)).toMatchObject({ state: 'claimed', leaseToken: 'someone-else' })
  })

  it('releaseUnsent hands a claim back at once, not counting it as an attempt', async () => {
    const env = makeEnv()
    const { run, item } = await claimed(env)
    await releaseUnsent(run, item)
    expect(await stored(run)).toMatchObject({ state: 'pending', attempts: 0, quotaTaken: true })
    expect(Date.parse((await stored(run)).nextAttemptAt)).toBe(env.clock.now().getTime())
    expect(run.report.claimed).toBe(0)
  })
})

describe('DueQueue', () => {
  it('hands each due delivery out once, page after page, and stops on a page of already-seen ones', async () => {
    const env = makeEnv()
    const run = jobRun(env)
    for (let i = 0; i < 250; i++)
      await run.deliveries.insert(delivery(`d${String(i).padStart(3, '0')}`, { ownerId: i % 2 ? RECIPIENT : 'other' }))
    const fetches = jest.fn(() => fetchDuePage(run.deliveries, env.clock.now(), RECIPIENT))
    const queue = new DueQueue(fetches, 5)
    const ids: string[] = []
    for (let d = await queue.next(); d; d = await queue.next()) ids.push(d._id)
    // nothing was claimed, so later pages bring back ones already handed out: the queue must not loop on them
    expect(ids.length).toBeGreaterThanOrEqual(100)
    expect(new Set(ids).size).toBe(ids.length)
    expect(ids.every((id) => Number(id.slice(1)) % 2 === 1)).toBe(true)
    expect(queue.exhausted).toBe(true)
  })

  it('leaves deliveries whose time has not come', async () => {
    const env = makeEnv()
    const run = jobRun(env)
    await run.deliveries.insert(delivery('later', { nextAttemptAt: '2099-01-01T00:00:00.000Z' }))
    const queue = new DueQueue(() => fetchDuePage(run.deliveries, env.clock.now()), 5)
    expect(await queue.next()).toBeUndefined()
  })
})
