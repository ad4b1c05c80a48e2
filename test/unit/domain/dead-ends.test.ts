/** @jest-environment node */
import fc from 'fast-check'
import {
  applyAlternative,
  findDeadEnd,
  findDeadEnds,
  OWNER_TYPES,
  PROVINCES,
  provinceName,
  REGIONS,
  type FilingProfile,
  type OwnerType
} from '../../../src/domain'
import { SAMPLE_PROFILE } from '../../../src/domain/samples'

const profile = (over: Partial<FilingProfile>): FilingProfile => ({ ...SAMPLE_PROFILE, industries: [], ...over })
const CODES = REGIONS.map((r) => r.code)
const OWNER_TYPE_IDS = Object.keys(OWNER_TYPES) as OwnerType[]

describe('findDeadEnd: the worked example of the issue', () => {
  it('微信 + 个人 + 内蒙古 + ID issued in 河南 stops at the province with both ways out', () => {
    const p = profile({ ownerType: 'individual', province: '15', residenceProvince: '41' })
    const d = findDeadEnd(p)!
    expect(d.step).toBe('province')
    expect(d.reason).toContain('内蒙古管局不接受外省户籍个人备案')
    expect(d.alternatives.map((a) => a.label)).toEqual(['在户籍所在省份（河南）备案', '以企业/个体工商户身份备案'])
    expect(d.alternatives[0].patch).toEqual({ province: '41' })
    expect(d.alternatives[1].patch.ownerType).toBe('enterprise')
    expect(d.source).toContain('内蒙古')
    for (const a of d.alternatives) expect(findDeadEnd(applyAlternative(p, a))).toBeNull()
  })

  it('上海 with a principal who is not the legal representative: the 授权书 does not help', () => {
    const d = findDeadEnd(profile({ province: '31', ownerPrincipalIsLegalRep: false }))!
    expect(d.step).toBe('principal')
    expect(d.reason).toBe('上海管局要求主体负责人必须是法定代表人，非法定代表人即使有授权书也不能担任')
    expect(d.alternatives).toEqual([
      { label: '由法定代表人担任主体负责人', patch: { ownerPrincipalIsLegalRep: true }, step: 'principal' }
    ])
  })
})

describe('findDeadEnd: every combination the province data blocks', () => {
  const notAccepted = CODES.filter((c) => PROVINCES[c].outOfProvinceIndividual === 'not_accepted')
  const legalRepRequired = CODES.filter((c) => PROVINCES[c].ownerPrincipal === 'required')

  it('knows the provinces the reference lists', () => {
    expect(notAccepted.sort()).toEqual(['14', '15', '23', '45', '63', '64', '65'])
    expect(legalRepRequired.length).toBeGreaterThanOrEqual(13)
  })

  it.each(notAccepted)('%s refuses an individual from every other province, and both alternatives work', (code) => {
    for (const home of CODES.filter((c) => c !== code)) {
      const p = profile({ ownerType: 'individual', province: code, residenceProvince: home })
      const d = findDeadEnd(p)!
      expect(d.code).toBe('OUT_OF_PROVINCE_INDIVIDUAL_NOT_ACCEPTED')
      expect(d.reason).toBe(
        `${PROVINCES[code].shortName}管局不接受外省户籍个人备案（身份证为${provinceName(home)}签发）`
      )
      expect(d.alternatives.map((a) => a.step)).toEqual(['province', 'owner'])
      for (const a of d.alternatives) expect(findDeadEnd(applyAlternative(p, a))).toBeNull()
    }
    // at home there is no dead end
    expect(findDeadEnd(profile({ ownerType: 'individual', province: code, residenceProvince: code }))).toBeNull()
  })

  it.each(legalRepRequired)(
    '%s needs the legal representative as owner principal, for every owner type with one',
    (code) => {
      for (const ownerType of OWNER_TYPE_IDS) {
        const p = profile({ ownerType, province: code, ownerPrincipalIsLegalRep: false })
        const d = findDeadEnd(p)
        if (!OWNER_TYPES[ownerType].hasLegalRep) {
          expect(d).toBeNull()
          continue
        }
        expect(d!.code).toBe('PROVINCE_LEGAL_REP_REQUIRED')
        expect(d!.reason).toContain(`${PROVINCES[code].shortName}管局要求主体负责人必须是法定代表人`)
        expect(findDeadEnd(applyAlternative(p, d!.alternatives[0]))).toBeNull()
      }
    }
  )

  it('no dead end where the data allows the answer (授权书 provinces, 居住证 provinces, unpublished provinces)', () => {
    for (const code of CODES) {
      const rules = PROVINCES[code]
      if (rules.ownerPrincipal !== 'required')
        expect(findDeadEnd(profile({ province: code, ownerPrincipalIsLegalRep: false }))).toBeNull()
      if (rules.outOfProvinceIndividual !== 'not_accepted')
        expect(
          findDeadEnd(
            profile({ ownerType: 'individual', province: code, residenceProvince: code === '11' ? '12' : '11' })
          )
        ).toBeNull()
    }
  })

  it('an owner already filed in another province files there (rejection reason 12)', () => {
    const p = profile({ province: '12', existingOwnerFilingNumber: '京ICP备12345678号' })
    const d = findDeadEnd(p)!
    expect(d.code).toBe('OWNER_FILED_IN_OTHER_PROVINCE')
    expect(d.reason).toContain('北京管局')
    expect(d.alternatives[0].patch).toEqual({ province: '11' })
    for (const a of d.alternatives) expect(findDeadEnd(applyAlternative(p, a))).toBeNull()
    expect(findDeadEnd(profile({ province: '11', existingOwnerFilingNumber: '京ICP备12345678号' }))).toBeNull()
  })

  it('an individual cannot declare pre-approval industries', () => {
    const p = profile({ ownerType: 'individual', province: '12', residenceProvince: '12', industries: ['medical'] })
    const d = findDeadEnd(p)!
    expect(d.step).toBe('industries')
    for (const a of d.alternatives) expect(findDeadEnd(applyAlternative(p, a))).toBeNull()
  })

  it('a cancellation has no dead ends', () => {
    expect(
      findDeadEnd(profile({ filingType: 'cancel', ownerType: 'individual', province: '15', residenceProvince: '41' }))
    ).toBeNull()
  })
})

describe('findDeadEnd: properties', () => {
  const arbProfile = fc.record({
    ownerType: fc.constantFrom(...OWNER_TYPE_IDS),
    province: fc.constantFrom(...CODES),
    residenceProvince: fc.constantFrom(...CODES),
    ownerPrincipalIsLegalRep: fc.boolean(),
    industries: fc.subarray(['medical', 'news', 'education'] as const),
    existingOwnerFilingNumber: fc.option(
      fc.constantFrom('京ICP备12345678号', '沪ICP备2024012345号', '蒙ICP备123456号-2X'),
      {
        nil: undefined
      }
    )
  })

  it('every alternative leaves the dead end it answers, and the first dead end is the earliest step', () => {
    fc.assert(
      fc.property(arbProfile, (over) => {
        const p = profile({ ...over, industries: [...over.industries] })
        const all = findDeadEnds(p)
        expect(findDeadEnd(p)).toEqual(all[0] ?? null)
        for (const d of all) {
          expect(d.reason.length).toBeGreaterThan(0)
          expect(d.alternatives.length).toBeGreaterThan(0)
          for (const a of d.alternatives) {
            expect(findDeadEnds(applyAlternative(p, a)).map((x) => x.code)).not.toContain(d.code)
          }
        }
      })
    )
  })
})
