/** @jest-environment node */
/**
 * Every platform field our mappers fill comes back, as a refusal hint, to one of our fields with a Chinese message and
 * fix; unknown fields still become a finding that shows the platform's words.
 */
import {
  DOUYIN_FIELD_MAP,
  findingsFromHints,
  ourFieldFor,
  WECHAT_FIELD_MAP,
  type SubmissionPlatform
} from '../../../../src/domain/platform-filing'

const CHINESE = /[\u4e00-\u9fa5]/
const concrete = (path: string) => path.replace(/#/g, '1')

const rows = (platform: SubmissionPlatform, map: [string, string][]) =>
  map.map(([theirs, ours]) => [platform, concrete(theirs), concrete(ours)] as const)

describe('findingsFromHints: every mapped field', () => {
  it.each([...rows('wechat', WECHAT_FIELD_MAP), ...rows('douyin', DOUYIN_FIELD_MAP)])(
    '%s %s → %s',
    (platform, errField, ours) => {
      const [f] = findingsFromHints(platform, [{ errField, errMsg: '格式不正确 rid: 6565-abc' }])
      expect(f.field).toBe(ours)
      expect(f.severity).toBe('error')
      expect(f.message).toMatch(CHINESE)
      expect(f.message).toContain('格式不正确')
      expect(f.message).not.toContain('rid')
      expect(f.fix).toMatch(CHINESE)
    }
  )
})

describe('findingsFromHints: paths as the platforms write them', () => {
  it.each([
    ['wechat', 'icp_applets.base_info.nrlx_details[2].code', 'miniProgram.preApprovals.2.approvalNumber'],
    ['wechat', 'icp_applets.base_info.nrlx_details.0.media', 'media.pre_approval_0'],
    ['wechat', 'icp_applets.base_info.nrlx_details.0', 'miniProgram.preApproval'],
    ['wechat', 'icp_subject.principal_info.certificate_photo_front.media_id', 'media.owner_principal_id_front'],
    ['wechat', ' icp_subject.base_info.name ', 'owner.name'],
    ['douyin', 'app_info.pre_approval_list.1.pre_approval_files.0', 'media.pre_approval_1'],
    ['douyin', 'corp_info.corp_authority_letter.0', 'media.authorisation_letter'],
    ['douyin', 'icp_subject.base_info.name', undefined],
    ['wechat', 'corp_info.credentials_name', undefined]
  ] as const)('%s %s → %s', (platform, errField, ours) => {
    expect(ourFieldFor(platform, errField)).toBe(ours)
  })

  it('every field the mappers fill is listed once per platform', () => {
    for (const map of [WECHAT_FIELD_MAP, DOUYIN_FIELD_MAP]) {
      const theirs = map.map(([t]) => t)
      expect(new Set(theirs).size).toBe(theirs.length)
    }
  })
})

describe('findingsFromHints: codes and unknown fields', () => {
  it('86355 on the subject name says the name must match the account', () => {
    const [f] = findingsFromHints('wechat', [
      { errField: 'icp_subject.base_info.name', errMsg: 'subject mismatch', errcode: 86355 }
    ])
    expect(f).toMatchObject({ field: 'owner.name', code: 'PLATFORM_86355' })
    expect(f.message).toContain('主体不一致')
    expect(f.fix).toContain('主体名称')
  })

  it('86328 on a photo says the image could not be read', () => {
    const [f] = findingsFromHints('wechat', [
      { errField: 'icp_subject.organize_info.certificate_photo', errMsg: '无法读取图片识别内容', errcode: 86328 }
    ])
    expect(f).toMatchObject({ field: 'media.owner_certificate', code: 'PLATFORM_86328' })
    expect(f.fix).toContain('重新拍摄')
  })

  it.each([
    ['wechat', 'icp_subject.something_new', '新字段不合法'],
    ['douyin', '', '参数不合法'],
    ['wechat', 'icp_applets.base_info.appid', 'appid invalid']
  ] as const)('%s %j: a general finding with the platform message', (platform, errField, errMsg) => {
    const [f] = findingsFromHints(platform, [{ errField, errMsg }])
    expect(f.field).toBe('platform')
    expect(f.message).toContain(errMsg)
    expect(f.message).toMatch(platform === 'wechat' ? /微信/ : /抖音/)
    expect(f.fix).toMatch(CHINESE)
  })

  it('one finding per hint, in order', () => {
    const out = findingsFromHints('douyin', [
      { errField: 'corp_info.credentials_number', errMsg: 'a' },
      { errField: 'nowhere', errMsg: 'b' },
      { errField: 'app_info.remark', errMsg: 'c' }
    ])
    expect(out.map((f) => f.field)).toEqual(['owner.certificateNumber', 'platform', 'miniProgram.description'])
  })
})
