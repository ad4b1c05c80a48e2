/** @jest-environment node */
import fc from 'fast-check'
import {
  answersFromForm,
  diffForms,
  emptyFilingForm,
  filingTitle,
  findingsForLayout,
  flattenForm,
  formFromAnswers,
  formSections,
  INDUSTRY_IDS,
  mergeForms,
  parseValidUntil,
  sameForm,
  type FilingForm,
  type FilingProfile,
  type FormPatch,
  type OwnerType
} from '../../../src/domain'
import { SAMPLE_FORM, SAMPLE_PROFILE } from '../../../src/domain/samples'

const OWNER_TYPES: OwnerType[] = [
  'individual',
  'enterprise',
  'individual_business',
  'government',
  'institution',
  'social_org'
]
const labelsOf = (p: Pick<FilingProfile, 'ownerType' | 'platform' | 'filingType'>) =>
  formSections(p).flatMap((s) => [s.title, ...s.fields.map((f) => f.label)])

describe('formSections', () => {
  it('an individual is one person: no 主办单位, one person section standing for all three', () => {
    const sections = formSections({ ownerType: 'individual', platform: 'weapp', filingType: 'new' })
    expect(sections.map((s) => s.title)).toEqual(['本人信息', '小程序信息', '应急联系人'])
    expect(sections[0].covers).toEqual(['owner', 'ownerPrincipal', 'appPrincipal'])
    expect(labelsOf({ ownerType: 'individual', platform: 'weapp', filingType: 'new' }).join()).not.toMatch(
      /主办单位|负责人姓名/
    )
  })

  it.each(OWNER_TYPES)('%s: the province field is the filing province', (ownerType) => {
    const province = formSections({ ownerType, platform: 'weapp', filingType: 'new' })
      .flatMap((s) => s.fields)
      .find((f) => f.path === 'owner.region.province')!
    expect(province.label).toBe('备案所在省份')
    // an individual files where they live, not where the ID card was issued
    if (ownerType === 'individual') expect(province.hint).not.toContain('证件')
  })

  it('an enterprise keeps 主办单位, its principal and the mini-program principal', () => {
    expect(formSections({ ownerType: 'enterprise', platform: 'tt', filingType: 'new' }).map((s) => s.title)).toEqual([
      '主办单位信息',
      '主办单位负责人信息',
      '小程序信息',
      '小程序负责人信息',
      '应急联系人'
    ])
  })

  it('a cancellation asks only who the owner is: no business scope, no mini-program section', () => {
    const fields = formSections({ ownerType: 'enterprise', platform: 'weapp', filingType: 'cancel' }).flatMap((s) =>
      s.fields.map((f) => f.path)
    )
    expect(fields).not.toContain('owner.businessScope')
    expect(fields.some((p) => p.startsWith('miniProgram.'))).toBe(false)
  })

  it('Alipay’s unpublished certificate margin is a suggestion in the hint', () => {
    const hint = formSections({ ownerType: 'enterprise', platform: 'alipay', filingType: 'new' })[0].fields.find(
      (f) => f.path === 'owner.certificateValidUntil'
    )!.hint!
    expect(hint).toContain('未公布')
    expect(hint).toContain('建议')
  })
})

describe('parseValidUntil: a date or 长期', () => {
  it.each([
    ['', 'empty'],
    ['  ', 'empty'],
    ['长期', 'permanent'],
    ['2030-06-01', 'date'],
    ['2030-02-30', 'invalid'],
    ['2030/06/01', 'invalid'],
    ['永久', 'invalid']
  ])('%j → %s', (value, kind) => {
    expect(parseValidUntil(value).kind).toBe(kind)
  })
})

