import type { FilingProfile, OwnerType, PlatformId } from '../../domain/types'

/** The wizard's answers are a FilingProfile being filled in; province is '' until chosen. */
export type WizardAnswers = FilingProfile

export const PLATFORM_OPTIONS: { value: PlatformId; label: string }[] = [
  { value: 'weapp', label: '微信' },
  { value: 'tt', label: '抖音' },
  { value: 'alipay', label: '支付宝' }
]

export const FILING_TYPE_OPTIONS = [
  { value: 'new', label: '新增备案' },
  { value: 'change', label: '变更备案' },
  { value: 'cancel', label: '注销备案' }
] as const

export const OWNER_TYPE_OPTIONS: { value: OwnerType; label: string; hint: string }[] = [
  { value: 'enterprise', label: '企业', hint: '有营业执照的公司' },
  { value: 'individual_business', label: '个体工商户', hint: '按单位主体备案' },
  { value: 'individual', label: '个人', hint: '用本人身份证备案' },
  { value: 'government', label: '政府机关', hint: '' },
  { value: 'institution', label: '事业单位', hint: '' },
  { value: 'social_org', label: '社会团体', hint: '含民办非企业单位、基金会' }
]

export function emptyAnswers(platform: PlatformId = 'weapp'): WizardAnswers {
  return {
    platform,
    filingType: 'new',
    ownerType: 'enterprise',
    province: '',
    ownerPrincipalIsLegalRep: true,
    appPrincipalIsLegalRep: true,
    industries: [],
    texts: { ownerName: '', businessScope: '', appName: '', appDescription: '' }
  }
}

export function isPlatformId(v: unknown): v is PlatformId {
  return v === 'weapp' || v === 'tt' || v === 'alipay'
}

export const WIZARD_STEPS = ['平台与类型', '地区与负责人', '经营行业', '名称与描述'] as const

/** What is still missing before the user may leave a step; empty = may go on. */
export function missingForStep(step: number, a: WizardAnswers): string[] {
  const missing: string[] = []
  if (step === 1) {
    if (!a.province) missing.push('请选择主办单位证件所在省份')
    if (a.ownerType === 'individual' && !a.residenceProvince) missing.push('请选择身份证签发地（户籍省份）')
  }
  if (step === 3) {
    if (!a.texts.ownerName?.trim()) missing.push(a.ownerType === 'individual' ? '请填写你的姓名' : '请填写主办单位名称')
    if (!a.texts.appName?.trim()) missing.push('请填写小程序名称')
  }
  return missing
}
