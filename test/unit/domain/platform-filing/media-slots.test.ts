/** @jest-environment node */
/**
 * Which photos each platform needs per owner type and profile, with the platform's media type, body field and the
 * photo check's format/size rule; every slot's body field leads back to the slot through the hint map.
 */
import { photoRulesFor } from '../../../../src/domain/photo/rules'
import { mediaSlotsFor, ourFieldFor, type SubmissionPlatform } from '../../../../src/domain/platform-filing'
import type { OwnerType } from '../../../../src/domain/types'
import { cleanFiling, OWNER_TYPES_ALL, TABLES } from './fixtures'
import { withChanges } from './support'

const BASE: Record<SubmissionPlatform, (t: OwnerType) => string[]> = {
  wechat: (t) => [
    ...(t === 'individual' ? [] : ['owner_certificate']),
    'owner_principal_id_front',
    'owner_principal_id_back',
    'app_principal_id_front',
    'app_principal_id_back'
  ],
  douyin: () => ['owner_certificate', 'owner_principal_id_front', 'owner_principal_id_back']
}

const slotsOf = (platform: SubmissionPlatform, ownerType: OwnerType, changes: Record<string, unknown> = {}) => {
  const { form, profile } = cleanFiling(ownerType, platform === 'wechat' ? 'weapp' : 'tt')
  const input = withChanges({ form, profile, media: {} }, changes)
  return mediaSlotsFor(input.form, input.profile, platform, TABLES[platform])
}

describe('mediaSlotsFor', () => {
  const both: SubmissionPlatform[] = ['wechat', 'douyin']
  const cases = both.flatMap((p) => OWNER_TYPES_ALL.map((t) => [p, t] as const))

  it.each(cases)('%s %s: the base slots, required, with the photo rule and a body field', (platform, t) => {
    const slots = slotsOf(platform, t)
    expect(slots.map((s) => s.slot)).toEqual(BASE[platform](t))
    const rules = photoRulesFor(platform === 'wechat' ? 'weapp' : 'tt')
    for (const s of slots) {
      expect(s.required).toBe(true)
      expect(s.label).toMatch(/[\u4e00-\u9fa5]/)
      expect(s.rule).toEqual({
        formats: rules.formats,
        maxBytes: rules.maxBytes,
        minShortSide: rules.minShortSide,
        minLongSide: rules.minLongSide
      })
      // a refusal on the slot's body field lands back on the slot
      expect(ourFieldFor(platform, s.orderField)).toBe(`media.${s.slot}`)
    }
  })

  it.each(OWNER_TYPES_ALL)('wechat %s: uploads name their apply field and the certificate type of the table', (t) => {
    const byslot = Object.fromEntries(slotsOf('wechat', t).map((s) => [s.slot, s]))
    for (const s of Object.values(byslot)) expect(s.platformType).toBe(s.orderField)
    expect(byslot.owner_principal_id_front.platformType).toBe('icp_subject.principal_info.certificate_photo_front')
    expect(byslot.owner_principal_id_front.certificateType).toBe('2')
    expect(byslot.app_principal_id_back.certificateType).toBe('2')
    if (t !== 'individual') expect(byslot.owner_certificate.certificateType).toMatch(/^\d+$/)
  })

  it('douyin image types: 1 subject certificate, 2 principal certificate, 3 other', () => {
    const slots = slotsOf('douyin', 'enterprise', {
      'profile.ownerPrincipalIsLegalRep': false,
      'form.miniProgram.preApproval': 'has',
      'form.miniProgram.preApprovals': [{ industry: 'news', approvalNumber: 'A1', fileName: 'f' }]
    })
    expect(slots.map((s) => [s.slot, s.platformType, s.certificateType])).toEqual([
      ['owner_certificate', '1', undefined],
      ['owner_principal_id_front', '2', undefined],
      ['owner_principal_id_back', '2', undefined],
      ['authorisation_letter', '3', undefined],
      ['pre_approval_0', '3', undefined]
    ])
  })

  it.each([
    [
      'a principal not the legal representative',
      'enterprise',
      { 'profile.appPrincipalIsLegalRep': false },
      'authorisation_letter',
      true
    ],
    [
      'an individual has no legal representative to authorise',
      'individual',
      { 'profile.appPrincipalIsLegalRep': false },
      'authorisation_letter',
      false
    ],
    ['an out-of-province individual', 'individual', { 'profile.residenceProvince': '41' }, 'residence_permit', true],
    ['an individual filing at home', 'individual', {}, 'residence_permit', false],
    [
      'each approval file',
      'enterprise',
      {
        'form.miniProgram.preApproval': 'has',
        'form.miniProgram.preApprovals': [
          { industry: 'news', approvalNumber: 'A', fileName: 'f' },
          { industry: 'culture', approvalNumber: 'B', fileName: 'g' }
        ]
      },
      'pre_approval_1',
      true
    ],
    [
      'a keyword hit with 以上都不涉及 offers the commitment letter',
      'enterprise',
      { 'form.miniProgram.name': '云帆新闻资讯' },
      'commitment_letter',
      true
    ]
  ] as const)('%s', (_name, t, changes, slot, present) => {
    for (const platform of ['wechat', 'douyin'] as const) {
      const found = slotsOf(platform, t, changes).find((s) => s.slot === slot)
      expect(!!found).toBe(present)
      if (found) expect(ourFieldFor(platform, found.orderField)).toBe(`media.${slot}`)
    }
  })

  it('the commitment letter is optional; the rest are required', () => {
    const slots = slotsOf('wechat', 'enterprise', { 'form.miniProgram.name': '云帆新闻资讯' })
    expect(slots.filter((s) => !s.required).map((s) => s.slot)).toEqual(['commitment_letter'])
  })
})
