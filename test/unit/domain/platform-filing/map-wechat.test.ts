/** @jest-environment node */
/**
 * Our filing → WeChat apply_icp_filing: every field of the body from the form for each owner type, the parts that
 * depend on the profile (授权书, 法定代表人, 居住证, 前置审批), and every value that cannot be mapped as a finding on
 * our field with the platform's own options.
 */
import { mapWechatApplication, type SubmissionInput } from '../../../../src/domain/platform-filing'
import type { OwnerType } from '../../../../src/domain/types'
import { cleanInput, id, OWNER_TYPES_ALL, WECHAT_TABLES } from './fixtures'
import { at, findingsOf, payloadOf, withChanges } from './support'

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

const opts = (...codes: string[]) => codes

describe('mapWechatApplication: values that cannot be mapped are findings on our fields', () => {
  const cases: [string, Record<string, unknown>, string, string, string[]?][] = [
    [
      'unknown district',
      { 'form.owner.region.district': '塘沽区' },
      'owner.region.district',
      'NOT_IN_PLATFORM_TABLE',
      opts('120101', '120116')
    ],
    [
      'no district',
      { 'form.owner.region.district': '' },
      'owner.region.district',
      'REQUIRED',
      opts('120101', '120116')
    ],
    [
      'unknown city',
      { 'form.owner.region': { province: '44', city: '佛山市', district: '禅城区' } },
      'owner.region.city',
      'NOT_IN_PLATFORM_TABLE',
      opts('440100', '440300')
    ],
    [
      'province not served',
      { 'form.owner.region.province': '65', 'profile.province': '65' },
      'owner.region.province',
      'NOT_IN_PLATFORM_TABLE'
    ],
    [
      'first-level service type',
      { 'form.miniProgram.serviceTypes': ['商务服务'] },
      'miniProgram.serviceTypes',
      'SERVICE_TYPE_FIRST_LEVEL',
      opts('3', '4')
    ],
    [
      'unknown service type',
      { 'form.miniProgram.serviceTypes': ['元宇宙'] },
      'miniProgram.serviceTypes',
      'NOT_IN_PLATFORM_TABLE',
      opts('1', '2', '3', '4', '5', '6', '7')
    ],
    ['no service type', { 'form.miniProgram.serviceTypes': [] }, 'miniProgram.serviceTypes', 'REQUIRED'],
    [
      'six service types',
      { 'form.miniProgram.serviceTypes': ['生活缴费', '招聘', '会议服务', '企业管理', '信息查询', '效率工具'] },
      'miniProgram.serviceTypes',
      'SERVICE_TYPES_TOO_MANY'
    ],
    ['pre-approval unanswered', { 'form.miniProgram.preApproval': undefined }, 'miniProgram.preApproval', 'REQUIRED'],
    [
      'the same approval twice',
      {
        'form.miniProgram.preApproval': 'has',
        'form.miniProgram.preApprovals': [
          { industry: 'religion', approvalNumber: 'X1', fileName: 'f' },
          { industry: 'religion', approvalNumber: 'X2', fileName: 'g' }
        ]
      },
      'miniProgram.preApprovals.1',
      'PRE_APPROVAL_DUPLICATE'
    ],
    [
      'approval without its number',
      {
        'form.miniProgram.preApproval': 'has',
        'form.miniProgram.preApprovals': [{ industry: 'religion', approvalNumber: ' ', fileName: 'f' }]
      },
      'miniProgram.preApprovals.0.approvalNumber',
      'REQUIRED'
    ],
    [
      'certificate type other',
      { 'form.owner.certificateType': 'other' },
      'owner.certificateType',
      'NOT_IN_PLATFORM_TABLE',
      opts('1', '12')
    ],
    [
      'principal with an unlisted document',
      { 'form.ownerPrincipal.idType': 'other' },
      'ownerPrincipal.idType',
      'NOT_IN_PLATFORM_TABLE',
      opts('2', '3', '4', '5')
    ],
    ['no certificate address', { 'form.owner.certificateAddress': '' }, 'owner.certificateAddress', 'REQUIRED'],
    ['no principal email', { 'form.appPrincipal.email': undefined }, 'appPrincipal.email', 'REQUIRED'],
    [
      '备注 too short',
      { 'form.miniProgram.description': '会议室预订' },
      'miniProgram.description',
      'DESCRIPTION_LENGTH'
    ],
    [
      '备注 too long',
      { 'form.miniProgram.description': '会'.repeat(201) },
      'miniProgram.description',
      'DESCRIPTION_LENGTH'
    ],
    [
      'start date not derivable',
      { 'form.appPrincipal.idValidUntil': '2060-06-15' },
      'extras.appPrincipalIdValidFrom',
      'VALID_FROM_NEEDED'
    ],
    [
      'start date after end',
      { 'form.ownerPrincipal.idValidUntil': '长期', 'extras.ownerPrincipalIdValidFrom': '2027-01-01' },
      'extras.ownerPrincipalIdValidFrom',
      'VALID_FROM_NEEDED'
    ],
    ['legal person missing', { 'profile.ownerPrincipalIsLegalRep': false }, 'extras.legalPerson.name', 'REQUIRED'],
    ['photo not uploaded', { 'media.owner_certificate': undefined }, 'media.owner_certificate', 'MEDIA_MISSING'],
    ['no face task', { faceTaskId: undefined }, 'faceTask', 'FACE_TASK_MISSING']
  ]
  // jest passes `done` where a row has no options: give every row its fifth column
  it.each(cases.map((c) => [c[0], c[1], c[2], c[3], c[4] ?? null] as const))(
    '%s',
    (_name, changes, field, code, options) => {
      const base = cleanInput('enterprise')
      const findings = findingsOf(map(withChanges(base, changes)))
      const hit = findings.find((f) => f.field === field && f.code === code)
      expect(hit).toBeDefined()
      expect(hit!.severity).toBe('error')
      expect(hit!.message).toMatch(/[\u4e00-\u9fa5]/)
      expect(hit!.fix).toMatch(/[\u4e00-\u9fa5]/)
      if (options) expect(hit!.options?.map((o) => o.code)).toEqual(options)
    }
  )
})

