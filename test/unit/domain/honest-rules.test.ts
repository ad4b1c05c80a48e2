/** @jest-environment node */
import fc from 'fast-check'
import {
  buildChecklist,
  cancellationTemplateValues,
  detectPreApproval,
  INDUSTRIES,
  INDUSTRY_IDS,
  PARALLEL_FILING_WARNING,
  PLATFORMS,
  PROVINCES,
  remarkRule,
  runSelfCheck,
  type CancelKind,
  type FilingProfile
} from '../../../src/domain'
import { SAMPLE_FORM, SAMPLE_PROFILE, SAMPLE_TODAY } from '../../../src/domain/samples'

const profile = (over: Partial<FilingProfile>): FilingProfile => ({ ...SAMPLE_PROFILE, ...over })
const check = (p: FilingProfile, form = SAMPLE_FORM) => runSelfCheck(form, { profile: p, today: SAMPLE_TODAY })
const withName = (name: string) => ({ ...SAMPLE_FORM, miniProgram: { ...SAMPLE_FORM.miniProgram, name } })

describe('unpublished rules are worded as unpublished', () => {
  const entries = Object.values(PROVINCES).flatMap((p) => p.rules.map((r) => ({ province: p.name, ...r })))

  it('every province rule carries its own source and date; provinces do not share one generic source', () => {
    for (const r of entries) {
      expect(r.source).toBeTruthy()
      expect(r.checkedOn).toMatch(/^\d{4}-\d{2}-\d{2}$/)
    }
    const sources = new Set(Object.values(PROVINCES).map((p) => p.source))
    expect(sources.size).toBe(Object.keys(PROVINCES).length)
    expect(PROVINCES['31'].rules.find((r) => r.text.startsWith('主体负责人'))!.source).toContain('上海')
  })

  it('property: no unpublished province rule states itself as certain', () => {
    const unpublished = entries.filter((r) => !r.published)
    expect(unpublished.length).toBeGreaterThan(0)
    fc.assert(
      fc.property(fc.constantFrom(...unpublished), (r) => {
        expect(r.text).toContain('未公布')
        expect(r.text).toContain('建议')
      })
    )
  })

  it('property: 支付宝’s unpublished certificate margin is never “支付宝要求”', () => {
    expect(PLATFORMS.alipay.certificateMargin.published).toBe(false)
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 200 }), (days) => {
        const until = new Date(Date.UTC(2026, 10, 23 + days)).toISOString().slice(0, 10)
        const form = { ...SAMPLE_FORM, owner: { ...SAMPLE_FORM.owner, certificateValidUntil: until } }
        const p = profile({ platform: 'alipay' })
        const texts = [
          ...check(p, form).map((f) => f.message),
          ...buildChecklist(p).flatMap((i) => [i.reason, ...i.tips])
        ].filter((t) => t.includes('剩余有效期'))
        for (const t of texts) {
          expect(t).not.toContain('支付宝要求')
          if (t.includes('支付宝')) expect(t).toContain('未公布')
        }
        for (const f of check(p, form).filter((f) => f.code === 'CERT_VALIDITY_MARGIN'))
          expect(f.severity).toBe('warning')
      })
    )
  })

  it('a platform without a published 备注 length is told so; WeChat’s is 20–200', () => {
    expect(remarkRule('weapp')).toEqual({ min: 20, max: 200, published: true })
    const short = { ...SAMPLE_FORM, miniProgram: { ...SAMPLE_FORM.miniProgram, description: '会议室预订' } }
    const tt = check(profile({ platform: 'tt' }), short).find((f) => f.code === 'DESCRIPTION_LENGTH')!
    expect(tt.severity).toBe('warning')
    expect(tt.message).toContain('未公布')
    expect(check(SAMPLE_PROFILE, short).find((f) => f.code === 'DESCRIPTION_LENGTH')!.message).toContain(
      '微信要求20–200'
    )
  })
})

describe('negated mentions are not keyword hits', () => {
  it.each([
    ['教育咨询服务（不含教育培训活动）', ['education']],
    ['技术服务；不含校外培训', []],
    ['会议服务，不从事医疗诊疗活动', []],
    ['软件开发；除依法须经批准的项目外，凭营业执照依法自主开展经营活动', []],
    ['一般项目：技术服务（不包括互联网金融、贷款业务）', []],
    ['不得从事新闻、出版业务', []],
    ['提供在线问诊', ['medical']],
    ['不含税价格查询；在线课程', ['education']],
    ['培训服务', ['tutoring']]
  ])('%s → %j', (text, industries) => {
    expect(detectPreApproval(text)).toEqual(industries)
  })
})

describe('the restricted-word message names every word found', () => {
  it('中国 and 国家 both', () => {
    const f = check(SAMPLE_PROFILE, withName('中国国家会议室')).find((x) => x.code === 'APP_NAME_RESTRICTED_WORD')!
    expect(f.message).toContain('“中国”')
    expect(f.message).toContain('“国家”')
    expect(f.fix).toContain('“中国”“国家”')
  })

  it('exaggerations too, each named', () => {
    const f = check(SAMPLE_PROFILE, withName('第一最佳会议室')).find((x) => x.code === 'APP_NAME_EXAGGERATED_WORD')!
    expect(f.message).toContain('“第一”“最佳”')
  })
})

