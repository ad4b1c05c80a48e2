/** @jest-environment node */
/**
 * WeChat mapping, the other side: every value that cannot be mapped onto apply_icp_filing is a finding on our field,
 * in Chinese, with the platform's own options where there are any.
 */
import { mapWechatApplication, type SubmissionInput } from '../../../../src/domain/platform-filing'
import { cleanInput, WECHAT_TABLES } from './fixtures'
import { findingsOf, withChanges } from './support'

const map = (input: SubmissionInput) => mapWechatApplication(input, WECHAT_TABLES)

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
