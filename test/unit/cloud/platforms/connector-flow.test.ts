/** @jest-environment node */
/**
 * The connector end to end against the fakes: connect a filing, then drive the fake through
 * 2 → 4 (SMS 1 → 2) → 6 — the filing follows within one poll, the SMS reminders are planned the moment the window
 * opens and land exactly once in the outbox, the 备案号 arrives; 2 → 3 with audit_data linked to fields; revocation.
 */
import type { OutgoingMessage, Sender } from '../../../../src/cloud/ports'
import { handleCallback, handleDouyinPush, handleWechatPush } from '../../../../src/cloud/platforms/binding'
import { COLLECTIONS, type DeliveryRecord } from '../../../../src/cloud/records'
import { runReminderJob } from '../../../../src/cloud/reminders/run'
import { runPlatformSync } from '../../../../src/cloud/platforms/sync'
import { FORM, PROFILE } from '../helpers'
import type { PlatformFakeOptions } from '../../../../src/server/platform-fake/fake'
import { DY_SECRETS, makeConnectorEnv, WX_SECRETS, type ConnectorEnv } from './fixture'
import { startTestPglite } from '../pglite-test-store'

// the file's in-memory PostgreSQL starts before the first test (seconds on a loaded machine)
beforeAll(startTestPglite, 180_000)

const OWNER = 'owner-a'
const PRINCIPAL = 'principal-p'
const STRANGER = 'owner-b'
const APP = 'wxmerchant000001'
const MINUTE = 60_000

class Outbox implements Sender {
  sent: OutgoingMessage[] = []
  async send(m: OutgoingMessage) {
    this.sent.push(m)
    return { ok: true as const }
  }
}

function withConnector(env: ConnectorEnv) {
  env.deps.platforms = {
    wechat: { client: env.wechat, push: WX_SECRETS },
    douyin: { client: env.douyin, push: DY_SECRETS },
    publicBaseUrl: 'https://beian.example.com'
  }
  return env
}

/** Three accepted SMS-template subscriptions (one per SMS-window message) and one of each other template. */
async function acceptAll(env: ConnectorEnv, user: string) {
  for (const templates of [['sms_deadline', 'review_progress', 'todo_reminder'], ['sms_deadline'], ['sms_deadline']]) {
    await env.ok(user, 'subscriptions', 'record', {
      results: templates.map((template) => ({ template, result: 'accept' }))
    })
  }
}

/** A WeChat filing of OWNER (principal invited), the ticket pushed, and the administrator's consent given. */
async function connected(sets = [18], fakeOptions: Partial<PlatformFakeOptions> = {}) {
  const env = withConnector(makeConnectorEnv(fakeOptions))
  const filing = await env.ok(OWNER, 'filings', 'create', { profile: PROFILE, form: FORM })
  const invite = await env.ok(OWNER, 'invites', 'create', { filingId: filing.id, role: 'owner_principal' })
  await env.ok(PRINCIPAL, 'invites', 'accept', { token: invite.token })
  await acceptAll(env, OWNER)
  await acceptAll(env, PRINCIPAL)
  const ticket = env.fake.wechatTicketPush()
  expect(await handleWechatPush(env.deps, ticket.query, ticket.body)).toBe('ticket')

  const start = await env.ok(OWNER, 'connector', 'connect', { id: filing.id })
  expect(start.platform).toBe('wechat')
  expect(start.qrContent).toContain('componentloginpage')
  expect(JSON.stringify(start)).not.toMatch(/componenttoken|refreshtoken/)
  const pc = new URL(start.qrContent)
  const redirect = new URL(pc.searchParams.get('redirect_uri')!)
  const consent = env.fake.wechatConsent(pc.searchParams.get('pre_auth_code')!, APP, sets)
  if ('error' in consent) throw new Error(consent.error)
  const bound = await handleCallback(env.deps, 'wechat', {
    state: redirect.searchParams.get('state')!,
    auth_code: consent.authCode,
    expires_in: '600'
  })
  return { env, filingId: filing.id, bound, consent }
}

const stageOf = async (env: ConnectorEnv, id: string) => (await env.ok(OWNER, 'filings', 'get', { id })).progress

