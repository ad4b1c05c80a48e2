/** @jest-environment node */
import {
  buildChecklist,
  detectPreApproval,
  fillTemplate,
  INDUSTRIES,
  INDUSTRY_IDS,
  MATERIALS,
  OWNER_TYPES,
  profileFindings,
  PROVINCES,
  REGIONS,
  RULE_DATA_VERSIONS,
  runSelfCheck,
  templatePlaceholders,
  type FilingProfile
} from '../../../src/domain'
import { SAMPLE_FORM, SAMPLE_PROFILE, SAMPLE_TODAY } from '../../../src/domain/samples'

const byAbbr = (abbrs: string) => abbrs.split(' ').map((a) => REGIONS.find((r) => r.abbr === a)!.code)
const ALL_PROVINCES = REGIONS.map((r) => r.code)

/** A new company filing on Douyin (which adds no rule of its own) in `province`. */
const company = (province: string, over: Partial<FilingProfile> = {}): FilingProfile => ({
  ...SAMPLE_PROFILE,
  platform: 'tt',
  province,
  ownerPrincipalIsLegalRep: true,
  appPrincipalIsLegalRep: true,
  ...over
})
/** An individual whose ID card was issued in Beijing, filing in `province`. */
const beijingIndividual = (province: string): FilingProfile =>
  company(province, { ownerType: 'individual', residenceProvince: '11' })

const itemOf = (profile: FilingProfile, id: string) => buildChecklist(profile).find((i) => i.id === id)
const codesOf = (profile: FilingProfile) => profileFindings(profile).map((f) => f.code)
const bureau = (code: string) => `${PROVINCES[code].shortName}管局`

describe('province rules, as the checklist and the self-check apply them', () => {
  it('has all 31 provinces, each with a source and a checked-on date', () => {
    expect(ALL_PROVINCES).toHaveLength(31)
    for (const code of ALL_PROVINCES) {
      expect(PROVINCES[code].source).toBeTruthy()
      expect(PROVINCES[code].checkedOn).toMatch(/^\d{4}-\d{2}-\d{2}$/)
    }
  })

  const legalRepRequired = byAbbr('冀 晋 蒙 沪 浙 豫 湘 桂 青 宁 新 黔 黑')
  it.each(ALL_PROVINCES)('%s: an owner principal who is not the legal representative', (code) => {
    const profile = company(code, { ownerPrincipalIsLegalRep: false })
    const letter = itemOf(profile, 'authorization_letter')
    if (legalRepRequired.includes(code)) {
      expect(codesOf(profile)).toContain('PROVINCE_LEGAL_REP_REQUIRED')
    } else {
      expect(codesOf(profile)).not.toContain('PROVINCE_LEGAL_REP_REQUIRED')
      expect(letter?.required).toBe(true)
    }
    const authorises = byAbbr('皖 琼 川 甘 鄂 津').includes(code)
    expect(letter?.reason.includes(`${bureau(code)}要求：主体负责人不是法定代表人时需提供授权书`) ?? false).toBe(
      authorises
    )
  })

  it.each(ALL_PROVINCES)('%s: a mini-program principal who is not the legal representative', (code) => {
    const letter = itemOf(company(code, { appPrincipalIsLegalRep: false }), 'authorization_letter')
    expect(letter?.required).toBe(true)
    expect(letter!.reason.includes(`${bureau(code)}要求：小程序负责人不是法定代表人时需提供授权书`)).toBe(
      byAbbr('皖 琼 川 甘 鄂 津 黔 黑').includes(code)
    )
  })

  it('says so when a province published nothing about authorisation', () => {
    for (const code of byAbbr('京 辽 吉 苏 闽 渝 滇 藏 陕')) {
      expect(itemOf(company(code, { appPrincipalIsLegalRep: false }), 'authorization_letter')?.reason).toContain(
        '未公布专门规定'
      )
    }
  })

  it.each(ALL_PROVINCES)('%s: an individual whose ID card is from Beijing', (code) => {
    const profile = beijingIndividual(code)
    const permit = itemOf(profile, 'residence_permit')
    if (code === '11') {
      expect(permit).toBeUndefined()
    } else if (byAbbr('蒙 晋 桂 青 宁 新 黑').includes(code)) {
      expect(codesOf(profile)).toContain('OUT_OF_PROVINCE_INDIVIDUAL_NOT_ACCEPTED')
      expect(permit).toBeUndefined()
    } else {
      expect(codesOf(profile)).not.toContain('OUT_OF_PROVINCE_INDIVIDUAL_NOT_ACCEPTED')
      expect(permit?.required).toBe(byAbbr('沪 浙 鲁 赣').includes(code))
    }
  })

  it.each(ALL_PROVINCES)('%s: cross-city filing and local phone numbers in the checklist tips', (code) => {
    const tips = buildChecklist(company(code)).flatMap((i) => i.tips)
    expect(tips.some((t) => t.includes(`${bureau(code)}不允许跨市备案`))).toBe(byAbbr('冀 豫 黔').includes(code))
    expect(tips.some((t) => t.includes(`${bureau(code)}要求负责人使用`))).toBe(code === '43')
  })

  it.each(ALL_PROVINCES)('%s: extra documents of a first filing', (code) => {
    const ids = buildChecklist(company(code)).map((i) => i.id)
    expect(ids.includes('party_building_proof')).toBe(code === '65')
    expect(ids.includes('phone_bills')).toBe(code === '23')
    expect(ids.includes('shanghai_commitment')).toBe(code === '31')
    const finance = buildChecklist(company(code, { industries: ['internet_finance'] })).map((i) => i.id)
    expect(finance.includes('guangdong_finance_commitment')).toBe(code === '44')
  })

  it('asks for three months of phone bills in Heilongjiang', () => {
    expect(itemOf(company('23'), 'phone_bills')?.reason).toContain('近3个月的话费账单')
  })

  it.each(ALL_PROVINCES)('%s: two different principals', (code) => {
    const form = {
      ...SAMPLE_FORM,
      appPrincipal: { ...SAMPLE_FORM.appPrincipal, idNumber: '11010519491231002X' }
    }
    const codes = runSelfCheck(form, { profile: company(code), today: SAMPLE_TODAY }).map((f) => f.code)
    expect(codes.includes('SAME_PRINCIPAL_REQUIRED')).toBe(code === '34')
  })

  it.each(ALL_PROVINCES)('%s: a remark that does not mention the authorisation', (code) => {
    const codes = runSelfCheck(SAMPLE_FORM, {
      profile: company(code, { appPrincipalIsLegalRep: false }),
      today: SAMPLE_TODAY
    }).map((f) => f.code)
    expect(codes.includes('REMARK_AUTHORIZATION_MISSING')).toBe(code === '62')
  })

  it.each([
    ['33', '（个体工商户）'],
    ['34', '无字号无公章个体工商户']
  ])('%s tells individual businesses how to write their name', (code, naming) => {
    expect(itemOf(company(code, { ownerType: 'individual_business' }), 'individual_business_remark')?.reason).toContain(
      naming
    )
  })
})

