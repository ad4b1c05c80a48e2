/** @jest-environment node */
/**
 * Stage steps through the `advance` action: dated when they really happened, and the invited principal — the person
 * the 12381 text reaches — recording the SMS steps, with the owner told and nothing else open to them.
 */
import { COLLECTIONS, type DeliveryRecord } from '../../../src/cloud/records'
import { FORM, PROFILE, STORE_KINDS, makeEnv } from './helpers'
import { startTestPglite } from './pglite-test-store'

// the file's in-memory PostgreSQL starts before the first test (seconds on a loaded machine)
beforeAll(startTestPglite, 180_000)

const A = 'owner-a'
const P = 'principal-p'
const HOUR = 3_600_000

async function withPrincipal(kind: 'wx' | 'pglite') {
  const env = makeEnv(kind)
  const filing = await env.ok(A, 'filings', 'create', { profile: PROFILE, form: FORM })
  const invite = await env.ok(A, 'invites', 'create', { filingId: filing.id, role: 'owner_principal' })
  await env.ok(P, 'invites', 'accept', { token: invite.token })
  return { env, id: filing.id }
}

const iso = (ms: number) => new Date(ms).toISOString()

describe.each(STORE_KINDS)('advance over the %s store', (kind) => {
  it('takes the real time of each step, and refuses one in the future with a Chinese reason', async () => {
    const { env, id } = await withPrincipal(kind)
    env.clock.advance(30 * HOUR)
    const now = env.clock.now().getTime()
    const submitted = await env.ok(A, 'filings', 'advance', {
      id,
      version: 1,
      action: { type: 'submit' },
      at: iso(now - 27 * HOUR)
    })
    expect(submitted.progress.history.at(-1)).toMatchObject({ stage: 'platform_review', source: 'user', by: 'owner' })
    const future = await env.call(A, 'filings', 'advance', {
      id,
      version: submitted.version,
      action: { type: 'platform_pass', smsReceivedAt: iso(now + HOUR) }
    })
    expect(future).toMatchObject({ ok: false, code: 'STAGE_RULE', message: '收到短信的时间不能晚于现在' })
    const passed = await env.ok(A, 'filings', 'advance', {
      id,
      version: submitted.version,
      action: { type: 'platform_pass', smsReceivedAt: iso(now - 3 * HOUR) }
    })
    expect(Date.parse(passed.progress.smsDeadline!) - now).toBe(21 * HOUR)
  })

  it('lets the invited principal record the SMS arrival and its verification, and nothing else', async () => {
    const { env, id } = await withPrincipal(kind)
    const submitted = await env.ok(A, 'filings', 'advance', { id, version: 1, action: { type: 'submit' } })
    const asPrincipal = await env.ok(P, 'filings', 'get', { id })
    expect(asPrincipal.actions).toEqual(['platform_pass'])
    expect((await env.ok(A, 'filings', 'get', { id })).actions).toEqual(
      expect.arrayContaining(['platform_pass', 'platform_reject', 'cancel'])
    )
    for (const action of [{ type: 'cancel' }, { type: 'platform_reject', reasons: ['x'] }]) {
      expect(await env.call(P, 'filings', 'advance', { id, version: submitted.version, action })).toMatchObject({
        ok: false,
        code: 'FORBIDDEN'
      })
    }
    env.clock.advance(2 * HOUR)
    const sms = await env.ok(P, 'filings', 'advance', {
      id,
      version: submitted.version,
      action: { type: 'platform_pass', smsReceivedAt: iso(env.clock.now().getTime() - HOUR) }
    })
    expect(sms).toMatchObject({ access: 'owner_principal', actions: ['sms_verified'] })
    expect(sms.progress.history.at(-1)).toMatchObject({ stage: 'sms_verification', by: 'owner_principal' })
    // the owner sees the change and is told; the principal is not told what they did themself
    const owners = await env.ok(A, 'filings', 'get', { id })
    expect(owners.progress.stage).toBe('sms_verification')
    const news = (await env.store.collection<DeliveryRecord>(COLLECTIONS.deliveries).find({ filingId: id })).filter(
      (d) => d.kind === 'sms_window_open' || d.kind === 'principal_update'
    )
    expect(news.map((d) => [d.kind, d.recipientId])).toEqual([['sms_window_open', A]])
    const verified = await env.ok(P, 'filings', 'advance', {
      id,
      version: sms.version,
      action: { type: 'sms_verified' }
    })
    expect(verified.progress.stage).toBe('admin_review')
    const told = await env.store
      .collection<DeliveryRecord>(COLLECTIONS.deliveries)
      .find({ filingId: id, kind: 'principal_update' })
    expect(told.map((d) => [d.recipientId, d.fields.thing4])).toEqual([[A, '负责人已完成短信核验']])
    expect(verified.actions).toEqual([])
    expect(
      await env.call(P, 'filings', 'advance', {
        id,
        version: verified.version,
        action: { type: 'admin_pass', filingNumber: '京ICP备2026059598号-1X' }
      })
    ).toMatchObject({ ok: false, code: 'FORBIDDEN' })
  })
})
