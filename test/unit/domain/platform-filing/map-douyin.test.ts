/** @jest-environment node */
/**
 * Our filing → Douyin submit_record_info: every field of corp_info and app_info from the form for each owner type,
 * the profile-dependent parts, and values that cannot be mapped as findings on our fields.
 */
import { douyinDayStart, mapDouyinRecord, type SubmissionInput } from '../../../../src/domain/platform-filing'
import type { OwnerType } from '../../../../src/domain/types'
import { cleanInput, DOUYIN_TABLES, OWNER_TYPES_ALL } from './fixtures'
import { at, findingsOf, payloadOf, withChanges } from './support'

const map = (input: SubmissionInput) => mapDouyinRecord(input, DOUYIN_TABLES)
const day = (date: string) => Date.parse(`${date}T00:00:00+08:00`) / 1000

const FIELDS: [string, (i: SubmissionInput) => unknown][] = [
  ['corp_info.credentials_name', (i) => i.form.owner.name],
  ['corp_info.credentials_number', (i) => i.form.owner.certificateNumber],
  ['corp_info.credentials_pic', (i) => ({ path: i.media.owner_certificate })],
  ['corp_info.credentials_address', (i) => i.form.owner.certificateAddress],
  ['corp_info.province_code', () => '120000'],
  ['corp_info.province_name', () => '天津市'],
  ['corp_info.city_code', () => '120100'],
  ['corp_info.city_name', () => '市辖区'],
  ['corp_info.region_code', () => '120116'],
  ['corp_info.region_name', () => '滨海新区'],
  ['corp_info.communication_address', (i) => i.form.owner.address],
  ['corp_info.incharge_people_name', (i) => i.form.ownerPrincipal.name],
  ['corp_info.incharge_people_credentials_type', () => 2],
  ['corp_info.incharge_people_credentials_number', (i) => i.form.ownerPrincipal.idNumber],
  ['corp_info.incharge_people_credentials_front', (i) => ({ path: i.media.owner_principal_id_front })],
  ['corp_info.incharge_people_credentials_back', (i) => ({ path: i.media.owner_principal_id_back })],
  ['corp_info.incharge_people_credentials_has_end_time', () => true],
  ['corp_info.incharge_people_credentials_valid_end_time', (i) => day(i.form.ownerPrincipal.idValidUntil!)],
  ['corp_info.incharge_people_email', (i) => i.form.ownerPrincipal.email],
  ['corp_info.incharge_people_phone', (i) => i.form.ownerPrincipal.mobile],
  ['corp_info.incharge_people_emergency_phone', (i) => i.form.emergencyContact.mobile],
  ['corp_info.corp_authority_letter', () => undefined],
  ['corp_info.corp_other_materials', () => undefined],
  ['app_info.app_language', () => [1]],
  ['app_info.service_content_type_list', () => [3, 5]],
  ['app_info.involve_pre_approval', () => false],
  ['app_info.pre_approval_list', () => []],
  ['app_info.facial_recognition_token', (i) => i.faceTaskId],
  ['app_info.incharge_people_email', (i) => i.form.appPrincipal.email],
  ['app_info.incharge_people_phone', (i) => i.form.appPrincipal.mobile],
  ['app_info.incharge_people_emergency_phone', (i) => i.form.emergencyContact.mobile],
  ['app_info.remark', (i) => i.form.miniProgram.description],
  ['app_info.app_authority_letter', () => undefined]
]

const SUBJECT_CODES: Record<OwnerType, [corp: number, credentials: number]> = {
  individual: [5, 2],
  enterprise: [4, 1],
  individual_business: [4, 1],
  government: [2, 6],
  institution: [3, 8],
  social_org: [6, 9]
}

describe('mapDouyinRecord: every field, each owner type', () => {
  const cases = OWNER_TYPES_ALL.flatMap((t) => FIELDS.map(([path, expected]) => [t, path, expected] as const))
  it.each(cases)('%s: %s', (ownerType, path, expected) => {
    const input = cleanInput(ownerType, 'tt')
    expect(at(payloadOf(map(input)), path)).toEqual(expected(input))
  })

  it.each(OWNER_TYPES_ALL)('%s: corp type, credentials type and validity start', (t) => {
    const p = payloadOf(map(cleanInput(t, 'tt'))).corp_info
    expect([p.corp_type, p.credentials_type]).toEqual(SUBJECT_CODES[t])
    expect(p.incharge_people_credentials_valid_start_time).toBe(day(t === 'individual' ? '2019-06-15' : '2020-01-01'))
  })
})