describe('formFromAnswers / answersFromForm', () => {
  it('fills every answer the wizard has, so self-check never asks again', () => {
    const profile: FilingProfile = { ...SAMPLE_PROFILE, industries: ['medical'] }
    const form = formFromAnswers(profile)
    expect(form.owner.name).toBe(SAMPLE_PROFILE.texts.ownerName)
    expect(form.owner.businessScope).toBe(SAMPLE_PROFILE.texts.businessScope)
    expect(form.owner.region).toEqual({ province: '12' })
    expect(form.owner.certificateType).toBe('business_license')
    expect(form.miniProgram.name).toBe(SAMPLE_PROFILE.texts.appName)
    expect(form.miniProgram.description).toBe(SAMPLE_PROFILE.texts.appDescription)
    expect(form.miniProgram.preApproval).toBe('has')
    expect(form.miniProgram.preApprovals).toEqual([{ industry: 'medical', approvalNumber: '', fileName: '' }])
  })

  it('keeps what the form already holds where the wizard has nothing, and the typed approval numbers', () => {
    const profile: FilingProfile = { ...SAMPLE_PROFILE, industries: [], texts: { appName: '新名字' } }
    const form = formFromAnswers(profile, profile.texts, SAMPLE_FORM)
    expect(form.owner.name).toBe(SAMPLE_FORM.owner.name)
    expect(form.owner.region).toEqual(SAMPLE_FORM.owner.region)
    expect(form.miniProgram.name).toBe('新名字')
    expect(form.ownerPrincipal).toEqual(SAMPLE_FORM.ownerPrincipal)
  })

  it('an individual’s identity is typed once and copied to both principals', () => {
    const profile: FilingProfile = { ...SAMPLE_PROFILE, ownerType: 'individual', texts: { ownerName: '周小满' } }
    const base = mergeForms(emptyFilingForm(), {
      owner: { certificateNumber: '120101199001010037', certificateValidUntil: '长期' }
    })
    const form = formFromAnswers(profile, profile.texts, base)
    expect(form.owner.certificateType).toBe('id_card')
    for (const p of [form.ownerPrincipal, form.appPrincipal])
      expect(p).toMatchObject({
        name: '周小满',
        idType: 'id_card',
        idNumber: '120101199001010037',
        idValidUntil: '长期'
      })
  })

  it('renaming the app in self-check renames the filing', () => {
    const form = mergeForms(formFromAnswers(SAMPLE_PROFILE), { miniProgram: { name: '云帆会议' } })
    const profile = answersFromForm(form, SAMPLE_PROFILE)
    expect(profile.texts.appName).toBe('云帆会议')
    expect(filingTitle(profile)).toBe('云帆会议')
  })

  const arbText = fc.option(fc.string({ maxLength: 12 }), { nil: undefined })
  const arbProfile: fc.Arbitrary<FilingProfile> = fc
    .record({
      platform: fc.constantFrom('weapp', 'tt', 'alipay'),
      filingType: fc.constantFrom('new', 'change', 'cancel'),
      ownerType: fc.constantFrom(...OWNER_TYPES),
      province: fc.constantFrom('', '11', '12', '15', '31', '44'),
      ownerPrincipalIsLegalRep: fc.boolean(),
      appPrincipalIsLegalRep: fc.boolean(),
      industries: fc.subarray(INDUSTRY_IDS),
      texts: fc.record({ ownerName: arbText, businessScope: arbText, appName: arbText, appDescription: arbText })
    })
    .map((p) => {
      const texts = { ...p.texts }
      for (const k of Object.keys(texts) as (keyof typeof texts)[]) if (texts[k] === undefined) delete texts[k]
      return { ...p, texts } as FilingProfile
    })

  it('property: answersFromForm(formFromAnswers(a)) keeps a’s answers', () => {
    fc.assert(fc.property(arbProfile, (a) => expect(answersFromForm(formFromAnswers(a), a)).toEqual(a)))
  })

  it('property: formFromAnswers is idempotent over its own result', () => {
    fc.assert(
      fc.property(arbProfile, (a) => {
        const once = formFromAnswers(a)
        expect(sameForm(formFromAnswers(a, a.texts, once), once)).toBe(true)
      })
    )
  })
})

describe('diff and merge laws', () => {
  const arbSection = <T>(arb: fc.Arbitrary<T>) => arb
  const word = fc.constantFrom('', 'a', 'b', '长期', '2030-01-01')
  const arbForm: fc.Arbitrary<FilingForm> = fc.record({
    owner: arbSection(fc.record({ name: word, address: word }, { requiredKeys: [] })),
    ownerPrincipal: fc.record({ name: word, mobile: word }, { requiredKeys: [] }),
    miniProgram: fc.record({ name: word, serviceTypes: fc.subarray(['工具', '教育']) }, { requiredKeys: [] }),
    appPrincipal: fc.record({ name: word }, { requiredKeys: [] }),
    emergencyContact: fc.record({ name: word }, { requiredKeys: [] })
  })
  const arbPatch = arbForm as fc.Arbitrary<FormPatch>

  it('merge with nothing changes nothing; merging twice is merging once', () => {
    fc.assert(
      fc.property(arbForm, arbPatch, (a, p) => {
        expect(mergeForms(a, {})).toEqual(a)
        expect(mergeForms(mergeForms(a, p), p)).toEqual(mergeForms(a, p))
      })
    )
  })

  it('a merge changes only the fields the patch sets, and sets them', () => {
    fc.assert(
      fc.property(arbForm, arbPatch, (a, p) => {
        const merged = mergeForms(a, p)
        const patched = new Set(Object.keys(flattenForm(mergeForms(emptyFilingForm(), p))))
        for (const d of diffForms(a, merged)) expect(patched.has(d.path)).toBe(true)
        expect(diffForms(merged, mergeForms(merged, p))).toEqual([])
      })
    )
  })

  it('diff is empty against itself and symmetric', () => {
    fc.assert(
      fc.property(arbForm, arbForm, (a, b) => {
        expect(diffForms(a, a)).toEqual([])
        const sorted = (rows: string[][]) => rows.map((r) => r.join('|')).sort()
        expect(sorted(diffForms(a, b).map((d) => [d.path, d.mine, d.theirs]))).toEqual(
          sorted(diffForms(b, a).map((d) => [d.path, d.theirs, d.mine]))
        )
        expect(sameForm(a, b)).toBe(diffForms(a, b).length === 0)
      })
    )
  })
})

describe('findingsForLayout', () => {
  it('shows an individual’s copied principal findings once, on the field the person typed', () => {
    const finding = (field: string, code: string) => ({ field, code, severity: 'error' as const, message: '', fix: '' })
    const out = findingsForLayout(
      [
        finding('owner.certificateNumber', 'ID_CHECKSUM'),
        finding('ownerPrincipal.idNumber', 'ID_CHECKSUM'),
        finding('appPrincipal.idNumber', 'ID_CHECKSUM'),
        finding('appPrincipal.mobile', 'MOBILE_FORMAT')
      ],
      'individual'
    )
    expect(out.map((f) => [f.field, f.code])).toEqual([
      ['owner.certificateNumber', 'ID_CHECKSUM'],
      ['ownerPrincipal.mobile', 'MOBILE_FORMAT']
    ])
    expect(findingsForLayout([finding('appPrincipal.idNumber', 'X')], 'enterprise')[0].field).toBe(
      'appPrincipal.idNumber'
    )
  })
})
