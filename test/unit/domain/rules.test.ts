/** @jest-environment node */
import {
  detectPreApproval,
  fillTemplate,
  INDUSTRIES,
  INDUSTRY_IDS,
  MATERIALS,
  OWNER_TYPES,
  PLATFORMS,
  PROVINCES,
  REGIONS,
  RULE_DATA_VERSIONS,
  templatePlaceholders
} from '../../../src/domain'

const byAbbr = (abbrs: string) => abbrs.split(' ').map((a) => REGIONS.find((r) => r.abbr === a)!.code)

describe('provinces', () => {
  it('has all 31 provinces, each with a source, a checked-on date and rules or an explicit "none published"', () => {
    expect(Object.keys(PROVINCES)).toHaveLength(31)
    for (const p of Object.values(PROVINCES)) {
      expect(p.source).toBeTruthy()
      expect(p.checkedOn).toMatch(/^\d{4}-\d{2}-\d{2}$/)
      expect(p.noSpecialRule).toBe(p.rules.length === 0)
      expect(p.bureau).toBe(`${p.name}通信管理局`)
    }
  })

  it.each(byAbbr('冀 晋 蒙 沪 浙 豫 湘 桂 青 宁 新 黔 黑'))(
    '%s requires the legal representative as owner principal',
    (code) => {
      expect(PROVINCES[code].ownerPrincipal).toBe('required')
    }
  )

  it.each(byAbbr('皖 琼 川 甘 鄂 津'))('%s accepts a non-legal-representative with a 授权书', (code) => {
    expect(PROVINCES[code]).toMatchObject({ ownerPrincipal: 'authorization', appPrincipal: 'authorization' })
  })

  it.each(byAbbr('黔 黑'))('%s accepts a non-legal-representative mini-program principal with a 授权书', (code) => {
    expect(PROVINCES[code].appPrincipal).toBe('authorization')
  })

  it.each(byAbbr('沪 浙 鲁 赣'))('%s asks out-of-province individuals for a residence permit', (code) => {
    expect(PROVINCES[code].outOfProvinceIndividual).toBe('residence_permit')
  })

  it.each(byAbbr('蒙 晋 桂 青 宁 新 黑'))('%s refuses out-of-province individuals', (code) => {
    expect(PROVINCES[code].outOfProvinceIndividual).toBe('not_accepted')
  })

  it.each(byAbbr('冀 豫 黔'))('%s forbids cross-city filing', (code) => {
    expect(PROVINCES[code].crossCityForbidden).toBe(true)
  })

  it('encodes the remaining single-province rules', () => {
    expect(PROVINCES['65'].partyBuildingProof).toBe(true)
    expect(PROVINCES['43'].localMobileRequired).toBe(true)
    expect(PROVINCES['23'].phoneBillMonths).toBe(3)
    expect(PROVINCES['34'].samePrincipalRequired).toBe(true)
    expect(PROVINCES['62'].remarkWhenNotLegalRep).toBe(true)
    expect(PROVINCES['31'].extraCommitments.map((c) => c.when)).toEqual(['always'])
    expect(PROVINCES['44'].extraCommitments.map((c) => c.when)).toEqual(['finance'])
    expect(PROVINCES['33'].individualBusinessNaming).toContain('（个体工商户）')
    expect(PROVINCES['34'].individualBusinessNaming).toContain('无字号无公章个体工商户')
    expect(PROVINCES['31'].adminReviewDays.typical).toBeLessThanOrEqual(4)
    expect(PROVINCES['64'].adminReviewDays.typical).toBeLessThanOrEqual(4)
  })

  it('marks exactly the provinces without published rules', () => {
    const none = Object.values(PROVINCES)
      .filter((p) => p.noSpecialRule)
      .map((p) => p.abbr)
      .sort()
    expect(none).toEqual(['京', '辽', '吉', '苏', '闽', '渝', '滇', '藏', '陕'].sort())
  })
})

describe('platforms', () => {
  it.each([
    ['weapp', 1, true],
    ['tt', 3, false],
    ['alipay', 3, false]
  ] as const)('%s certificate margin: %i month(s), strict=%s', (id, months, strict) => {
    expect(PLATFORMS[id].certificateMargin).toMatchObject({ months, strict })
  })

  it('keeps WeChat photo limits and review durations', () => {
    expect(PLATFORMS.weapp.photo).toEqual({
      formats: ['jpg', 'png'],
      maxBytes: 2 * 1024 * 1024,
      minWidth: 720,
      minHeight: 1280
    })
    expect(PLATFORMS.weapp.platformReviewDays).toMatchObject({ min: 1, max: 2 })
    expect(PLATFORMS.tt.platformReviewDays).toMatchObject({ min: 1, typical: 3, max: 5 })
    expect(PLATFORMS.weapp.descriptionLength).toMatchObject({ min: 20, max: 200, published: true })
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