describe('WeChat: connect and follow the filing', () => {
  it('2 → 4 (SMS 1 → 2) → 6: follows within one poll, plans the SMS reminders at once, sends them once, gets the 备案号', async () => {
    const { env, filingId, bound } = await connected()
    expect(bound).toEqual({ ok: true, filingId, appId: APP })
    const status = await env.ok(OWNER, 'connector', 'status', { id: filingId })
    expect(status).toMatchObject({ connected: true, platform: 'wechat', appId: APP, platformStatus: 1024 })

    env.fake.wechatSetStatus(APP, 2)
    // not filed yet: polled hourly
    env.clock.advance(59 * MINUTE)
    expect((await runPlatformSync(env.deps, env.deps.platforms!)).due).toBe(0)
    env.clock.advance(MINUTE)
    expect((await runPlatformSync(env.deps, env.deps.platforms!)).advanced).toBe(1)
    expect((await stageOf(env, filingId)).stage).toBe('platform_review')

    env.clock.advance(2 * MINUTE)
    env.fake.wechatSetStatus(APP, 4, { sms: 1 })
    // not due yet: the cadence in platform review is 5 minutes
    expect((await runPlatformSync(env.deps, env.deps.platforms!)).due).toBe(0)
    env.clock.advance(3 * MINUTE)
    await runPlatformSync(env.deps, env.deps.platforms!)
    const inWindow = await stageOf(env, filingId)
    expect(inWindow.stage).toBe('sms_verification')
    // the deadline counts from the previous poll (5 minutes before), the earliest the text can have come
    expect(Date.parse(inWindow.smsDeadline!)).toBe(env.clock.now().getTime() - 5 * MINUTE + 24 * 3600_000)
    const planned = await env.store.collection<DeliveryRecord>(COLLECTIONS.deliveries).find({ kind: 'sms_window_open' })
    expect(new Set(planned.map((d) => d.recipientId))).toEqual(new Set([OWNER, PRINCIPAL]))

    const outbox = new Outbox()
    const job = () => runReminderJob({ store: env.store, clock: env.clock, sender: outbox, logger: env.logger })
    await job()
    await runPlatformSync(env.deps, env.deps.platforms!) // a repeated observation changes nothing
    env.clock.advance(5 * MINUTE)
    await runPlatformSync(env.deps, env.deps.platforms!)
    await job()
    const opened = outbox.sent.filter((m) => m.reminderKey.includes('sms_window_open'))
    expect(opened.map((m) => m.toUserId).sort()).toEqual([OWNER, PRINCIPAL].sort())

    env.fake.wechatSetStatus(APP, 4, { sms: 2 })
    env.clock.advance(5 * MINUTE)
    await runPlatformSync(env.deps, env.deps.platforms!)
    expect((await stageOf(env, filingId)).stage).toBe('admin_review')
    // the window closed: the later SMS reminders are cancelled, not sent
    const pendingSms = await env.store
      .collection<DeliveryRecord>(COLLECTIONS.deliveries)
      .find({ template: 'sms_deadline', state: 'pending' })
    expect(pendingSms).toEqual([])

    const push = env.fake.wechatSetStatus(APP, 6, { recordNumber: '京ICP备2026000123号-1X' })!
    // the push triggers a sync at once, before the 30-minute 管局 cadence
    env.clock.advance(MINUTE)
    expect(await handleWechatPush(env.deps, push.query, push.body)).toBe('synced')
    const done = await stageOf(env, filingId)
    expect(done.stage).toBe('approved')
    expect(done.filingNumber).toBe('京ICP备2026000123号-1X')
    expect(done.history.map((h) => h.stage)).toEqual([
      'draft',
      'platform_review',
      'sms_verification',
      'admin_review',
      'approved'
    ])
    // final: never polled again
    env.clock.advance(24 * 3600_000)
    expect((await runPlatformSync(env.deps, env.deps.platforms!)).due).toBe(0)
    await job()
    expect(outbox.sent.filter((m) => m.reminderKey.includes('sms_window_open'))).toHaveLength(2)
    // no token or personal data in any log line
    expect(env.logger.lines.join('\n')).not.toMatch(
      /refreshtoken|authorizeraccess|componenttoken|ticket@@@|13800138000/
    )
  })

  it('2 → 3 with audit_data: the reasons are stored as the platform wrote them and linked to their fields', async () => {
    const { env, filingId } = await connected()
    env.fake.wechatSetStatus(APP, 2)
    env.clock.advance(60 * MINUTE)
    await runPlatformSync(env.deps, env.deps.platforms!)
    const push = env.fake.wechatSetStatus(APP, 3, {
      audit: [
        { key_name: '主办单位证件有效期', error: '证件有效期不足3个月', suggest: '请更换新证件后重新提交' },
        { key_name: '小程序负责人手机号码', error: '手机号与其他备案重复', suggest: '' }
      ]
    })!
    env.clock.advance(MINUTE)
    expect(await handleWechatPush(env.deps, push.query, push.body)).toBe('synced')
    const progress = await stageOf(env, filingId)
    expect(progress.stage).toBe('platform_rejected')
    expect(progress.history.at(-1)!.reasons).toEqual([
      '主办单位证件有效期：证件有效期不足3个月（建议：请更换新证件后重新提交）',
      '小程序负责人手机号码：手机号与其他备案重复'
    ])
    const status = await env.ok(OWNER, 'connector', 'status', { id: filingId })
    expect(status.rejection?.map((r) => [r.field, r.fieldPath])).toEqual([
      ['主办单位证件有效期', 'owner.certificateValidUntil'],
      ['小程序负责人手机号码', 'appPrincipal.mobile']
    ])
    expect(status.rejection?.[0]).toMatchObject({ error: '证件有效期不足3个月', suggestion: '请更换新证件后重新提交' })
  })

  it('SMS time-out (4 + sms 3) records sms_expired; a resubmission (2) starts a new cycle; 管局 rejection (5) keeps its reasons', async () => {
    const { env, filingId } = await connected()
    const poll = async (minutes: number) => {
      env.clock.advance(minutes * MINUTE)
      // WeChat pushes a fresh ticket every 10 minutes (it lives 12 h)
      const ticket = env.fake.wechatTicketPush()
      await handleWechatPush(env.deps, ticket.query, ticket.body)
      await runPlatformSync(env.deps, env.deps.platforms!)
      return stageOf(env, filingId)
    }
    env.fake.wechatSetStatus(APP, 4, { sms: 1 })
    expect((await poll(60)).stage).toBe('sms_verification')
    env.fake.wechatSetStatus(APP, 4, { sms: 3 })
    for (let i = 0; i < 24 * 12 - 1; i++) await poll(5)
    expect((await poll(5)).stage).toBe('sms_expired')
    env.fake.wechatSetStatus(APP, 2)
    expect((await poll(60)).stage).toBe('platform_review')
    env.fake.wechatSetStatus(APP, 5, {
      audit: [{ key_name: '小程序备注', error: '描述过于简单', suggest: '写明具体服务' }]
    })
    const rejected = await poll(5)
    expect(rejected.stage).toBe('admin_rejected')
    expect(rejected.history.at(-1)).toMatchObject({
      source: 'platform',
      reasons: ['小程序备注：描述过于简单（建议：写明具体服务）']
    })
  })

  it('revocation (unauthorized push) unbinds the filing and tells the owner; a dead refresh token does the same', async () => {
    const { env, filingId } = await connected()
    env.clock.advance(MINUTE)
    const push = env.fake.wechatRevoke(APP)
    expect(await handleWechatPush(env.deps, push.query, push.body)).toBe('unbound')
    const status = await env.ok(OWNER, 'connector', 'status', { id: filingId })
    expect(status.connected).toBe(false)
    expect(status.notices.map((n) => n.kind)).toEqual(['revoked', 'connected'])
    // a replay of the same push is refused
    await expect(handleWechatPush(env.deps, push.query, push.body)).rejects.toMatchObject({ reason: 'replay' })

    const again = await connected()
    again.env.fake.wechatRevoke(APP) // push lost: the next poll finds the grant gone (61023 on refresh)
    again.env.fake.expireAccessTokens()
    again.env.clock.advance(61 * MINUTE)
    expect((await runPlatformSync(again.env.deps, again.env.deps.platforms!)).revoked).toBe(1)
    expect((await again.env.ok(OWNER, 'connector', 'status', { id: again.filingId })).connected).toBe(false)
  })

  it('only the owner connects; one AppID belongs to one owner; a grant without set 18/156 is refused', async () => {
    const { env, filingId } = await connected()
    expect((await env.call(PRINCIPAL, 'connector', 'connect', { id: filingId })).ok).toBe(false)
    expect(await env.call(STRANGER, 'connector', 'connect', { id: filingId })).toMatchObject({
      ok: false,
      code: 'NOT_FOUND'
    })
    const other = await env.ok(STRANGER, 'filings', 'create', { profile: PROFILE, form: FORM })
    const start = await env.ok(STRANGER, 'connector', 'connect', { id: other.id })
    const pc = new URL(start.qrContent)
    const consent = env.fake.wechatConsent(pc.searchParams.get('pre_auth_code')!, APP)
    if ('error' in consent) throw new Error(consent.error)
    const state = new URL(pc.searchParams.get('redirect_uri')!).searchParams.get('state')!
    expect(await handleCallback(env.deps, 'wechat', { state, auth_code: consent.authCode })).toEqual({
      ok: false,
      reason: 'owned_elsewhere'
    })
    // the state is single use
    expect(await handleCallback(env.deps, 'wechat', { state, auth_code: consent.authCode })).toEqual({
      ok: false,
      reason: 'state'
    })
    expect((await env.ok(OWNER, 'connector', 'status', { id: filingId })).connected).toBe(true)

    const noIcp = await connected([1, 2])
    expect(noIcp.bound).toEqual({ ok: false, reason: 'permission_missing' })
  })

  it('a connected filing takes no manual stage report but abandoning; after unbinding manual reports work again', async () => {
    const { env, filingId } = await connected()
    const view = await env.ok(OWNER, 'filings', 'get', { id: filingId })
    const version = view.version
    // the page offers only what a manual report may still do
    expect(view.actions).toEqual(['cancel'])
    const refused = await env.call(OWNER, 'filings', 'advance', { id: filingId, version, action: { type: 'submit' } })
    expect(refused).toMatchObject({ ok: false, code: 'STAGE_RULE', reason: 'SYNCED_BY_PLATFORM' })
    await env.ok(OWNER, 'connector', 'disconnect', { id: filingId })
    expect((await env.ok(OWNER, 'filings', 'get', { id: filingId })).actions).toEqual(['submit', 'cancel'])
    await env.ok(OWNER, 'filings', 'advance', { id: filingId, version, action: { type: 'submit' } })
  })

  it('a run stops claiming when its time budget is spent; the rest stays due for the next run', async () => {
    // every API call takes 10 s of the (fake) clock
    const { env } = await connected([18], { latencyMs: 10_000 })
    const other = await env.ok(STRANGER, 'filings', 'create', { profile: PROFILE, form: FORM })
    const start = await env.ok(STRANGER, 'connector', 'connect', { id: other.id })
    const pc = new URL(start.qrContent)
    const consent = env.fake.wechatConsent(pc.searchParams.get('pre_auth_code')!, 'wxmerchant000009')
    if ('error' in consent) throw new Error(consent.error)
    const state = new URL(pc.searchParams.get('redirect_uri')!).searchParams.get('state')!
    await handleCallback(env.deps, 'wechat', { state, auth_code: consent.authCode })
    env.clock.advance(60 * MINUTE)
    const first = await runPlatformSync(env.deps, env.deps.platforms!, { concurrency: 1, budgetMs: 5_000 })
    expect([first.due, first.unchanged]).toEqual([2, 1])
    const second = await runPlatformSync(env.deps, env.deps.platforms!, { concurrency: 1, budgetMs: 5_000 })
    expect([second.due, second.unchanged]).toEqual([1, 1])
  })

  it('errors back off; quota and token errors recover', async () => {
    const { env } = await connected()
    env.fake.wechatSetStatus(APP, 2)
    env.clock.advance(60 * MINUTE)
    await runPlatformSync(env.deps, env.deps.platforms!)
    env.fake.injectError('get_icp_entrance_info', -1, 3)
    env.clock.advance(5 * MINUTE)
    expect((await runPlatformSync(env.deps, env.deps.platforms!)).failed).toBe(1)
    env.clock.advance(5 * MINUTE)
    expect((await runPlatformSync(env.deps, env.deps.platforms!)).failed).toBe(1)
    env.clock.advance(5 * MINUTE) // second failure waits 10 minutes
    expect((await runPlatformSync(env.deps, env.deps.platforms!)).due).toBe(0)
    env.clock.advance(5 * MINUTE)
    expect((await runPlatformSync(env.deps, env.deps.platforms!)).failed).toBe(1)
    env.clock.advance(20 * MINUTE)
    expect((await runPlatformSync(env.deps, env.deps.platforms!)).unchanged).toBe(1)
  })
})

