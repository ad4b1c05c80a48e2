/** @jest-environment node */
/**
 * DouyinFilingApi against the Douyin fake: option lists, upload_image and its refusals, the 人证核验 by
 * link and by SMS (daily limit), expiry and restart, submit / alter validated with field errors, and no withdraw /
 * 注销 API.
 */
import { FilingApiUnsupported } from '../../../../src/cloud/platforms/filing-api'
import { advance, DY_APP, DY_PHOTOS, douyinFilingEnv, douyinPayload, photo, uploadDouyinPhotos } from './filing-fixture'

const HOUR = 3_600_000

async function ready() {
  const env = await douyinFilingEnv()
  const media = await uploadDouyinPhotos(env)
  const face = await env.api.startFaceCheck(DY_APP, { provinceCode: '120000' })
  env.fake.douyinFaceResult(DY_APP, face.taskId, 'passed')
  return { ...env, media, token: face.taskId, payload: douyinPayload(media, face.taskId) }
}

describe('Douyin option lists and images', () => {
  it('normalises the option lists; personal certificates sit under 个人', async () => {
    const env = await douyinFilingEnv()
    const t = await env.api.codeTables(DY_APP)
    expect(t.platform).toBe('douyin')
    expect(t.districts).toContainEqual({ code: '110101', name: '东城区', parentCode: '110100' })
    expect(t.certificateTypes).toContainEqual({ code: '1', name: '营业执照（个人或企业）', parentCode: '4' })
    expect(t.certificateTypes).toContainEqual({ code: '2', name: '居民身份证', parentCode: '5' })
    expect(t.serviceContentTypes).toContainEqual({ code: '1', name: '生活缴费', parentCode: '500' })
    expect(t.preApprovalItems).toContainEqual({ code: '2', name: '出版' })
  })

  it.each([
    ['an image type outside 1/2/3', { ...DY_PHOTOS.licence, platformType: '4' }, 6020],
    ['a format other than an image', { ...DY_PHOTOS.licence, mimeType: 'application/pdf' }, 6021],
    ['a file over the size cap', { ...DY_PHOTOS.licence, bytes: new Uint8Array(5 * 1024 * 1024 + 1).fill(1) }, 6022]
  ])('refuses %s', async (_label, media, code) => {
    const env = await douyinFilingEnv()
    await expect(env.api.uploadMedia(DY_APP, media)).rejects.toMatchObject({ errcode: code })
  })

  it('retries an upload whose answer was lost without making a second image', async () => {
    const env = await douyinFilingEnv()
    env.fake.failNextUpload(DY_APP, 'lost_answer')
    const { mediaId } = await env.api.uploadMedia(DY_APP, DY_PHOTOS.front)
    expect(mediaId).toMatch(/^icp\//)
    expect(env.fake.callsOf('upload_image')).toBe(2)
    expect(env.fake.media.countOf(DY_APP)).toBe(1)
    await env.api.uploadMedia(DY_APP, photo('other', '3'))
    expect(env.fake.media.countOf(DY_APP)).toBe(2)
  })
})

describe('Douyin 人证核验', () => {
  it('gives a link valid 2 h; the result push makes it passed; an old link expires and a restart works', async () => {
    const env = await douyinFilingEnv()
    const task = await env.api.startFaceCheck(DY_APP, { provinceCode: '120000' })
    expect(task).toMatchObject({ status: 'pending', channel: 'douyin_link' })
    expect(task.url).toMatch(/^https:\/\//)
    expect(Date.parse(task.expiresAt!) - env.clock.now().getTime()).toBe(2 * HOUR)
    await advance(env, 2 * HOUR + 1)
    expect((await env.api.faceCheckStatus(DY_APP, task.taskId)).status).toBe('expired')
    const again = await env.api.startFaceCheck(DY_APP, { provinceCode: '120000' })
    env.fake.douyinFaceResult(DY_APP, again.taskId, 'passed')
    expect((await env.api.faceCheckStatus(DY_APP, again.taskId)).status).toBe('passed')
    await advance(env, 72 * HOUR + 1)
    expect((await env.api.faceCheckStatus(DY_APP, again.taskId)).status).toBe('expired')
  })

  it('sends the SMS at most 10 times a day (6025 on the 11th)', async () => {
    const env = await douyinFilingEnv()
    const who = { provinceCode: '120000', smsPhone: '13712340002' }
    for (let i = 0; i < 10; i++) {
      expect(await env.api.startFaceCheck(DY_APP, who)).toMatchObject({ channel: 'douyin_sms', status: 'pending' })
    }
    await expect(env.api.startFaceCheck(DY_APP, who)).rejects.toMatchObject({ errcode: 6025 })
  })

  it('reports a failed check, and an unknown token as expired', async () => {
    const env = await douyinFilingEnv()
    const task = await env.api.startFaceCheck(DY_APP, { provinceCode: '120000' })
    env.fake.douyinFaceResult(DY_APP, task.taskId, 'failed')
    expect((await env.api.faceCheckStatus(DY_APP, task.taskId)).status).toBe('failed')
    expect((await env.api.faceCheckStatus(DY_APP, 'face-never-issued')).status).toBe('expired')
  })
})

describe('Douyin submit_record_info / alter_record_info', () => {
  it('accepts a complete record: platform review, a history record, then filed with its number', async () => {
    const env = await ready()
    expect(await env.api.submit(DY_APP, env.payload)).toEqual({ ok: true })
    expect((await env.douyin.queryRecordStatus(DY_APP)).symbolic).toBe('platform_review')
    expect((await env.douyin.registerHistory(DY_APP)).items[0]).toMatchObject({ registration_type: 1 })
    env.fake.douyinSetStatus(DY_APP, 'filed')
    expect(await env.douyin.latestFilingNumber(DY_APP)).toMatch(/^京ICP备\d+号-1X$/)
    // a change of a filed mini-program goes through alter_record_info as a 变更 record
    expect(await env.api.submit(DY_APP, env.payload, 'change')).toEqual({ ok: true })
    expect((await env.douyin.registerHistory(DY_APP)).items[0]).toMatchObject({ registration_type: 2 })
  })

  type Payload = ReturnType<typeof douyinPayload>
  const cases: [string, (p: Payload) => void, string][] = [
    [
      'a name other than the account’s',
      (p) => (p.corp_info.credentials_name = '别的公司'),
      'corp_info.credentials_name'
    ],
    [
      'a region name that does not match its code',
      (p) => (p.corp_info.region_name = '和平区'),
      'corp_info.region_code'
    ],
    [
      'six service types',
      (p) => (p.app_info.service_content_type_list = [1, 2, 101, 102, 201, 202]),
      'app_info.service_content_type_list'
    ],
    ['a short 备注', (p) => (p.app_info.remark = '太短了'), 'app_info.remark'],
    [
      'an unknown image path',
      (p) => (p.corp_info.credentials_pic = { path: 'icp/unknown.jpg' }),
      'corp_info.credentials_pic'
    ],
    [
      'pre-approval declared without items',
      (p) => (p.app_info.involve_pre_approval = true),
      'app_info.pre_approval_list'
    ],
    ['a face check for another province', (p) => (p.corp_info.province_code = '110000'), 'corp_info.province_code']
  ]

  it.each(cases)('refuses %s with a field error on it', async (_label, change, field) => {
    const env = await ready()
    change(env.payload)
    const result = await env.api.submit(DY_APP, env.payload)
    expect(result).toMatchObject({ ok: false, errcode: 28001007 })
    expect(!result.ok && result.hints.map((h) => h.errField)).toContain(field)
    expect(!result.ok && result.message).toMatch(/平台未受理/)
    expect((await env.douyin.queryRecordStatus(DY_APP)).symbolic).toBe('not_filed')
  })

  it('refuses an unpassed or another province’s face check', async () => {
    const env = await ready()
    const other = await env.api.startFaceCheck(DY_APP, { provinceCode: '110000' })
    env.fake.douyinFaceResult(DY_APP, other.taskId, 'passed')
    let r = await env.api.submit(DY_APP, douyinPayload(env.media, other.taskId))
    expect(!r.ok && r.hints).toEqual([
      { errField: 'app_info.facial_recognition_token', errMsg: '人证核验的省份与主体所在省份不一致' }
    ])
    const pending = await env.api.startFaceCheck(DY_APP, { provinceCode: '120000' })
    r = await env.api.submit(DY_APP, douyinPayload(env.media, pending.taskId))
    expect(!r.ok && r.hints[0]?.errMsg).toBe('人证核验尚未通过')
  })

  it('has no withdraw and no 注销 API', async () => {
    const env = await ready()
    expect(env.api.capabilities).toEqual({ withdraw: false, cancel: false, faceSms: true })
    expect(await env.api.withdraw()).toMatchObject({ ok: false, reason: 'unsupported' })
    await expect(env.api.cancelFiling()).rejects.toBeInstanceOf(FilingApiUnsupported)
  })
})
