/** @jest-environment node */
/**
 * Submission against both platform fakes through the real clients: the happy path to 平台初审 (and on to
 * 已备案 by the sync), each refusal hint shown on its field, an expired face task restarted, a withdrawal inside and
 * outside the allowed stage, and a media upload that fails mid-way and is retried without duplicates.
 */
import { readFileSync } from 'node:fs'
import path from 'node:path'
import { handleCallback, handleDouyinPush, handleWechatPush } from '../../../src/cloud/platforms/binding'
import { runPlatformSync } from '../../../src/cloud/platforms/sync'
import { SAMPLE_FORM, SAMPLE_PROFILE } from '../../../src/domain/samples'
import { DY_SECRETS, makeConnectorEnv, WX_SECRETS, type ConnectorEnv } from '../cloud/platforms/fixture'

const OWNER = 'owner-a'
const PRINCIPAL = 'principal-p'
const WX_APP = 'wxmerchant000001'
const DY_APP = 'ttmerchant000001'
const PHOTO = readFileSync(path.resolve(__dirname, '../../fixtures/photos/clean-license.jpg')).toString('base64')
const EXTRAS = { appPrincipalIdValidFrom: '2012-08-15' }

async function connectedFiling(platform: 'wechat' | 'douyin') {
  const env = makeConnectorEnv()
  env.deps.platforms = {
    wechat: { client: env.wechat, push: WX_SECRETS },
    douyin: { client: env.douyin, push: DY_SECRETS },
    publicBaseUrl: 'https://beian.example.com'
  }
  const filing = await env.ok(OWNER, 'filings', 'create', {
    profile: { ...SAMPLE_PROFILE, platform: platform === 'wechat' ? 'weapp' : 'tt' },
    form: SAMPLE_FORM
  })
  const invite = await env.ok(OWNER, 'invites', 'create', { filingId: filing.id, role: 'app_principal' })
  await env.ok(PRINCIPAL, 'invites', 'accept', { token: invite.token })
  const start = await (async () => {
    if (platform === 'wechat') {
      const ticket = env.fake.wechatTicketPush()
      await handleWechatPush(env.deps, ticket.query, ticket.body)
    } else await handleDouyinPush(env.deps, env.fake.douyinTicketPush())
    return env.ok(OWNER, 'connector', 'connect', { id: filing.id })
  })()
  if (platform === 'wechat') {
    const pc = new URL(start.qrContent)
    const redirect = new URL(pc.searchParams.get('redirect_uri')!)
    const consent = env.fake.wechatConsent(pc.searchParams.get('pre_auth_code')!, WX_APP, [18])
    if ('error' in consent) throw new Error(consent.error)
    await handleCallback(env.deps, 'wechat', {
      state: redirect.searchParams.get('state')!,
      auth_code: consent.authCode,
      expires_in: '600'
    })
  } else {
    const { redirect } = env.fake.douyinConsent(DY_APP)
    await handleCallback(env.deps, 'douyin', Object.fromEntries(new URL(redirect).searchParams))
  }
  const appId = platform === 'wechat' ? WX_APP : DY_APP
  env.fake.setSubjectName(platform, appId, SAMPLE_FORM.owner.name)
  return { env, id: filing.id, appId }
}

const upload = (env: ConnectorEnv, id: string, slot: string) =>
  env.call(OWNER, 'submission', 'uploadMedia', {
    id,
    slot,
    fileName: 'photo.jpg',
    mimeType: 'image/jpeg',
    dataBase64: PHOTO,
    consent: true
  })

/** Every photo uploaded, the extras given and the face check passed on the fake. */
async function readyToSubmit(platform: 'wechat' | 'douyin') {
  const set = await connectedFiling(platform)
  const { env, id, appId } = set
  await env.ok(OWNER, 'submission', 'saveExtras', { id, extras: EXTRAS })
  const view = await env.ok(OWNER, 'submission', 'prepare', { id })
  for (const s of view.slots) expect(await upload(env, id, s.slot)).toMatchObject({ ok: true })
  await passFace(env, platform, appId, id)
  return set
}

async function passFace(env: ConnectorEnv, platform: 'wechat' | 'douyin', appId: string, id: string) {
  expect((await env.ok(OWNER, 'submission', 'startFace', { id })).status).toBe('pending')
  const task = env.fake.latestFaceTask(platform, appId)!
  if (platform === 'wechat') env.fake.wechatFaceResult(task, true)
  else env.fake.douyinFaceResult(appId, task, 'passed')
  expect((await env.ok(OWNER, 'submission', 'faceStatus', { id })).status).toBe('passed')
}