describe('agency list', () => {
  it('lists every connected mini-program of the caller, most urgent first, filterable by stage', async () => {
    const { env, filingId } = await connected()
    // a second filing on another mini-program, moved into the SMS window
    const second = await env.ok(OWNER, 'filings', 'create', {
      profile: { ...PROFILE, texts: { ...PROFILE.texts, appName: '第二个' } },
      form: FORM
    })
    const start = await env.ok(OWNER, 'connector', 'connect', { id: second.id })
    const pc = new URL(start.qrContent)
    const consent = env.fake.wechatConsent(pc.searchParams.get('pre_auth_code')!, 'wxmerchant000002')
    if ('error' in consent) throw new Error(consent.error)
    const state = new URL(pc.searchParams.get('redirect_uri')!).searchParams.get('state')!
    await handleCallback(env.deps, 'wechat', { state, auth_code: consent.authCode })
    env.fake.wechatSetStatus(APP, 2)
    env.fake.wechatSetStatus('wxmerchant000002', 4, { sms: 1 })
    env.clock.advance(60 * MINUTE)
    await runPlatformSync(env.deps, env.deps.platforms!)

    const { items } = await env.ok(OWNER, 'connector', 'agency', {})
    expect(items.map((i) => [i.appId, i.stage, i.nextDeadlineKind])).toEqual([
      ['wxmerchant000002', 'sms_verification', 'sms_deadline'],
      [APP, 'platform_review', 'review_latest']
    ])
    expect(items[0].waitingFor).toBe('等待负责人完成12381短信核验')
    expect(items[1].filingId).toBe(filingId)
    const filtered = await env.ok(OWNER, 'connector', 'agency', { stages: ['platform_review'] })
    expect(filtered.items.map((i) => i.appId)).toEqual([APP])
    expect((await env.ok(STRANGER, 'connector', 'agency', {})).items).toEqual([])
  })
})

