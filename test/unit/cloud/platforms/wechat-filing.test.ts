/** @jest-environment node */
/**
 * WechatFilingApi against the WeChat fake: code tables normalised and cached, uploads (with failures
 * mid-way retried without duplicates), the face task through pending → passed / expired and a restart,
 * apply_icp_filing accepted and refused field by field (86202 hints), withdrawal inside and outside platform
 * review, 注销 by kind, and the accepted application followed to 已备案 with its number.
 */
import { cachedCodeTables, CODE_TABLES_MAX_AGE_MS } from '../../../../src/cloud/platforms/code-tables'
import { PlatformError } from '../../../../src/cloud/platforms/shared/http'
import { COLLECTIONS } from '../../../../src/cloud/records'
import { advance, uploadWechatPhotos, wechatFilingEnv, wechatPayload, WX_APP, WX_PHOTOS } from './filing-fixture'

const HOUR = 3_600_000

/** A connected app with every photo uploaded and a passed face task. */
async function ready() {
  const env = await wechatFilingEnv()
  const media = await uploadWechatPhotos(env)
  const task = await env.api.startFaceCheck(WX_APP)
  env.fake.wechatFaceResult(task.taskId, true)
  return { ...env, media, taskId: task.taskId, payload: wechatPayload(media, task.taskId) }
}

describe('WeChat code tables', () => {
  it('normalises the five tables: codes as strings, each entry with its parent', async () => {
    const env = await wechatFilingEnv()
    const t = await env.api.codeTables(WX_APP)
    expect(t.platform).toBe('wechat')
    expect(t.districts).toContainEqual({ code: '120116', name: '滨海新区', parentCode: '120100' })
    expect(t.districts).toContainEqual({ code: '120000', name: '天津市' })
    expect(t.subjectTypes).toContainEqual({ code: '4', name: '企业' })
    expect(t.certificateTypes).toContainEqual({ code: '2', name: '居民身份证', parentCode: '5' })
    expect(t.serviceContentTypes).toContainEqual({ code: '1', name: '生活缴费', parentCode: '500' })
    expect(t.serviceContentTypes).toContainEqual({ code: '500', name: '生活服务' })
    expect(t.preApprovalItems).toContainEqual({ code: '24', name: '以上都不涉及' })
  })

  it('caches them with their fetch date, fetches again after 7 days or on demand', async () => {
    const env = await wechatFilingEnv()
    const first = await cachedCodeTables(env.deps, env.api, WX_APP)
    expect(env.fake.callsOf('query_icp_district_code')).toBe(1)
    await cachedCodeTables(env.deps, env.api, WX_APP)
    expect(env.fake.callsOf('query_icp_district_code')).toBe(1)
    const stored = await env.store.collection(COLLECTIONS.platformCodeTables).get('wechat')
    expect(stored).toMatchObject({ platform: 'wechat', fetchedAt: first.fetchedAt })
    await advance(env, CODE_TABLES_MAX_AGE_MS + 1)
    const second = await cachedCodeTables(env.deps, env.api, WX_APP)
    expect(env.fake.callsOf('query_icp_district_code')).toBe(2)
    expect(second.fetchedAt > first.fetchedAt).toBe(true)
    await cachedCodeTables(env.deps, env.api, WX_APP, { refresh: true })
    expect(env.fake.callsOf('query_icp_district_code')).toBe(3)
  })
})

describe('WeChat media', () => {
  it('uploads a photo and returns its media id', async () => {
    const env = await wechatFilingEnv()
    const { mediaId } = await env.api.uploadMedia(WX_APP, WX_PHOTOS.licence)
    expect(mediaId).toMatch(/^wxmedia/)
    expect(env.fake.media.countOf(WX_APP)).toBe(1)
  })

  it('refuses a certificate type that does not fit the field (86201)', async () => {
    const env = await wechatFilingEnv()
    const wrong = { ...WX_PHOTOS.appFront, certificateType: '1' }
    await expect(env.api.uploadMedia(WX_APP, wrong)).rejects.toMatchObject({ errcode: 86201 })
    expect(env.fake.media.countOf(WX_APP)).toBe(0)
  })

  it.each([
    ['dropped before it arrived', 'drop'],
    ['stored but its answer lost', 'lost_answer']
  ] as const)('an upload %s is retried once, leaving exactly one media', async (_label, how) => {
    const env = await wechatFilingEnv()
    env.fake.failNextUpload(WX_APP, how)
    const { mediaId } = await env.api.uploadMedia(WX_APP, WX_PHOTOS.licence)
    expect(env.fake.callsOf('upload_icp_media')).toBe(2)
    expect(env.fake.media.countOf(WX_APP)).toBe(1)
    expect(env.fake.media.belongs(WX_APP, mediaId)).toBe(true)
    // the user retries the slot later with the same photo: still one
    await env.api.uploadMedia(WX_APP, WX_PHOTOS.licence)
    expect(env.fake.media.countOf(WX_APP)).toBe(1)
  })

  it('a refusal is final for this attempt (no automatic retry); the next attempt stores one', async () => {
    const env = await wechatFilingEnv()
    env.fake.failNextUpload(WX_APP, 'refuse')
    await expect(env.api.uploadMedia(WX_APP, WX_PHOTOS.licence)).rejects.toBeInstanceOf(PlatformError)
    expect(env.fake.callsOf('upload_icp_media')).toBe(1)
    await env.api.uploadMedia(WX_APP, WX_PHOTOS.licence)
    expect(env.fake.media.countOf(WX_APP)).toBe(1)
  })
})

