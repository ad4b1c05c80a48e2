/** @jest-environment node */
/**
 * The submission actions against an in-memory platform API: ownership, the photo pass-through (checked, replaced
 * per slot, nothing but the media id kept), the face task (restart only when expired or failed), submit → 平台初审
 * with source 'platform' or refusal hints → findings on our fields, withdraw inside / outside 平台初审, 注销 by kind.
 */
import { SAMPLE_FORM, SAMPLE_PROFILE } from '../../../src/domain/samples'
import { COLLECTIONS } from '../../../src/cloud/records'
import type { ConnectionRecord } from '../../../src/cloud/platforms/connector'
import { makeEnv, type TestEnv } from '../cloud/helpers'
import { StubFilingApi } from './stub-filing-api'

const OWNER = 'owner-a'
const PRINCIPAL = 'principal-p'
const STRANGER = 'stranger-s'
const APP = 'wxapp0000000001'

/** A tiny but real JPEG / PNG header: the server checks the signature, the stub never decodes. */
const JPEG = Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), Buffer.alloc(2000, 7)]).toString('base64')
const PNG = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.alloc(100)]).toString(
  'base64'
)

async function setUp(platform: 'wechat' | 'douyin' = 'wechat', profile = SAMPLE_PROFILE) {
  const env = makeEnv('wx')
  const api = new StubFilingApi(platform)
  env.deps.platforms = {
    [platform]: { client: {}, push: {}, filing: api },
    publicBaseUrl: 'https://beian.example.com'
  } as never
  const filing = await env.ok(OWNER, 'filings', 'create', {
    profile: { ...profile, platform: platform === 'wechat' ? 'weapp' : 'tt' },
    form: SAMPLE_FORM
  })
  const invite = await env.ok(OWNER, 'invites', 'create', { filingId: filing.id, role: 'app_principal' })
  await env.ok(PRINCIPAL, 'invites', 'accept', { token: invite.token })
  const now = env.clock.now().toISOString()
  await env.store.collection<ConnectionRecord>(COLLECTIONS.platformConnections).insert({
    _id: `${platform}:${APP}`,
    version: 1,
    platform,
    appId: APP,
    ownerId: OWNER,
    filingId: filing.id,
    state: 'active',
    connectedAt: now,
    nextSyncAt: now,
    failures: 0,
    updatedAt: now
  })
  return { env, api, id: filing.id }
}

const upload = (env: TestEnv, id: string, slot: string, dataBase64 = JPEG, user = OWNER) =>
  env.call(user, 'submission', 'uploadMedia', {
    id,
    slot,
    fileName: 'photo.jpg',
    mimeType: 'image/jpeg',
    dataBase64,
    consent: true
  })

async function uploadAll(env: TestEnv, id: string) {
  const view = await env.ok(OWNER, 'submission', 'prepare', { id })
  for (const s of view.slots) expect((await upload(env, id, s.slot)).ok).toBe(true)
  return view.slots.map((s) => s.slot)
}

/** The sample's 小程序负责人 ID card cannot tell its start date: the page asks for it. */
const EXTRAS = { appPrincipalIdValidFrom: '2012-08-15' }

async function ready(platform: 'wechat' | 'douyin' = 'wechat') {
  const set = await setUp(platform)
  await set.env.ok(OWNER, 'submission', 'saveExtras', { id: set.id, extras: EXTRAS })
  await uploadAll(set.env, set.id)
  await set.env.ok(OWNER, 'submission', 'startFace', { id: set.id })
  set.api.faceTask!.status = 'passed'
  await set.env.ok(OWNER, 'submission', 'faceStatus', { id: set.id })
  return set
}