describe('Douyin: connect and follow', () => {
  it('binds through the callback, follows platform review → 管局 (SMS window) → filed with the 备案号', async () => {
    const env = withConnector(makeConnectorEnv())
    const filing = await env.ok(OWNER, 'filings', 'create', { profile: { ...PROFILE, platform: 'tt' }, form: FORM })
    expect(await handleDouyinPush(env.deps, env.fake.douyinTicketPush())).toBe('ticket')
    const start = await env.ok(OWNER, 'connector', 'connect', { id: filing.id })
    expect(start.platform).toBe('douyin')
    const { redirect } = env.fake.douyinConsent('ttmerchant000001')
    const query = Object.fromEntries(new URL(redirect).searchParams)
    expect(await handleCallback(env.deps, 'douyin', query)).toMatchObject({ ok: true, appId: 'ttmerchant000001' })
    env.fake.douyinSetStatus('ttmerchant000001', 'platform_review')
    env.clock.advance(60 * MINUTE)
    await runPlatformSync(env.deps, env.deps.platforms!)
    expect((await stageOf(env, filing.id)).stage).toBe('platform_review')
    env.fake.douyinSetStatus('ttmerchant000001', 'admin_review')
    env.clock.advance(5 * MINUTE)
    await runPlatformSync(env.deps, env.deps.platforms!)
    expect((await stageOf(env, filing.id)).stage).toBe('sms_verification')
    env.fake.douyinSetStatus('ttmerchant000001', 'filed')
    env.clock.advance(5 * MINUTE)
    await runPlatformSync(env.deps, env.deps.platforms!)
    const done = await stageOf(env, filing.id)
    expect(done.stage).toBe('approved')
    expect(done.filingNumber).toMatch(/^京ICP备\d+号-1X$/)
    expect(await handleDouyinPush(env.deps, env.fake.douyinRevoke('ttmerchant000001'))).toBe('unbound')
  })
})