describe('mapDouyinRecord: parts that follow from the profile', () => {
  it('授权书 on the side whose principal is not the legal representative', () => {
    const corp = payloadOf(
      map(withChanges(cleanInput('enterprise', 'tt'), { 'profile.ownerPrincipalIsLegalRep': false }))
    )
    expect(corp.corp_info.corp_authority_letter).toEqual([{ path: 'm-letter' }])
    expect(corp.app_info.app_authority_letter).toBeUndefined()
    const app = payloadOf(map(withChanges(cleanInput('enterprise', 'tt'), { 'profile.appPrincipalIsLegalRep': false })))
    expect(app.app_info.app_authority_letter).toEqual([{ path: 'm-letter' }])
    expect(app.corp_info.corp_authority_letter).toBeUndefined()
  })

  it('an out-of-province individual sends the residence permit as another material', () => {
    const p = payloadOf(map(withChanges(cleanInput('individual', 'tt'), { 'profile.residenceProvince': '41' })))
    expect(p.corp_info.corp_other_materials).toEqual([{ path: 'm-residence' }])
  })

  it('approvals: involve_pre_approval with one entry per approval and its file', () => {
    const input = withChanges(cleanInput('enterprise', 'tt'), {
      'form.miniProgram.preApproval': 'has',
      'form.miniProgram.preApprovals': [
        { industry: 'publishing', approvalNumber: '新出网证(津)字001号', fileName: 'x' }
      ]
    })
    const p = payloadOf(map(input)).app_info
    expect(p.involve_pre_approval).toBe(true)
    expect(p.pre_approval_list).toEqual([
      { pre_approval_item_id: 2, pre_approval_number: '新出网证(津)字001号', pre_approval_files: [{ path: 'm-pre-0' }] }
    ])
  })

  it('a permanent ID: no end time, has_end_time false', () => {
    const input = withChanges(cleanInput('enterprise', 'tt'), {
      'form.ownerPrincipal.idValidUntil': '长期',
      'extras.ownerPrincipalIdValidFrom': '2016-05-01'
    })
    const p = payloadOf(map(input)).corp_info
    expect(p.incharge_people_credentials_has_end_time).toBe(false)
    expect(p).not.toHaveProperty('incharge_people_credentials_valid_end_time')
    expect(p.incharge_people_credentials_valid_start_time).toBe(day('2016-05-01'))
  })

  it('mobiles are sent as 11 digits whatever the form holds', () => {
    const input = withChanges(cleanInput('enterprise', 'tt'), { 'form.ownerPrincipal.mobile': '+86 136-1234-0001' })
    expect(payloadOf(map(input)).corp_info.incharge_people_phone).toBe('13612340001')
  })

  it('douyinDayStart is 00:00 in Shanghai', () => {
    expect(douyinDayStart('2024-01-01')).toBe(1704038400)
  })
})

describe('mapDouyinRecord: values that cannot be mapped', () => {
  const cases: [string, Record<string, unknown>, string, string][] = [
    ['unknown district', { 'form.owner.region.district': '塘沽区' }, 'owner.region.district', 'NOT_IN_PLATFORM_TABLE'],
    [
      'first-level service type',
      { 'form.miniProgram.serviceTypes': ['工具'] },
      'miniProgram.serviceTypes',
      'SERVICE_TYPE_FIRST_LEVEL'
    ],
    [
      '备注 too short',
      { 'form.miniProgram.description': '会议室预订' },
      'miniProgram.description',
      'DESCRIPTION_LENGTH'
    ],
    ['no 备注', { 'form.miniProgram.description': ' ' }, 'miniProgram.description', 'REQUIRED'],
    [
      'principal without a listed document',
      { 'form.ownerPrincipal.idType': 'hk_macao_pass' },
      'ownerPrincipal.idType',
      'NOT_IN_PLATFORM_TABLE'
    ],
    ['no emergency mobile', { 'form.emergencyContact.mobile': '' }, 'emergencyContact.mobile', 'REQUIRED'],
    ['no owner certificate photo', { 'media.owner_certificate': '' }, 'media.owner_certificate', 'MEDIA_MISSING'],
    ['no face token', { faceTaskId: '' }, 'faceTask', 'FACE_TASK_MISSING']
  ]
  it.each(cases)('%s', (_name, changes, field, code) => {
    const findings = findingsOf(map(withChanges(cleanInput('enterprise', 'tt'), changes)))
    expect(findings.map((f) => `${f.field} ${f.code}`)).toContain(`${field} ${code}`)
  })

  it('以上都不涉及 is not needed on Douyin (involve_pre_approval says it)', () => {
    expect(map(cleanInput('enterprise', 'tt')).ok).toBe(true)
  })
})
