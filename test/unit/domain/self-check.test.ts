/** @jest-environment node */
import { runSelfCheck, profileFindings, type FilingForm, type FilingProfile } from '../../../src/domain'
import { SAMPLE_FORM, SAMPLE_PROFILE, SAMPLE_TODAY } from '../../../src/domain/samples'

const TODAY = SAMPLE_TODAY
const clone = <T>(x: T): T => JSON.parse(JSON.stringify(x))

/** The sample form with dotted paths set. */
function formWith(changes: Record<string, unknown>): FilingForm {
  const f = clone(SAMPLE_FORM) as unknown as Record<string, Record<string, unknown>>
  for (const [path, value] of Object.entries(changes)) {
    const keys = path.split('.')
    let o: Record<string, unknown> = f
    for (const k of keys.slice(0, -1)) o = o[k] as Record<string, unknown>
    o[keys[keys.length - 1]] = value
  }
  return f as unknown as FilingForm
}
const profileWith = (over: Partial<FilingProfile>): FilingProfile => ({ ...SAMPLE_PROFILE, ...over })
const codesAt = (form: FilingForm, field: string, profile: FilingProfile = SAMPLE_PROFILE) =>
  runSelfCheck(form, { profile, today: TODAY })
    .filter((f) => f.field === field)
    .map((f) => f.code)

// Test IDs: valid check digits, computed by the test (see validators.test.ts)
const W = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]
const id = (first17: string) => first17 + '10X98765432'[[...first17].reduce((t, c, i) => t + Number(c) * W[i], 0) % 11]
const UC = '0123456789ABCDEFGHJKLMNPQRTUWXY'
const UW = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28]
const uscc = (first17: string) =>
  first17 + UC[(31 - ([...first17].reduce((t, c, i) => t + UC.indexOf(c) * UW[i], 0) % 31)) % 31]
const SHANGHAI_USCC = uscc('91310115MA1K4LQ80')
const ANHUI_USCC = uscc('91340100MA2N0C5T6')
const MINOR_ID = id('12010120100101001') // born 2010
const HUBEI_ID = id('42010119900101002')
const TIANJIN_ID = id('12010119900101003')