describe('mapWechatApplication: tables that lack a row', () => {
  const without = (key: 'subjectTypes' | 'preApprovalItems', name: string) => ({
    ...WECHAT_TABLES,
    [key]: WECHAT_TABLES[key].filter((e) => e.name !== name)
  })

  it('an approval type the platform does not list offers the platform list', () => {
    const input = withChanges(cleanInput('enterprise'), {
      'form.miniProgram.preApproval': 'has',
      'form.miniProgram.preApprovals': [{ industry: 'religion', approvalNumber: 'X1', fileName: 'f' }]
    })
    const f = findingsOf(mapWechatApplication(input, without('preApprovalItems', '宗教')))
    expect(f[0]).toMatchObject({ field: 'miniProgram.preApprovals.0', code: 'NOT_IN_PLATFORM_TABLE' })
    expect(f[0].options!.map((o) => o.name)).not.toContain('宗教')
  })

  it('以上都不涉及 missing from the table', () => {
    const f = findingsOf(mapWechatApplication(cleanInput('enterprise'), without('preApprovalItems', '以上都不涉及')))
    expect(f.map((x) => [x.field, x.code])).toEqual([['miniProgram.preApproval', 'NOT_IN_PLATFORM_TABLE']])
  })

  it('a subject type the platform does not list', () => {
    const f = findingsOf(mapWechatApplication(cleanInput('government'), without('subjectTypes', '政府机关')))
    expect(f.map((x) => [x.field, x.code])).toEqual([['owner.certificateType', 'NOT_IN_PLATFORM_TABLE']])
    expect(f[0].options).toHaveLength(WECHAT_TABLES.subjectTypes.length - 1)
  })
})