describe('submission.prepare', () => {
  it.each(['wechat', 'douyin'] as const)(
    '%s: lists the photos the platform needs and blocks until they and the face check are done',
    async (platform) => {
      const { env, id } = await setUp(platform)
      const view = await env.ok(OWNER, 'submission', 'prepare', { id })
      expect(view).toMatchObject({ platform, appId: APP, stage: 'draft', platformFindings: [] })
      // the only value the platform cannot take from the form: a start date the sample's ID card cannot tell
      expect(view.mappingFindings.every((f) => f.field.startsWith('extras.'))).toBe(true)
      expect(view.slots.length).toBeGreaterThanOrEqual(3)
      expect(view.slots.every((s) => !s.uploaded && /MB/.test(s.rule))).toBe(true)
      expect(view.readiness.ready).toBe(false)
      const kinds = new Set(view.readiness.blockers.map((b) => b.kind))
      expect(kinds).toEqual(new Set(view.mappingFindings.length ? ['media', 'face', 'mapping'] : ['media', 'face']))
      expect(view.face.status).toBe('none')
      const withExtras = await env.ok(OWNER, 'submission', 'saveExtras', { id, extras: EXTRAS })
      expect(withExtras.mappingFindings).toEqual([])
      expect(withExtras.extras).toMatchObject({ ...EXTRAS, legalPersonIdNumberGiven: false })
    }
  )

  it('is the owner’s: an invited principal is refused, a stranger finds nothing', async () => {
    const { env, id } = await setUp()
    expect(await env.call(PRINCIPAL, 'submission', 'prepare', { id })).toMatchObject({ ok: false, code: 'FORBIDDEN' })
    expect(await env.call(STRANGER, 'submission', 'prepare', { id })).toMatchObject({ ok: false, code: 'NOT_FOUND' })
  })

  it('without a binding says to connect first', async () => {
    const { env, id } = await setUp()
    await env.store.collection<ConnectionRecord>(COLLECTIONS.platformConnections).removeWhere({ appId: APP })
    const res = await env.call(OWNER, 'submission', 'prepare', { id })
    expect(res).toMatchObject({ ok: false, code: 'NOT_FOUND' })
    expect(!res.ok && res.message).toContain('连接小程序')
  })
})

describe('submission.uploadMedia', () => {
  it('passes the bytes through and keeps only the media id; a second photo for a slot replaces the first', async () => {
    const { env, api, id } = await setUp()
    const [slot] = (await env.ok(OWNER, 'submission', 'prepare', { id })).slots
    expect((await upload(env, id, slot.slot)).ok).toBe(true)
    expect((await upload(env, id, slot.slot)).ok).toBe(true)
    expect(api.uploads).toHaveLength(2)
    expect(api.uploads[0]).toMatchObject({ slot: slot.slot, size: 2004, mimeType: 'image/jpeg' })
    const [binding] = await env.store
      .collection<ConnectionRecord & { submission: { media: object } }>(COLLECTIONS.platformConnections)
      .find({})
    expect(binding.submission.media).toEqual({ [slot.slot]: { mediaId: 'media-2', uploadedAt: expect.any(String) } })
    const stored = JSON.stringify(binding)
    expect(stored).not.toContain(JPEG.slice(0, 40))
    expect(env.logger.lines.join()).not.toContain(JPEG.slice(0, 40))
    const view = await env.ok(OWNER, 'submission', 'prepare', { id })
    expect(view.slots[0].uploaded).toBe(true)
    expect(view.consentAt).toBeDefined()
  })

  it.each([
    ['no consent', { consent: false }, 'consent'],
    ['a slot this filing does not need', { slot: 'residence_permit' }, 'slot'],
    ['bytes that are not the JPEG they claim', { dataBase64: PNG }, 'dataBase64'],
    ['not base64', { dataBase64: 'not base64!' }, 'dataBase64'],
    ['an unknown key', { extra: 1 }, 'extra']
  ])('refuses %s', async (_name, change, field) => {
    const { env, api, id } = await setUp()
    const res = await env.call(OWNER, 'submission', 'uploadMedia', {
      id,
      slot: 'owner_certificate',
      fileName: 'a.jpg',
      mimeType: 'image/jpeg',
      dataBase64: JPEG,
      consent: true,
      ...change
    })
    expect(res).toMatchObject({ ok: false, code: 'INVALID' })
    expect(!res.ok && Object.keys(res.fieldErrors)).toContain(field)
    expect(api.uploads).toHaveLength(0)
  })

  it('refuses more than 2 MB before anything is sent', async () => {
    const { env, api, id } = await setUp()
    const big = Buffer.concat([Buffer.from([0xff, 0xd8, 0xff]), Buffer.alloc(2 * 1024 * 1024)]).toString('base64')
    expect(await upload(env, id, 'owner_certificate', big)).toMatchObject({ ok: false, code: 'INVALID' })
    expect(api.uploads).toHaveLength(0)
  })

  it('a failed upload keeps nothing; the retry records the slot once', async () => {
    const { env, api, id } = await setUp()
    api.failNextUpload = true
    expect(await upload(env, id, 'owner_certificate')).toMatchObject({ ok: false, code: 'INTERNAL' })
    expect((await env.ok(OWNER, 'submission', 'prepare', { id })).slots[0].uploaded).toBe(false)
    expect((await upload(env, id, 'owner_certificate')).ok).toBe(true)
    expect(api.uploads.map((u) => u.slot)).toEqual(['owner_certificate'])
  })
})