describe('WeChat face task', () => {
  it('is pending for 24 h, then passed when the administrator finishes it', async () => {
    const env = await wechatFilingEnv()
    const task = await env.api.startFaceCheck(WX_APP)
    expect(task).toMatchObject({ status: 'pending', channel: 'wechat_notice' })
    expect(Date.parse(task.expiresAt!) - env.clock.now().getTime()).toBe(24 * HOUR)
    expect((await env.api.faceCheckStatus(WX_APP, task.taskId)).status).toBe('pending')
    expect(env.fake.wechatFaceResult(task.taskId, true)).toBeDefined()
    expect((await env.api.faceCheckStatus(WX_APP, task.taskId)).status).toBe('passed')
  })

  it('reports a failed check', async () => {
    const env = await wechatFilingEnv()
    const task = await env.api.startFaceCheck(WX_APP)
    env.fake.wechatFaceResult(task.taskId, false)
    expect((await env.api.faceCheckStatus(WX_APP, task.taskId)).status).toBe('failed')
  })

  it('expires (unanswered for 24 h, or expired on the control page) and a restart gives a new task', async () => {
    const env = await wechatFilingEnv()
    const old = await env.api.startFaceCheck(WX_APP)
    await advance(env, 24 * HOUR + 1)
    expect((await env.api.faceCheckStatus(WX_APP, old.taskId)).status).toBe('expired')
    const again = await env.api.startFaceCheck(WX_APP)
    expect(again.taskId).not.toBe(old.taskId)
    env.fake.wechatFaceExpire(again.taskId)
    expect((await env.api.faceCheckStatus(WX_APP, again.taskId)).status).toBe('expired')
  })
})

