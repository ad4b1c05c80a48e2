import type { CancelKind, FilingProfile, OwnerType, PlatformId } from '../../domain/types'

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

export const CANCEL_KIND_OPTIONS: { value: CancelKind; label: string; hint: string }[] = [
  { value: 'mini_program', label: '注销小程序', hint: '只注销这个小程序的备案，主体和它的其他备案不变' },
  { value: 'owner', label: '注销主体', hint: '注销主办单位（或个人）和它名下的全部备案' },
  { value: 'access', label: '取消接入', hint: '小程序不再由这个平台接入，备案号保留或转到新的接入方' }
]

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

export type WizardStepId = 'platform' | 'region' | 'industries' | 'texts'

export const STEP_TITLES: Record<WizardStepId, string> = {
  platform: '平台与类型',
  region: '地区与负责人',
  industries: '经营行业',
  texts: '名称与描述'
}

/** The steps these answers go through: a 注销 asks no industries (nothing new is offered) and names the number instead. */
export function wizardSteps(a: WizardAnswers): WizardStepId[] {
  return a.filingType === 'cancel' ? ['platform', 'region', 'texts'] : ['platform', 'region', 'industries', 'texts']
}

export const stepTitle = (a: WizardAnswers, id: WizardStepId): string =>
  id === 'texts' && a.filingType === 'cancel' ? '要注销的备案' : STEP_TITLES[id]

/** The province question: where the filing is made, which is the province that reviews it. */
export const FILING_PROVINCE_QUESTION = '备案所在省份'

const needsAppId = (a: WizardAnswers) => a.filingType === 'cancel' && a.cancelKind !== 'owner'

/** What is still missing before the user may leave a step; empty = may go on. */
export function missingForStep(step: WizardStepId, a: WizardAnswers): string[] {
  const missing: string[] = []
  if (step === 'platform' && a.filingType === 'cancel' && !a.cancelKind) missing.push('请选择注销哪一种')
  if (step === 'region') {
    if (!a.province) missing.push(`请选择${FILING_PROVINCE_QUESTION}`)
    if (a.ownerType === 'individual' && !a.residenceProvince) missing.push('请选择身份证签发地（户籍省份）')
  }
  if (step === 'texts') {
    if (!a.texts.ownerName?.trim()) missing.push(a.ownerType === 'individual' ? '请填写你的姓名' : '请填写主办单位名称')
    if (a.cancelKind !== 'owner' && !a.texts.appName?.trim()) missing.push('请填写小程序名称')
    if (a.filingType === 'cancel' && !a.cancelFilingNumber?.trim()) missing.push('请填写要注销的备案号')
    if (needsAppId(a) && !a.appId?.trim()) missing.push('请填写小程序的 AppID')
  }
  return missing
}

export { needsAppId }