describe('face check', () => {
  it('the owner starts it; owner and principal see who must do what; restart only once it expired', async () => {
    const { env, api, id } = await setUp()
    const started = await env.ok(OWNER, 'submission', 'startFace', { id })
    expect(started).toMatchObject({ status: 'pending', who: '小程序负责人' })
    expect(api.faceStarts).toEqual([{ provinceCode: '120000' }])
    expect(await env.call(OWNER, 'submission', 'startFace', { id })).toMatchObject({ ok: false, code: 'CONFLICT' })
    const seen = await env.ok(PRINCIPAL, 'submission', 'faceStatus', { id })
    expect(seen.status).toBe('pending')
    expect(seen.instruction).toContain('你')
    expect(await env.call(PRINCIPAL, 'submission', 'startFace', { id })).toMatchObject({ ok: false, code: 'FORBIDDEN' })
    expect(await env.call(STRANGER, 'submission', 'faceStatus', { id })).toMatchObject({ ok: false, code: 'NOT_FOUND' })

    api.faceTask!.status = 'expired'
    expect((await env.ok(OWNER, 'submission', 'faceStatus', { id })).status).toBe('expired')
    const again = await env.ok(OWNER, 'submission', 'startFace', { id })
    expect(again.status).toBe('pending')
    expect(api.faceStarts).toHaveLength(2)
  })

  it('Douyin: a QR link, or the SMS to the mini-program principal’s phone', async () => {
    const { env, api, id } = await setUp('douyin')
    expect((await env.ok(OWNER, 'submission', 'startFace', { id })).link).toBe('https://douyin.example/face?t=1')
    api.faceTask!.status = 'failed'
    await env.ok(OWNER, 'submission', 'faceStatus', { id })
    const sms = await env.ok(OWNER, 'submission', 'startFace', { id, via: 'sms' })
    expect(sms.link).toBeUndefined()
    expect(sms.instruction).toContain('短信')
    expect(api.faceStarts[1]).toEqual({ provinceCode: '120000', smsPhone: SAMPLE_FORM.appPrincipal.mobile })
  })
})