describe('WeChat apply_icp_filing', () => {
  it('accepts a complete application: status 2 平台审核中, then followed to 已备案 with its number', async () => {
    const env = await ready()
    expect(await env.api.submit(WX_APP, env.payload)).toEqual({ ok: true })
    expect((await env.wechat.getIcpEntranceInfo(WX_APP)).status).toBe(2)
    env.fake.wechatSetStatus(WX_APP, 4, { sms: 1 })
    expect(await env.wechat.getIcpEntranceInfo(WX_APP)).toMatchObject({ status: 4, sms_verify_status: 1 })
    env.fake.wechatSetStatus(WX_APP, 6)
    // the number carries the application's province (天津 → 津), as a real one does
    expect(await env.wechat.getMiniProgramFilingNumber(WX_APP)).toMatch(/^津ICP备\d+号-1X$/)
  })

  type Payload = ReturnType<typeof wechatPayload>
  const cases: [string, (p: Payload, env: Awaited<ReturnType<typeof ready>>) => void, string, number?][] = [
    [
      'a subject name other than the account’s',
      (p) => (p.icp_subject.base_info.name = '别的公司'),
      'icp_subject.base_info.name',
      86355
    ],
    [
      'a district outside the city',
      (p) => (p.icp_subject.base_info.district = '110105'),
      'icp_subject.base_info.district'
    ],
    [
      'six service types',
      (p) => (p.icp_applets.base_info.service_content_types = [1, 2, 101, 102, 201, 202]),
      'icp_applets.base_info.service_content_types'
    ],
    [
      'a first-level service type',
      (p) => (p.icp_applets.base_info.service_content_types = [500]),
      'icp_applets.base_info.service_content_types'
    ],
    [
      'a 19-character 备注',
      (p) => (p.icp_applets.base_info.comment = '一二三四五六七八九十一二三四五六七八九'),
      'icp_applets.base_info.comment'
    ],
    [
      'a 201-character 备注',
      (p) => (p.icp_applets.base_info.comment = '字'.repeat(201)),
      'icp_applets.base_info.comment'
    ],
    [
      '24 together with another item',
      (p) => (p.icp_applets.base_info.nrlx_details = [{ type: 24 }, { type: 3 } as never]),
      'icp_applets.base_info.nrlx_details'
    ],
    [
      'an unknown media id',
      (p) => (p.icp_subject.organize_info.certificate_photo = 'wxmedia-unknown'),
      'icp_subject.organize_info.certificate_photo',
      86205
    ],
    [
      'a certificate type not for companies',
      (p) => (p.icp_subject.organize_info.certificate_type = 2),
      'icp_subject.organize_info.certificate_type'
    ],
    [
      'an end date before the start',
      (p) => (p.icp_applets.principal_info.certificate_validity_date_end = '20100101'),
      'icp_applets.principal_info.certificate_validity_date_end'
    ],
    [
      'a phone that is not a mobile number',
      (p) => (p.icp_subject.principal_info.mobile = '02212345678'),
      'icp_subject.principal_info.mobile'
    ],
    [
      'no face task',
      (p) => (p.icp_applets.principal_info.verify_task_id = ''),
      'icp_applets.principal_info.verify_task_id',
      86328
    ]
  ]

  it.each(cases)('refuses %s with 86202 and a hint on its field', async (_label, change, field) => {
    const env = await ready()
    change(env.payload, env)
    const result = await env.api.submit(WX_APP, env.payload)
    expect(result).toMatchObject({ ok: false, errcode: 86202 })
    if (result.ok) return
    expect(result.message).toMatch(/平台未受理/)
    expect(result.hints.map((h) => h.errField)).toEqual([field])
    expect((await env.wechat.getIcpEntranceInfo(WX_APP)).status).toBe(1024)
  })

  it('refuses media of another mini-program, an unfinished and an expired face task', async () => {
    const env = await ready()
    const pending = await env.api.startFaceCheck(WX_APP)
    const withPending = wechatPayload(env.media, pending.taskId)
    let r = await env.api.submit(WX_APP, withPending)
    expect(!r.ok && r.hints).toEqual([
      { errField: 'icp_applets.principal_info.verify_task_id', errMsg: '人脸核身尚未完成' }
    ])
    await advance(env, 3 * 24 * HOUR + 1)
    r = await env.api.submit(WX_APP, env.payload)
    expect(!r.ok && r.hints[0]?.errMsg).toMatch(/已过期/)
    env.fake.media.items.get(env.media.licence)!.appId = 'wxsomeoneelse'
    r = await env.api.submit(WX_APP, env.payload)
    expect(!r.ok && r.hints.map((h) => h.errField)).toContain('icp_subject.organize_info.certificate_photo')
  })

  it('refuses while an application is already in review', async () => {
    const env = await ready()
    expect((await env.api.submit(WX_APP, env.payload)).ok).toBe(true)
    const again = await env.api.submit(WX_APP, env.payload)
    expect(again).toMatchObject({ ok: false, errcode: 86360, hints: [] })
    expect(!again.ok && again.message).toBe('平台暂未受理这份备案申请（错误码 86360），请稍后再试')
  })
})

describe('WeChat withdrawal and 注销', () => {
  it('withdraws while the platform reviews (status 2), not once the 管局 has it, not when nothing is there', async () => {
    const env = await ready()
    expect(await env.api.withdraw(WX_APP)).toMatchObject({ ok: false, reason: 'nothing_to_withdraw', errcode: 86368 })
    await env.api.submit(WX_APP, env.payload)
    expect(await env.api.withdraw(WX_APP)).toEqual({ ok: true })
    expect((await env.wechat.getIcpEntranceInfo(WX_APP)).status).toBe(1024)
    env.fake.wechatSetStatus(WX_APP, 4, { sms: 1 })
    const late = await env.api.withdraw(WX_APP)
    expect(late).toMatchObject({ ok: false, reason: 'not_withdrawable', errcode: 86330 })
    expect(!late.ok && late.message).toMatch(/不能再撤回/)
  })

  it.each([
    ['owner', 1],
    ['mini_program', 2],
    ['access', 3]
  ] as const)('cancels a filed mini-program by kind %s (cancel_type %i), once at a time', async (kind, cancelType) => {
    const env = await ready()
    await expect(env.api.cancelFiling(WX_APP, kind, '')).rejects.toMatchObject({ errcode: 86353 })
    env.fake.wechatSetStatus(WX_APP, 6)
    await env.api.cancelFiling(WX_APP, kind, '粤ICP备2026001000号-1X')
    expect(env.fake.wxApps.get(WX_APP)!.canceling).toEqual({ cancelType })
    expect((await env.wechat.getIcpEntranceInfo(WX_APP)).is_canceling).toBe(true)
    await expect(env.api.cancelFiling(WX_APP, kind, '')).rejects.toMatchObject({ errcode: 86324 })
    env.fake.wechatFinishCancel(WX_APP, true)
    expect((await env.wechat.getIcpEntranceInfo(WX_APP)).status).toBe(1024)
  })
})