describe('pre-approval', () => {
  it.each(INDUSTRY_IDS)('%s: the approval document names its authority once', (industry) => {
    const reason = buildChecklist(profile({ industries: [industry] })).find((i) => i.id === 'pre_approval')!.reason
    const authority = INDUSTRIES[industry].authority.replace(/（.*）$/, '')
    expect(reason.split(`${authority}的${authority}`).length).toBe(1)
  })

  it.each([
    ['医疗', undefined, 'SERVICE_TYPE_NEEDS_PRE_APPROVAL'],
    ['金融', undefined, 'SERVICE_TYPE_NEEDS_PRE_APPROVAL'],
    ['教育', undefined, 'SERVICE_TYPE_NEEDS_PRE_APPROVAL'],
    ['医疗', 'medical', undefined],
    ['工具', undefined, undefined]
  ] as const)('service type %s, declared %s → %s', (serviceType, declared, code) => {
    const form = { ...SAMPLE_FORM, miniProgram: { ...SAMPLE_FORM.miniProgram, serviceTypes: [serviceType] } }
    const p = profile({ industries: declared ? [declared] : [] })
    const found = check(p, form).find((f) => f.code === 'SERVICE_TYPE_NEEDS_PRE_APPROVAL')
    expect(found?.code).toBe(code)
    if (found) expect(found.severity).toBe('error')
  })
})

describe('已有主体备案号: 新增 under an existing owner', () => {
  const p = profile({ existingOwnerFilingNumber: '津ICP备12345678号' })

  it('the checklist says 新增 and that identity data must match exactly', () => {
    const item = buildChecklist(p).find((i) => i.id === 'existing_owner_record')!
    expect(item.title).toContain('津ICP备12345678号')
    expect(item.reason).toContain('新增')
    expect(item.reason).toContain('完全一致')
    expect(buildChecklist(SAMPLE_PROFILE).some((i) => i.id === 'existing_owner_record')).toBe(false)
  })

  it('self-check says so, and refuses a malformed number', () => {
    expect(check(p).find((f) => f.code === 'EXISTING_OWNER_MUST_MATCH')!.message).toContain('完全一致')
    const bad = check(profile({ existingOwnerFilingNumber: 'ICP12345' }))
    expect(bad.some((f) => f.field === 'profile.existingOwnerFilingNumber' && f.severity === 'error')).toBe(true)
  })

  it('warns against filing the same owner on several platforms at once (reason 13)', () => {
    const tips = buildChecklist(SAMPLE_PROFILE).find((i) => i.id === 'owner_certificate')!.tips
    expect(tips).toContain(PARALLEL_FILING_WARNING)
    expect(PARALLEL_FILING_WARNING).toContain('同时')
  })
})

describe('注销: three kinds', () => {
  const cancel = (over: Partial<FilingProfile>) =>
    profile({ filingType: 'cancel', industries: ['medical'], texts: { businessScope: '医疗服务' }, ...over })

  it.each([
    ['owner', '津ICP备12345678号', undefined, '注销主体'],
    ['mini_program', '津ICP备12345678号-1X', 'wx1234567890abcdef', '注销小程序'],
    ['access', '津ICP备12345678号-2X', 'wx1234567890abcdef', '取消接入']
  ] as [CancelKind, string, string | undefined, string][])('%s', (cancelKind, number, appId, label) => {
    const p = cancel({ cancelKind, cancelFilingNumber: number, appId })
    const items = buildChecklist(p)
    expect(items.map((i) => i.id)).toEqual(['ownership_proof', 'owner_principal_id', 'cancellation_request'])
    const request = items.find((i) => i.id === 'cancellation_request')!
    expect(request.title).toContain(label)
    expect(request.tips).toContain(`备案号：${number}`)
    if (appId) expect(request.tips).toContain(`AppID：${appId}`)
    // industries and business scope play no part
    expect(JSON.stringify(items)).not.toMatch(/前置审批|经营范围/)
    expect(check(p).filter((f) => f.field.startsWith('profile.'))).toEqual([])
    expect(cancellationTemplateValues(p)).toEqual({ cancelKind: label, filingNumber: number, appId })
  })

  it.each([
    [{}, 'CANCEL_KIND_REQUIRED'],
    [{ cancelKind: 'owner' }, 'REQUIRED'],
    [{ cancelKind: 'owner', cancelFilingNumber: '津ICP备12345678号-1X' }, 'CANCEL_NUMBER_KIND'],
    [{ cancelKind: 'mini_program', cancelFilingNumber: '津ICP备12345678号' }, 'CANCEL_NUMBER_KIND'],
    [{ cancelKind: 'access', cancelFilingNumber: '津ICP备12345678号-1X' }, 'REQUIRED'],
    [{ cancelKind: 'mini_program', cancelFilingNumber: '津ICP备12345678号-1X', appId: 'abc' }, 'APP_ID_FORMAT']
  ] as [Partial<FilingProfile>, string][])('%j → %s', (over, code) => {
    expect(check(cancel(over)).map((f) => f.code)).toContain(code)
  })
})