describe('submission.submit', () => {
  it('refuses while anything blocks, without calling the platform', async () => {
    const { env, api, id } = await setUp()
    const res = await env.call(OWNER, 'submission', 'submit', { id })
    expect(res).toMatchObject({ ok: false, code: 'INVALID' })
    expect(api.submitted).toHaveLength(0)
  })

  it.each(['wechat', 'douyin'] as const)(
    '%s: accepted → 平台初审 recorded as the platform’s step',
    async (platform) => {
      const { env, api, id } = await ready(platform)
      expect((await env.ok(OWNER, 'submission', 'prepare', { id })).readiness).toEqual({ ready: true, blockers: [] })
      expect(await env.ok(OWNER, 'submission', 'submit', { id })).toEqual({ submitted: true, stage: 'platform_review' })
      expect(api.submitted).toHaveLength(1)
      expect(api.submitted[0].mode).toBe('new')
      const filing = await env.ok(OWNER, 'filings', 'get', { id })
      expect(filing.progress.stage).toBe('platform_review')
      expect(filing.progress.history.at(-1)).toMatchObject({ stage: 'platform_review', source: 'platform' })
      // not twice
      expect(await env.call(OWNER, 'submission', 'submit', { id })).toMatchObject({ ok: false })
      expect(api.submitted).toHaveLength(1)
    }
  )

  it('a refusal comes back as findings on our own fields and stays for the page', async () => {
    const { env, api, id } = await ready()
    api.submitAnswer = {
      ok: false,
      errcode: 86202,
      message: 'apply icp filing fail',
      hints: [
        { errField: 'icp_subject.base_info.name', errMsg: '主办者与小程序主体不一致' },
        { errField: 'icp_subject.principal_info.mobile', errMsg: '手机号码格式错误' }
      ]
    }
    const out = await env.ok(OWNER, 'submission', 'submit', { id })
    expect(out.submitted).toBe(false)
    if (out.submitted) return
    expect(out.findings.map((f) => f.field)).toEqual(['owner.name', 'ownerPrincipal.mobile'])
    expect(out.findings.every((f) => /[\u4e00-\u9fff]/.test(f.message) && f.fix)).toBe(true)
    const view = await env.ok(OWNER, 'submission', 'prepare', { id })
    expect(view.platformFindings).toEqual(out.findings)
    expect(view.stage).toBe('draft')
  })
})

describe('withdraw and 注销', () => {
  it('withdraws only while the platform reviews, and says so otherwise', async () => {
    const { env, api, id } = await ready()
    const before = await env.call(OWNER, 'submission', 'withdraw', { id })
    expect(before).toMatchObject({ ok: false, code: 'STAGE_RULE' })
    await env.ok(OWNER, 'submission', 'submit', { id })
    const view = await env.ok(OWNER, 'submission', 'prepare', { id })
    expect(view.canWithdraw).toBe(true)
    api.withdrawAnswer = { ok: false, reason: 'not_withdrawable', errcode: 86330, message: '平台初审已结束，不能撤回' }
    expect(await env.call(OWNER, 'submission', 'withdraw', { id })).toMatchObject({
      ok: false,
      message: '平台初审已结束，不能撤回'
    })
    api.withdrawAnswer = { ok: true }
    expect(await env.ok(OWNER, 'submission', 'withdraw', { id })).toEqual({ withdrawn: true })
    const filing = await env.ok(OWNER, 'filings', 'get', { id })
    expect(filing.progress.stage).toBe('platform_rejected')
    expect((await env.ok(OWNER, 'submission', 'prepare', { id })).canWithdraw).toBe(false)
  })

  it('注销 goes to the platform with the chosen kind, for a cancel filing only', async () => {
    const { env, api, id } = await setUp('wechat', { ...SAMPLE_PROFILE, filingType: 'cancel' })
    expect(await env.ok(OWNER, 'submission', 'cancel', { id, kind: 'mini_program' })).toEqual({ requested: true })
    expect(api.cancels).toEqual([{ kind: 'mini_program', filingNumber: '' }])
    const other = await setUp()
    expect(await other.env.call(OWNER, 'submission', 'cancel', { id: other.id, kind: 'owner' })).toMatchObject({
      ok: false,
      code: 'INVALID'
    })
    expect(await env.call(OWNER, 'submission', 'cancel', { id, kind: 'everything' })).toMatchObject({
      ok: false,
      code: 'INVALID'
    })
  })

  it('Douyin has no 注销 API: the owner is told where to do it', async () => {
    const { env, id } = await setUp('douyin', { ...SAMPLE_PROFILE, filingType: 'cancel' })
    const res = await env.call(OWNER, 'submission', 'cancel', { id, kind: 'mini_program' })
    expect(res).toMatchObject({ ok: false, code: 'INVALID' })
    expect(!res.ok && res.message).toContain('抖音')
  })
})
