/** Owner types (主体类型) and the certificate each one files with. */
import type { OwnerForm, OwnerType } from '../types'
import { RULES_CHECKED_ON, SOURCE } from './sources'

export interface OwnerTypeRules {
  id: OwnerType
  label: string
  explanation: string
  /** Certificate types the form accepts for this owner type; the first is the usual one. */
  certificateTypes: NonNullable<OwnerForm['certificateType']>[]
  certificateTitle: string
  /** Organisations identify themselves with a 统一社会信用代码; individuals with their ID number. */
  numberKind: 'uscc' | 'id_card'
  /** Whether there is a legal representative whose role a 授权书 can delegate. */
  hasLegalRep: boolean
  source: string
  checkedOn: string
}

const base = { source: `${SOURCE.wechatGuide}；${SOURCE.providerGuides}`, checkedOn: RULES_CHECKED_ON }

export const OWNER_TYPES: Record<OwnerType, OwnerTypeRules> = {
  individual: {
    id: 'individual',
    label: '个人',
    explanation: '以自己的身份证备案，只能做非经营性的个人内容，不能以企业名义经营',
    certificateTypes: ['id_card'],
    certificateTitle: '居民身份证',
    numberKind: 'id_card',
    hasLegalRep: false,
    ...base
  },
  enterprise: {
    id: 'enterprise',
    label: '企业',
    explanation: '公司、合伙企业、农民专业合作社等，凭营业执照备案',
    certificateTypes: ['business_license'],
    certificateTitle: '营业执照',
    numberKind: 'uscc',
    hasLegalRep: true,
    ...base
  },
  individual_business: {
    id: 'individual_business',
    label: '个体工商户',
    explanation: '有营业执照的个体户，按单位备案，经营者视同法定代表人',
    certificateTypes: ['business_license'],
    certificateTitle: '营业执照（个体工商户）',
    numberKind: 'uscc',
    hasLegalRep: true,
    ...base
  },
  government: {
    id: 'government',
    label: '政府机关',
    explanation: '党政机关，凭统一社会信用代码证书备案',
    certificateTypes: ['org_code', 'other'],
    certificateTitle: '统一社会信用代码证书',
    numberKind: 'uscc',
    hasLegalRep: true,
    ...base
  },
  institution: {
    id: 'institution',
    label: '事业单位',
    explanation: '学校、医院、研究院等事业单位，凭事业单位法人证书备案',
    certificateTypes: ['institution_cert', 'org_code', 'other'],
    certificateTitle: '事业单位法人证书',
    numberKind: 'uscc',
    hasLegalRep: true,
    ...base
  },
  social_org: {
    id: 'social_org',
    label: '社会团体',
    explanation: '协会、学会、基金会、民办非企业单位等，凭登记证书备案',
    certificateTypes: ['social_org_cert', 'other'],
    certificateTitle: '社会团体法人登记证书',
    numberKind: 'uscc',
    hasLegalRep: true,
    ...base
  }
}

export const CERTIFICATE_TYPE_LABELS: Record<NonNullable<OwnerForm['certificateType']>, string> = {
  business_license: '营业执照',
  id_card: '居民身份证',
  org_code: '统一社会信用代码证书',
  institution_cert: '事业单位法人证书',
  social_org_cert: '社会团体法人登记证书',
  other: '其他证件'
}