describe.each(['wechat', 'douyin'] as const)('%s fake', (platform) => {
  it('happy path: photos, face check, 提交备案 → 平台初审, the application accepted by the fake', async () => {
    const { env, id } = await readyToSubmit(platform)
    const view = await env.ok(OWNER, 'submission', 'prepare', { id })
    expect(view.readiness).toEqual({ ready: true, blockers: [] })
    const out = await env.ok(OWNER, 'submission', 'submit', { id })
    expect(out).toEqual({ submitted: true, stage: 'platform_review' })
    const filing = await env.ok(OWNER, 'filings', 'get', { id })
    expect(filing.progress.history.at(-1)).toMatchObject({ stage: 'platform_review', source: 'platform' })
  })

  it('an expired face task is restarted and then passes', async () => {
    const { env, id, appId } = await connectedFiling(platform)
    await env.ok(OWNER, 'submission', 'startFace', { id })
    const first = env.fake.latestFaceTask(platform, appId)!
    if (platform === 'wechat') env.fake.wechatFaceExpire(first)
    else env.fake.douyinFaceExpire(appId, first)
    env.clock.advance(60_000)
    const seen = await env.ok(PRINCIPAL, 'submission', 'faceStatus', { id })
    expect(seen.status).toBe('expired')
    expect(seen.instruction).toContain('过期')
    await passFace(env, platform, appId, id)
    expect(env.fake.latestFaceTask(platform, appId)).not.toBe(first)
  })

  it('an upload that fails mid-way is retried without a duplicate on the platform', async () => {
    const { env, id, appId } = await connectedFiling(platform)
    const [slot] = (await env.ok(OWNER, 'submission', 'prepare', { id })).slots
    // the platform refuses mid-way: the owner is told, nothing is recorded for the slot
    env.fake.failNextUpload(appId, 'refuse')
    expect((await upload(env, id, slot.slot)).ok).toBe(false)
    expect((await env.ok(OWNER, 'submission', 'prepare', { id })).slots[0].uploaded).toBe(false)
    expect(await upload(env, id, slot.slot)).toMatchObject({ ok: true })
    // stored on the platform but the answer lost, then dropped on the way: each retried, never stored twice
    env.fake.failNextUpload(appId, 'lost_answer')
    expect(await upload(env, id, slot.slot)).toMatchObject({ ok: true })
    env.fake.failNextUpload(appId, 'drop')
    expect(await upload(env, id, slot.slot)).toMatchObject({ ok: true })
    expect((await env.ok(OWNER, 'submission', 'prepare', { id })).slots[0].uploaded).toBe(true)
    expect(env.fake.media.countOf(appId)).toBe(1)
  })
})

describe('WeChat refusals and withdrawal', () => {
  it('each refusal hint of the fake comes back on our own field', async () => {
    const { env, id, appId } = await readyToSubmit('wechat')
    env.fake.setSubjectName('wechat', appId, '另一家公司')
    const out = await env.ok(OWNER, 'submission', 'submit', { id })
    expect(out.submitted).toBe(false)
    if (out.submitted) return
    expect(out.message).toContain('86202')
    expect(out.findings.map((f) => f.field)).toContain('owner.name')
    expect((await env.ok(OWNER, 'submission', 'prepare', { id })).platformFindings).toEqual(out.findings)
    // fixed on the platform's side: accepted, and the findings are gone
    env.fake.setSubjectName('wechat', appId, SAMPLE_FORM.owner.name)
    expect(await env.ok(OWNER, 'submission', 'submit', { id })).toMatchObject({ submitted: true })
    expect((await env.ok(OWNER, 'submission', 'prepare', { id })).platformFindings).toEqual([])
  })

  it('withdraws while the platform reviews; not once the 管局 has it; the sync follows the 管局', async () => {
    const { env, id, appId } = await readyToSubmit('wechat')
    await env.ok(OWNER, 'submission', 'submit', { id })
    expect(await env.ok(OWNER, 'submission', 'withdraw', { id })).toEqual({ withdrawn: true })
    expect((await env.ok(OWNER, 'filings', 'get', { id })).progress.stage).toBe('platform_rejected')

    // the passed face check still counts: resubmitted at once
    expect(await env.ok(OWNER, 'submission', 'submit', { id })).toMatchObject({ submitted: true })
    env.fake.wechatSetStatus(appId, 4, { sms: 1 })
    env.clock.advance(6 * 60_000)
    await runPlatformSync(env.deps, env.deps.platforms!)
    expect((await env.ok(OWNER, 'filings', 'get', { id })).progress.stage).toBe('sms_verification')
    const refused = await env.call(OWNER, 'submission', 'withdraw', { id })
    expect(refused).toMatchObject({ ok: false, code: 'STAGE_RULE' })
    expect((await env.ok(OWNER, 'submission', 'prepare', { id })).withdrawNote).toContain('不能再撤回')
  })
})