describe('runSelfCheck', () => {
  it('passes the sample form without findings', () => {
    expect(runSelfCheck(SAMPLE_FORM, { profile: SAMPLE_PROFILE, today: TODAY })).toEqual([])
  })

  it('every finding names a dotted field, a code and a Chinese message and fix', () => {
    const findings = runSelfCheck(
      { owner: {}, ownerPrincipal: {}, miniProgram: {}, appPrincipal: {}, emergencyContact: {} },
      { profile: SAMPLE_PROFILE, today: TODAY }
    )
    expect(findings.length).toBeGreaterThan(10)
    for (const f of findings) {
      expect(f.field).toMatch(/^(owner|ownerPrincipal|miniProgram|appPrincipal|emergencyContact)(\.\w+)+$/)
      expect(f.code).toMatch(/^[A-Z0-9_]+$/)
      expect(f.message).toMatch(/[\u4e00-\u9fa5]/)
      expect(f.fix).toMatch(/[\u4e00-\u9fa5]/)
    }
  })

  it.each([
    // field validity
    ['owner.name', { 'owner.name': '' }, 'REQUIRED'],
    ['owner.certificateNumber', { 'owner.certificateNumber': '91120116MA05K8QR24' }, 'USCC_CHECK_CHAR'],
    ['ownerPrincipal.idNumber', { 'ownerPrincipal.idNumber': '120101198503127035' }, 'ID_CHECK_DIGIT'],
    ['ownerPrincipal.mobile', { 'ownerPrincipal.mobile': '1361234000' }, 'MOBILE_LENGTH'],
    ['ownerPrincipal.email', { 'ownerPrincipal.email': 'not-an-email' }, 'EMAIL_FORMAT'],
    ['appPrincipal.name', { 'appPrincipal.name': '王若溪2' }, 'NAME_FORMAT'],
    // age
    ['appPrincipal.idNumber', { 'appPrincipal.idNumber': MINOR_ID }, 'PRINCIPAL_UNDER_18'],
    // certificate validity against the platform margin
    ['owner.certificateValidUntil', { 'owner.certificateValidUntil': '2026-11-01' }, 'CERT_EXPIRED'],
    ['owner.certificateValidUntil', { 'owner.certificateValidUntil': '2026-12-23' }, 'CERT_VALIDITY_MARGIN'],
    ['owner.certificateValidUntil', { 'owner.certificateValidUntil': '2027-01-10' }, 'CERT_EXPIRES_DURING_FILING'],
    ['ownerPrincipal.idValidUntil', { 'ownerPrincipal.idValidUntil': '2030/01/01' }, 'VALID_UNTIL_FORMAT'],
    ['appPrincipal.idValidUntil', { 'appPrincipal.idValidUntil': '' }, 'REQUIRED'],
    // phones and contacts
    ['appPrincipal.mobile', { 'appPrincipal.mobile': '13612340001' }, 'MOBILE_SHARED'],
    ['emergencyContact.mobile', { 'emergencyContact.mobile': '137-1234-0002' }, 'MOBILE_SHARED'],
    ['emergencyContact.name', { 'emergencyContact.name': '王若溪' }, 'EMERGENCY_CONTACT_IS_PRINCIPAL'],
    // USCC type and region
    ['owner.certificateNumber', { 'owner.certificateNumber': '92120116MA0RT3L7PD' }, 'USCC_OWNER_TYPE_MISMATCH'],
    ['owner.certificateNumber', { 'owner.certificateNumber': SHANGHAI_USCC }, 'USCC_REGION_MISMATCH'],
    // region and address
    ['owner.region.province', { 'owner.region': { province: '11', city: '北京市' } }, 'REGION_PROVINCE_MISMATCH'],
    ['owner.address', { 'owner.address': '天津市滨海新区海川路88号' }, 'ADDRESS_REPEATS_REGION'],
    ['owner.address', { 'owner.address': '滨海新区海川路88号' }, 'ADDRESS_REPEATS_REGION'],
    ['owner.address', { 'owner.address': '海川路云帆大厦' }, 'ADDRESS_NO_STREET_NUMBER'],
    ['owner.address', { 'owner.address': '北京市海淀区中关村大街1号' }, 'ADDRESS_OUTSIDE_REGION'],
    [
      'owner.region.province',
      { 'owner.certificateAddress': '河北省廊坊市广阳区新华路1号' },
      'CERT_ADDRESS_REGION_MISMATCH'
    ],
    // mini-program
    ['miniProgram.name', { 'miniProgram.name': '中国会议室预订' }, 'APP_NAME_RESTRICTED_WORD'],
    ['miniProgram.name', { 'miniProgram.name': '星辰宠物美容' }, 'APP_NAME_UNRELATED_TO_SCOPE'],
    ['miniProgram.description', { 'miniProgram.description': '会议室预订' }, 'DESCRIPTION_LENGTH'],
    ['miniProgram.description', { 'miniProgram.description': '会'.repeat(201) }, 'DESCRIPTION_LENGTH'],
    ['miniProgram.description', { 'miniProgram.description': '测试' }, 'DESCRIPTION_VAGUE'],
    ['miniProgram.serviceTypes', { 'miniProgram.serviceTypes': [] }, 'REQUIRED'],
    [
      'miniProgram.serviceTypes',
      { 'miniProgram.serviceTypes': ['a', 'b', 'c', 'd', 'e', 'f'] },
      'SERVICE_TYPES_TOO_MANY'
    ],
    ['miniProgram.preApproval', { 'miniProgram.preApproval': undefined }, 'PRE_APPROVAL_UNANSWERED'],
    [
      'miniProgram.preApproval',
      {
        'miniProgram.preApproval': undefined,
        'miniProgram.description': '为园区企业提供会议室预订，并提供在线课程和直播培训服务，满二十字。'
      },
      'PRE_APPROVAL_KEYWORD_UNDECLARED'
    ],
    [
      'miniProgram.preApproval',
      { 'miniProgram.description': '为园区企业提供会议室预订，并提供在线课程和直播培训服务，满二十字。' },
      'PRE_APPROVAL_COMMITMENT_NEEDED'
    ],
    ['miniProgram.preApprovals', { 'miniProgram.preApproval': 'has', 'miniProgram.preApprovals': [] }, 'REQUIRED'],
    [
      'miniProgram.preApprovals.0.approvalNumber',
      {
        'miniProgram.preApproval': 'has',
        'miniProgram.preApprovals': [{ industry: 'culture', approvalNumber: ' ', fileName: '网络文化经营许可证' }]
      },
      'REQUIRED'
    ]
  ])('%s: %j → %s', (field, changes, code) => {
    expect(codesAt(formWith(changes), field)).toContain(code)
  })

  it('accepts 长期 and validity beyond the margin', () => {
    expect(codesAt(formWith({ 'owner.certificateValidUntil': '长期' }), 'owner.certificateValidUntil')).toEqual([])
    expect(codesAt(formWith({ 'owner.certificateValidUntil': '2027-03-01' }), 'owner.certificateValidUntil')).toEqual(
      []
    )
  })

  it('applies the platform margin: Douyin needs at least three months', () => {
    const tt = profileWith({ platform: 'tt' })
    expect(
      codesAt(formWith({ 'owner.certificateValidUntil': '2027-02-22' }), 'owner.certificateValidUntil', tt)
    ).toEqual(['CERT_VALIDITY_MARGIN'])
    expect(
      codesAt(formWith({ 'owner.certificateValidUntil': '2027-02-23' }), 'owner.certificateValidUntil', tt)
    ).toEqual(['CERT_EXPIRES_DURING_FILING'])
  })

  it('allows the same phone for the same person in both principal roles', () => {
    const f = formWith({
      'appPrincipal.name': '李明远',
      'appPrincipal.idNumber': '120101198503127034',
      'appPrincipal.mobile': '13612340001'
    })
    expect(codesAt(f, 'appPrincipal.mobile')).toEqual([])
  })

  it('requires a declared industry to have its approval', () => {
    const p = profileWith({ industries: ['culture'] })
    expect(codesAt(SAMPLE_FORM, 'miniProgram.preApproval', p)).toContain('PRE_APPROVAL_MISSING')
    const f = formWith({
      'miniProgram.preApproval': 'has',
      'miniProgram.preApprovals': [
        { industry: 'culture', approvalNumber: '津网文〔2026〕0001-001号', fileName: '网络文化经营许可证' }
      ]
    })
    expect(codesAt(f, 'miniProgram.preApprovals', p)).toEqual([])
  })

  describe('province rules', () => {
    it.each([
      ['31', false, 'PROVINCE_LEGAL_REP_REQUIRED'],
      ['13', false, 'PROVINCE_LEGAL_REP_REQUIRED']
    ])('%s: owner principal not the legal representative → %s', (province, rep, code) => {
      const p = profileWith({ province, ownerPrincipalIsLegalRep: rep })
      expect(profileFindings(p).map((f) => f.code)).toContain(code)
    })

    it('安徽: the two principals must be the same person', () => {
      const p = profileWith({ province: '34' })
      const f = formWith({
        'owner.certificateNumber': ANHUI_USCC,
        'owner.region': { province: '34' },
        'owner.certificateAddress': ''
      })
      expect(codesAt(f, 'appPrincipal.idNumber', p)).toContain('SAME_PRINCIPAL_REQUIRED')
    })

    it('甘肃: asks for the authorisation note in the 备注', () => {
      const p = profileWith({ province: '62' })
      expect(codesAt(formWith({ 'owner.region': { province: '62' } }), 'miniProgram.description', p)).toContain(
        'REMARK_AUTHORIZATION_MISSING'
      )
    })

    it('湖南: notes the local-number rule', () => {
      const p = profileWith({ province: '43' })
      expect(codesAt(formWith({ 'owner.region': { province: '43' } }), 'ownerPrincipal.mobile', p)).toContain(
        'LOCAL_MOBILE_REQUIRED'
      )
    })

    it('河北: a certificate in another city is an error (cross-city filing)', () => {
      const p = profileWith({ province: '13' })
      const f = formWith({
        'owner.region': { province: '13', city: '石家庄市', district: '长安区' },
        'owner.address': '中山东路1号',
        'owner.certificateAddress': '河北省廊坊市广阳区新华路1号'
      })
      const finding = runSelfCheck(f, { profile: p, today: TODAY }).find((x) => x.code === 'CERT_ADDRESS_CITY_MISMATCH')
      expect(finding).toMatchObject({ field: 'owner.region.city', severity: 'error' })
    })

    it('浙江: a 个体工商户 without a trade name uses “姓名（个体工商户）”', () => {
      const p = profileWith({ province: '33', ownerType: 'individual_business' })
      const f = formWith({ 'owner.name': '李明远', 'owner.region': { province: '33' }, 'owner.certificateAddress': '' })
      expect(codesAt(f, 'owner.name', p)).toContain('INDIVIDUAL_BUSINESS_NAME_FORMAT')
      expect(
        codesAt(formWith({ 'owner.name': '李明远（个体工商户）', 'owner.region': { province: '33' } }), 'owner.name', p)
      ).not.toContain('INDIVIDUAL_BUSINESS_NAME_FORMAT')
    })
  })

  describe('individual owners', () => {
    const individual = (province: string, platform: FilingProfile['platform'] = 'weapp') =>
      profileWith({
        ownerType: 'individual',
        province,
        platform,
        ownerPrincipalIsLegalRep: true,
        appPrincipalIsLegalRep: true
      })
    const personForm = (idNumber: string, province: string) =>
      formWith({
        owner: {
          name: '周小舟',
          certificateType: 'id_card',
          certificateNumber: idNumber,
          certificateValidUntil: '2036-01-01',
          region: { province },
          address: '幸福路1号'
        },
        ownerPrincipal: {
          name: '周小舟',
          idType: 'id_card',
          idNumber,
          idValidUntil: '2036-01-01',
          mobile: '13612340001'
        },
        appPrincipal: {
          name: '周小舟',
          idType: 'id_card',
          idNumber,
          idValidUntil: '2036-01-01',
          mobile: '13612340001'
        },
        'miniProgram.name': '小舟读书笔记',
        'miniProgram.description': '记录个人读书笔记和书评的小工具，仅供本人整理与分享读后感。'
      })

    it.each([
      ['15', 'weapp', 'OUT_OF_PROVINCE_INDIVIDUAL_NOT_ACCEPTED'],
      ['31', 'tt', 'RESIDENCE_PERMIT_REQUIRED'],
      ['11', 'weapp', 'RESIDENCE_PERMIT_REQUIRED'],
      ['11', 'tt', 'OUT_OF_PROVINCE_INDIVIDUAL']
    ] as const)('a 湖北 ID filing in %s on %s → %s', (province, platform, code) => {
      expect(
        codesAt(personForm(HUBEI_ID, province), 'owner.certificateNumber', individual(province, platform))
      ).toContain(code)
    })

    it('a local individual has no province finding', () => {
      expect(codesAt(personForm(TIANJIN_ID, '12'), 'owner.certificateNumber', individual('12'))).toEqual([])
    })

    it('the principals of an individual must be the owner', () => {
      const f = personForm(TIANJIN_ID, '12')
      f.appPrincipal.idNumber = HUBEI_ID
      expect(codesAt(f, 'appPrincipal.idNumber', individual('12'))).toContain('APP_PRINCIPAL_NOT_OWNER')
    })

    it('an individual may not use an enterprise-like name', () => {
      const f = personForm(TIANJIN_ID, '12')
      f.miniProgram.name = '小舟科技有限公司'
      expect(codesAt(f, 'miniProgram.name', individual('12'))).toContain('APP_NAME_ENTERPRISE_LIKE')
    })

    it('an individual owner under 18 cannot file', () => {
      expect(codesAt(personForm(MINOR_ID, '12'), 'owner.certificateNumber', individual('12'))).toContain(
        'OWNER_UNDER_18'
      )
    })
  })

  it('skips mini-program checks for a cancellation', () => {
    const findings = runSelfCheck(formWith({ miniProgram: {}, appPrincipal: {}, emergencyContact: {} }), {
      profile: profileWith({ filingType: 'cancel', cancelKind: 'owner', cancelFilingNumber: '津ICP备12345678号' }),
      today: TODAY
    })
    expect(findings).toEqual([])
  })
})
