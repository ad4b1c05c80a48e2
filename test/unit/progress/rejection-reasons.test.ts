/** @jest-environment node */
import fc from 'fast-check'
import { MATERIALS, REJECTION_REASONS, buildChecklist, findRejectionReason, relevantFixes } from '../../../src/domain'
import { SAMPLE_FORM, SAMPLE_PROFILE } from '../../../src/domain/samples'
import { ROUTES, withQuery } from '../../../src/constants/routes'
import { fixUrl } from '../../../src/pages/progress/fix-links'
import { joinReasons } from '../../../src/pages/progress/reasons'

const FORM_KEYS: Record<string, string[]> = {
  owner: [
    'name',
    'certificateType',
    'certificateNumber',
    'certificateValidUntil',
    'region',
    'address',
    'certificateAddress',
    'businessScope'
  ],
  ownerPrincipal: ['name', 'idType', 'idNumber', 'idValidUntil', 'mobile', 'email'],
  miniProgram: ['name', 'description', 'serviceTypes', 'preApproval', 'preApprovals'],
  appPrincipal: ['name', 'idType', 'idNumber', 'idValidUntil', 'mobile', 'email'],
  emergencyContact: ['name', 'mobile']
}

describe('REJECTION_REASONS', () => {
  it('has unique ids and labels, a source and advice for each', () => {
    expect(new Set(REJECTION_REASONS.map((r) => r.id)).size).toBe(REJECTION_REASONS.length)
    expect(new Set(REJECTION_REASONS.map((r) => r.label)).size).toBe(REJECTION_REASONS.length)
    for (const r of REJECTION_REASONS) {
      expect(r.advice.length).toBeGreaterThan(10)
      expect(r.source).toBeTruthy()
      expect(r.label.length).toBeLessThanOrEqual(200)
    }
    expect(Object.keys(FORM_KEYS).sort()).toEqual(Object.keys(SAMPLE_FORM).sort())
  })

  it.each(REJECTION_REASONS.flatMap((r) => r.fixes.map((f) => [r.id, f] as const)))(
    '%s fixes a real target',
    (_id, fix) => {
      if (fix.kind === 'field') {
        const [section, key] = fix.path.split('.')
        expect(FORM_KEYS[section]).toContain(key)
      } else {
        expect(MATERIALS[fix.material]).toBeDefined()
      }
    }
  )

  it.each(REJECTION_REASONS.map((r) => [r.label, r.id]))('finds the picked label %s', (label, id) => {
    expect(findRejectionReason(label)?.id).toBe(id)
  })

  it.each([
    ['营业执照有效期不足3个月', 'certificate_validity'],
    ['身份证照片反光，请上传清晰的原件照片', 'certificate_image'],
    ['主体负责人电话无法接通', 'phone_numbers'],
    ['小程序名称与经营范围不符', 'app_name'],
    ['核验单未加盖红章', 'verification_form'],
    ['通讯地址与所选区域不一致', 'address_mismatch'],
    ['12381短信核验超时', 'sms_verification'],
    ['请补充授权书', 'authorization_letter'],
    ['服务内容描述过于简单', 'app_description'],
    ['涉及前置审批，请上传审批文件', 'pre_approval']
  ])('matches the reviewer’s words “%s” to %s', (text, id) => {
    expect(findRejectionReason(text)?.id).toBe(id)
  })

  it.each(['', '   ', '其他说不清的原因'])('finds nothing for %j', (text) => {
    expect(findRejectionReason(text)).toBeUndefined()
  })

  it('narrows material fixes to the filing’s checklist', () => {
    const extras = REJECTION_REASONS.find((r) => r.id === 'province_extras')!
    const xinjiang = buildChecklist({ ...SAMPLE_PROFILE, province: '65' }).map((c) => c.id)
    expect(relevantFixes(extras, xinjiang).map((f) => f.kind === 'material' && f.material)).toEqual([
      'party_building_proof'
    ])
    // nothing of it on the checklist: all fixes stay, the user decides
    const tianjin = buildChecklist(SAMPLE_PROFILE).map((c) => c.id)
    expect(relevantFixes(extras, tianjin)).toEqual(extras.fixes)
  })
})

describe('fixUrl', () => {
  it.each([
    [
      { kind: 'field', path: 'owner.certificateValidUntil', label: '' },
      withQuery(ROUTES.selfCheck, { section: 'owner', field: 'owner.certificateValidUntil' })
    ],
    [
      { kind: 'field', path: 'emergencyContact.mobile', label: '' },
      withQuery(ROUTES.selfCheck, { section: 'emergencyContact', field: 'emergencyContact.mobile' })
    ],
    [{ kind: 'material', material: 'face_check', label: '' }, withQuery(ROUTES.photoCheck, { material: 'face_check' })],
    [{ kind: 'material', material: 'authorization_letter', label: '' }, ROUTES.materials]
  ] as const)('%j → %s', (fix, url) => {
    expect(fixUrl(fix)).toBe(url)
  })
})

describe('joinReasons', () => {
  it('keeps picked labels first, then each typed line, without blanks or duplicates', () => {
    expect(joinReasons(['证件有效期不足'], ' 电话无法接通 \n\n证件有效期不足\r\n其他')).toEqual([
      '证件有效期不足',
      '电话无法接通',
      '其他'
    ])
  })

  it('stays within the back end’s limits for any input', () => {
    fc.assert(
      fc.property(fc.array(fc.string(), { maxLength: 30 }), fc.string({ maxLength: 2000 }), (picked, other) => {
        const out = joinReasons(
          picked.filter((p) => p.trim()),
          other
        )
        expect(out.length).toBeLessThanOrEqual(20)
        for (const r of out) expect(Array.from(r).length).toBeLessThanOrEqual(200)
        expect(new Set(out).size).toBe(out.length)
      })
    )
  })
})
