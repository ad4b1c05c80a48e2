/** @jest-environment node */
/**
 * Our filing → WeChat apply_icp_filing: every field of the body from the form for each owner type, the parts that
 * depend on the profile (授权书, 法定代表人, 居住证, 前置审批). Unmappable values: map-wechat-findings.test.ts.
 */
import { mapWechatApplication, type SubmissionInput } from '../../../../src/domain/platform-filing'
import type { OwnerType } from '../../../../src/domain/types'
import { cleanInput, id, OWNER_TYPES_ALL, WECHAT_TABLES } from './fixtures'
import { at, payloadOf, withChanges } from './support'

const map = (input: SubmissionInput) => mapWechatApplication(input, WECHAT_TABLES)

/** [payload path, what it must equal, given the input]. */
const FIELDS: [string, (i: SubmissionInput) => unknown][] = [
  ['icp_subject.base_info.name', (i) => i.form.owner.name],
  ['icp_subject.base_info.province', () => '120000'],
  ['icp_subject.base_info.city', () => '120100'],
  ['icp_subject.base_info.district', () => '120116'],
  ['icp_subject.base_info.address', (i) => i.form.owner.address],
  ['icp_subject.organize_info.certificate_number', (i) => i.form.owner.certificateNumber],
  ['icp_subject.organize_info.certificate_address', (i) => i.form.owner.certificateAddress],
  ['icp_subject.principal_info.name', (i) => i.form.ownerPrincipal.name],
  ['icp_subject.principal_info.mobile', (i) => i.form.ownerPrincipal.mobile],
  ['icp_subject.principal_info.email', (i) => i.form.ownerPrincipal.email],
  ['icp_subject.principal_info.emergency_contact', (i) => i.form.emergencyContact.mobile],
  ['icp_subject.principal_info.certificate_type', () => 2],
  ['icp_subject.principal_info.certificate_number', (i) => i.form.ownerPrincipal.idNumber],
  [
    'icp_subject.principal_info.certificate_validity_date_end',
    (i) => i.form.ownerPrincipal.idValidUntil!.replace(/-/g, '')
  ],
  ['icp_subject.principal_info.certificate_photo_front', (i) => i.media.owner_principal_id_front],
  ['icp_subject.principal_info.certificate_photo_back', (i) => i.media.owner_principal_id_back],
  ['icp_applets.base_info.service_content_types', () => [3, 5]],
  ['icp_applets.base_info.nrlx_details', () => [{ type: 24 }]],
  ['icp_applets.base_info.comment', (i) => i.form.miniProgram.description],
  ['icp_applets.principal_info.name', (i) => i.form.appPrincipal.name],
  ['icp_applets.principal_info.mobile', (i) => i.form.appPrincipal.mobile],
  ['icp_applets.principal_info.email', (i) => i.form.appPrincipal.email],
  ['icp_applets.principal_info.emergency_contact', (i) => i.form.emergencyContact.mobile],
  ['icp_applets.principal_info.certificate_type', () => 2],
  ['icp_applets.principal_info.certificate_number', (i) => i.form.appPrincipal.idNumber],
  ['icp_applets.principal_info.certificate_validity_date_start', () => '20190615'],
  ['icp_applets.principal_info.certificate_validity_date_end', () => '20290615'],
  ['icp_applets.principal_info.certificate_photo_front', (i) => i.media.app_principal_id_front],
  ['icp_applets.principal_info.certificate_photo_back', (i) => i.media.app_principal_id_back],
  ['icp_applets.principal_info.verify_task_id', (i) => i.faceTaskId],
  ['icp_materials', () => ({})]
]

/** Subject type and owner certificate type codes in the fixture tables, per owner type. */
const SUBJECT_CODES: Record<OwnerType, [subject: number, certificate: number]> = {
  individual: [5, 2],
  enterprise: [4, 1],
  individual_business: [4, 1],
  government: [2, 6],
  institution: [3, 8],
  social_org: [6, 9]
}