describe('platform rules, as the self-check applies them', () => {
  /** Codes for an owner certificate valid until `validUntil`, judged on 2026-11-23. */
  const certificateCodes = (platform: FilingProfile['platform'], validUntil: string) =>
    runSelfCheck(
      { ...SAMPLE_FORM, owner: { ...SAMPLE_FORM.owner, certificateValidUntil: validUntil } },
      { profile: { ...SAMPLE_PROFILE, platform }, today: SAMPLE_TODAY }
    )
      .filter((f) => f.field === 'owner.certificateValidUntil')
      .map((f) => f.code)

  it.each([
    // WeChat: more than one month left, the day itself refused
    ['weapp', '2026-12-23', 'CERT_VALIDITY_MARGIN'],
    ['weapp', '2026-12-24', 'CERT_EXPIRES_DURING_FILING'],
    // Douyin and Alipay: at least three months
    ['tt', '2027-02-22', 'CERT_VALIDITY_MARGIN'],
    ['tt', '2027-02-23', 'CERT_EXPIRES_DURING_FILING'],
    ['alipay', '2027-02-22', 'CERT_VALIDITY_MARGIN'],
    ['weapp', '2026-11-22', 'CERT_EXPIRED']
  ] as const)('%s, certificate valid until %s: %s', (platform, validUntil, code) => {
    expect(certificateCodes(platform, validUntil)).toEqual([code])
  })

  it('accepts a certificate well beyond every margin', () => {
    for (const platform of ['weapp', 'tt', 'alipay'] as const)
      expect(certificateCodes(platform, '2030-01-01')).toEqual([])
  })
})

describe('industries', () => {
  it('lists the 12 pre-approval industries with labels, explanations and keywords', () => {
    expect(INDUSTRY_IDS).toHaveLength(12)
    for (const i of Object.values(INDUSTRIES)) {
      expect(i.label && i.explanation && i.authority && i.source).toBeTruthy()
      expect(i.keywords.length).toBeGreaterThan(3)
    }
  })

  it.each([
    ['每日新闻速递', ['news']],
    ['在线问诊与挂号', ['medical']],
    ['中小学作业辅导', ['tutoring']],
    ['网约车司机招募', ['ride_hailing']],
    ['个人理财与基金定投', ['internet_finance']],
    ['短剧视频点播', ['broadcasting']],
    ['寺庙祈福', ['religion']],
    ['同城交友论坛', ['bulletin']],
    ['网络小说阅读', ['publishing']],
    ['药房药品查询', ['drugs_devices']],
    ['游戏直播', ['culture']],
    ['在线课程与考试', ['education']],
    ['会议室预订', []],
    ['p2p 借贷', ['internet_finance']]
  ])('detectPreApproval(%j) = %j', (text, expected) => {
    expect(detectPreApproval(text)).toEqual(expected)
  })
})

describe('materials and owner types', () => {
  it('every material has a title, reason, tips, section and source', () => {
    for (const m of Object.values(MATERIALS)) {
      expect(m.title && m.why && m.source && m.section).toBeTruthy()
      expect(m.tips.length).toBeGreaterThan(0)
    }
  })

  it('the 授权书 and 承诺书 templates use placeholders that fillTemplate replaces', () => {
    for (const id of ['authorization_letter', 'no_pre_approval_commitment'] as const) {
      const t = MATERIALS[id].template!
      const keys = templatePlaceholders(t)
      expect(keys).toEqual(expect.arrayContaining(['ownerName', 'appName', 'date']))
      const filled = fillTemplate(t, Object.fromEntries(keys.map((k) => [k, `<${k}>`])))
      expect(filled).not.toMatch(/\{\w+\}/)
      expect(fillTemplate(t, {})).toBe(t)
    }
  })

  it('owner types name their certificate', () => {
    expect(OWNER_TYPES.individual).toMatchObject({ numberKind: 'id_card', hasLegalRep: false })
    expect(OWNER_TYPES.individual_business).toMatchObject({ numberKind: 'uscc', hasLegalRep: true })
  })

  it('lists rule data versions for the about page', () => {
    expect(RULE_DATA_VERSIONS.map((v) => v.id)).toEqual(
      expect.arrayContaining(['platforms', 'provinces', 'calendar', 'industries'])
    )
    for (const v of RULE_DATA_VERSIONS) expect(v.checkedOn).toMatch(/^\d{4}-\d{2}-\d{2}$/)
  })
})