describe('mapWechatApplication: every field, each owner type', () => {
  const cases = OWNER_TYPES_ALL.flatMap((t) => FIELDS.map(([path, expected]) => [t, path, expected] as const))
  it.each(cases)('%s: %s', (ownerType, path, expected) => {
    const input = cleanInput(ownerType)
    expect(at(payloadOf(map(input)), path)).toEqual(expected(input))
  })

  it.each(OWNER_TYPES_ALL)('%s: subject type, certificate type and the parts that depend on the owner type', (t) => {
    const input = cleanInput(t)
    const p = payloadOf(map(input))
    expect(p.icp_subject.base_info.type).toBe(SUBJECT_CODES[t][0])
    expect(p.icp_subject.organize_info.certificate_type).toBe(SUBJECT_CODES[t][1])
    // an individual's ID card is the subject certificate: no separate photo
    expect(p.icp_subject.organize_info.certificate_photo).toBe(t === 'individual' ? undefined : 'm-owner-cert')
    expect(p.icp_subject.principal_info.certificate_validity_date_start).toBe(
      t === 'individual' ? '20190615' : '20200101'
    )
    expect(p.icp_subject.legal_person_info).toBeUndefined()
    expect(p.icp_subject.personal_info).toBeUndefined()
    expect(p.icp_subject.principal_info.authorization_letter).toBeUndefined()
    expect(p.icp_applets.principal_info.authorization_letter).toBeUndefined()
    expect(p.icp_subject.principal_info).not.toHaveProperty('verify_task_id')
  })
})

describe('mapWechatApplication: parts that follow from the profile', () => {
  it('a principal who is not the legal representative: 授权书 on that principal, legal person for the subject', () => {
    const input = withChanges(cleanInput('enterprise'), {
      'profile.ownerPrincipalIsLegalRep': false,
      'extras.legalPerson': { name: '张建国', idNumber: id('12010119700101005') }
    })
    const p = payloadOf(map(input))
    expect(p.icp_subject.principal_info.authorization_letter).toBe('m-letter')
    expect(p.icp_applets.principal_info.authorization_letter).toBeUndefined()
    expect(p.icp_subject.legal_person_info).toEqual({ name: '张建国', certificate_number: id('12010119700101005') })

    const app = payloadOf(map(withChanges(cleanInput('enterprise'), { 'profile.appPrincipalIsLegalRep': false })))
    expect(app.icp_applets.principal_info.authorization_letter).toBe('m-letter')
    expect(app.icp_subject.principal_info.authorization_letter).toBeUndefined()
    expect(app.icp_subject.legal_person_info).toBeUndefined()
  })

  it('an individual whose ID was issued in another province sends the residence permit', () => {
    const p = payloadOf(map(withChanges(cleanInput('individual'), { 'profile.residenceProvince': '41' })))
    expect(p.icp_subject.personal_info).toEqual({ residence_permit: 'm-residence' })
  })

  it('approvals: one nrlx row per approval with its number and media; a commitment letter goes to icp_materials', () => {
    const input = withChanges(cleanInput('enterprise'), {
      'form.miniProgram.preApproval': 'has',
      'form.miniProgram.preApprovals': [
        { industry: 'education', approvalNumber: '津教审〔2026〕12号', fileName: '办学许可' },
        { industry: 'tutoring', approvalNumber: '津培〔2026〕3号', fileName: '培训许可' }
      ],
      'media.commitment_letter': 'm-commit'
    })
    const p = payloadOf(map(input))
    expect(p.icp_applets.base_info.nrlx_details).toEqual([
      { type: 3, code: '津教审〔2026〕12号', media: 'm-pre-0' },
      { type: 14, code: '津培〔2026〕3号', media: 'm-pre-1' }
    ])
    expect(p.icp_materials).toEqual({ commitment_letter: ['m-commit'] })
  })

  it('a permanent ID card is sent as 长期 with the start date the submit page asked for', () => {
    const input = withChanges(cleanInput('enterprise'), {
      'form.ownerPrincipal.idValidUntil': '长期',
      'extras.ownerPrincipalIdValidFrom': '2016-05-01'
    })
    const p = payloadOf(map(input)).icp_subject.principal_info
    expect([p.certificate_validity_date_start, p.certificate_validity_date_end]).toEqual(['20160501', '长期'])
  })

  it('a municipality city typed as 天津 or 市辖区, and a district typed without its suffix, still map', () => {
    for (const [city, district] of [
      ['天津', '滨海新区'],
      ['市辖区', '和平'],
      [undefined, '和平区']
    ]) {
      const p = payloadOf(
        map(withChanges(cleanInput('enterprise'), { 'form.owner.region': { province: '12', city, district } }))
      )
      expect(p.icp_subject.base_info.city).toBe('120100')
    }
  })
})
