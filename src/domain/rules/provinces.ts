/**
 * Rules of the 31 provincial communications administrations (通信管理局, "管局") as published by the cloud providers.
 * A province with no published special rule says so explicitly (`noSpecialRule`), so the product never pretends to
 * know more than it does. Cross-province filing by organisations is refused everywhere (see ALL_PROVINCES_RULES).
 */
import type { ProvinceCode } from '../types'
import type { DayRange } from './platforms'
import { ADMIN_REVIEW_LEGAL_MAX_DAYS } from './platforms'
import { REGIONS, type Region } from './regions'
import { RULES_CHECKED_ON } from './sources'

/** 'required' = must be the legal representative; 'authorization' = someone else with a 授权书; 'unspecified' = no published rule. */
export type LegalRepRule = 'required' | 'authorization' | 'unspecified'

export interface ExtraCommitment {
  id: string
  title: string
  /** 'always' for every first filing, 'finance' when the mini-program touches finance. */
  when: 'always' | 'finance'
}

/** One published (or, with `published: false`, unconfirmed) rule of a province, with where it comes from. */
export interface ProvinceRuleEntry {
  text: string
  source: string
  checkedOn: string
  /** false: no administration or provider states it; the text says 未公布 and what we suggest instead. */
  published: boolean
}

export interface ProvinceRules extends Region {
  /** The administration that reviews filings of owners with certificates from this province. */
  bureau: string
  ownerPrincipal: LegalRepRule
  /** 沪: why a 授权书 does not help when the owner principal must be the legal representative. */
  ownerPrincipalNote?: string
  appPrincipal: LegalRepRule
  /** 皖: the owner principal and the mini-program principal must be the same person. */
  samePrincipalRequired: boolean
  /** 甘: a non-legal-representative principal is also stated in the 备注. */
  remarkWhenNotLegalRep: boolean
  /** How individuals whose ID card is from another province are treated. */
  outOfProvinceIndividual: 'residence_permit' | 'not_accepted' | 'unspecified'
  residencePermitNote?: string
  /** 新: 党建证明 with every first filing. */
  partyBuildingProof: boolean
  /** 湘: principals' phone numbers must be local. */
  localMobileRequired: boolean
  /** 黑: months of phone bills asked for. */
  phoneBillMonths?: number
  /** 冀 豫 黔: the address and the certificate must be in the same city. */
  crossCityForbidden: boolean
  /** How a 个体工商户 without a trade name is entered. */
  individualBusinessNaming?: string
  /** 浙: a 个体工商户 without a trade name is named “经营者姓名” + this suffix. */
  individualBusinessNameSuffix?: string
  extraCommitments: ExtraCommitment[]
  /** 管局审核 in working days; estimated unless the provider guides give a figure. */
  adminReviewDays: DayRange
  /** The province's rules in plain Chinese, each with its own source and date. Empty when `noSpecialRule`. */
  rules: ProvinceRuleEntry[]
  noSpecialRule: boolean
  /** Where this province's rules were read (the providers' page for this province). */
  source: string
  checkedOn: string
}

/** A rule as written in OVERRIDES: a published text, or an unconfirmed one wrapped by `unpublished`. */
type RuleText = string | { unpublished: string; source: string }

type Overrides = Partial<
  Omit<ProvinceRules, keyof Region | 'bureau' | 'source' | 'checkedOn' | 'noSpecialRule' | 'rules'>
> & { rules?: RuleText[] }

/** A rule no administration has published: worded 「…未公布，建议…」, citing where the figure comes from. */
const unpublished = (text: string, source: string): RuleText => ({ unpublished: text, source })

const REVIEW_TIME_SOURCE = '服务商和用户反馈的审核时长（管局未公布）'
const FAST_REVIEW_RULE = unpublished(
  '管局审核时长未公布，服务商反馈通常3–4个工作日，建议按法定最长20个工作日安排',
  REVIEW_TIME_SOURCE
)

/** Where a province's rules were read: the cloud providers' page for that province. */
function provinceSource(r: Region): string {
  const page = PROVINCE_PAGES[r.code]
  return `阿里云、腾讯云等云服务商公开的《${r.shortName}备案规则》（2024–2025）${page ? `：${page}` : ''}`
}

/** Provider pages we have read ourselves; the others are cited by title. */
const PROVINCE_PAGES: Record<ProvinceCode, string> = {
  '15': 'https://help.aliyun.com/zh/icp-filing/basic-icp-service/user-guide/icp-filing-regulations-for-nei-mongol'
}

const DEFAULT_ADMIN_REVIEW: DayRange = { min: 1, typical: 10, max: ADMIN_REVIEW_LEGAL_MAX_DAYS, estimated: true }
const FAST_ADMIN_REVIEW: DayRange = { min: 1, typical: 4, max: ADMIN_REVIEW_LEGAL_MAX_DAYS, estimated: true }

const LEGAL_REP_OWNER = '主体负责人必须是法定代表人'

const OVERRIDES: Record<ProvinceCode, Overrides> = {
  '12': {
    ownerPrincipal: 'authorization',
    appPrincipal: 'authorization',
    rules: ['负责人不是法定代表人时，需提供法定代表人签字并加盖公章的授权书']
  },
  '13': {
    ownerPrincipal: 'required',
    crossCityForbidden: true,
    rules: [LEGAL_REP_OWNER, '不允许跨市备案：通讯地址须与证件所在市一致']
  },
  '14': {
    ownerPrincipal: 'required',
    outOfProvinceIndividual: 'not_accepted',
    rules: [LEGAL_REP_OWNER, '不接受外省户籍个人备案']
  },
  '15': {
    ownerPrincipal: 'required',
    outOfProvinceIndividual: 'not_accepted',
    rules: [LEGAL_REP_OWNER, '不接受外省户籍个人备案']
  },
  '23': {
    ownerPrincipal: 'required',
    appPrincipal: 'authorization',
    outOfProvinceIndividual: 'not_accepted',
    phoneBillMonths: 3,
    rules: [
      LEGAL_REP_OWNER,
      '小程序负责人不是法定代表人时需提供授权书',
      '不接受外省户籍个人备案',
      '需提供负责人手机号码近3个月的话费账单'
    ]
  },
  '31': {
    ownerPrincipal: 'required',
    ownerPrincipalNote: '非法定代表人即使有授权书也不能担任',
    outOfProvinceIndividual: 'residence_permit',
    residencePermitNote: '本市居住证，剩余有效期一个月以上',
    extraCommitments: [{ id: 'shanghai_commitment', title: '上海市互联网信息服务备案承诺书', when: 'always' }],
    adminReviewDays: FAST_ADMIN_REVIEW,
    rules: [
      '主体负责人必须是法定代表人，非法定代表人即使有授权书也不能担任主体负责人',
      '外省户籍个人需提供上海市居住证（有效期一个月以上）',
      '需提供上海管局要求的承诺书',
      FAST_REVIEW_RULE
    ]
  },
  '33': {
    ownerPrincipal: 'required',
    outOfProvinceIndividual: 'residence_permit',
    individualBusinessNaming: '无字号的个体工商户，主办单位名称填写“经营者姓名（个体工商户）”',
    individualBusinessNameSuffix: '（个体工商户）',
    rules: [LEGAL_REP_OWNER, '外省户籍个人需提供浙江省居住证', '无字号的个体工商户，名称填写“经营者姓名（个体工商户）”']
  },
  '34': {
    ownerPrincipal: 'authorization',
    appPrincipal: 'authorization',
    samePrincipalRequired: true,
    individualBusinessNaming: '无字号、无公章的个体工商户，在备注中注明“无字号无公章个体工商户”',
    rules: [
      '负责人不是法定代表人时需提供授权书',
      '主体负责人与小程序负责人须为同一人',
      '无字号无公章的个体工商户需在备注中注明“无字号无公章个体工商户”'
    ]
  },
  '36': { outOfProvinceIndividual: 'residence_permit', rules: ['外省户籍个人需提供江西省居住证'] },
  '37': { outOfProvinceIndividual: 'residence_permit', rules: ['外省户籍个人需提供山东省居住证'] },
  '41': {
    ownerPrincipal: 'required',
    crossCityForbidden: true,
    rules: [LEGAL_REP_OWNER, '不允许跨市备案：通讯地址须与证件所在市一致']
  },
  '42': {
    ownerPrincipal: 'authorization',
    appPrincipal: 'authorization',
    rules: ['负责人不是法定代表人时需提供授权书']
  },
  '43': {
    ownerPrincipal: 'required',
    localMobileRequired: true,
    rules: [LEGAL_REP_OWNER, '负责人需使用湖南本地手机号码']
  },
  '44': {
    extraCommitments: [
      { id: 'guangdong_finance_commitment', title: '广东省金融类互联网信息服务承诺书', when: 'finance' }
    ],
    rules: ['涉及金融类内容的，需提供广东管局要求的金融承诺书']
  },
  '45': {
    ownerPrincipal: 'required',
    outOfProvinceIndividual: 'not_accepted',
    rules: [LEGAL_REP_OWNER, '不接受外省户籍个人备案']
  },
  '46': {
    ownerPrincipal: 'authorization',
    appPrincipal: 'authorization',
    rules: ['负责人不是法定代表人时需提供授权书']
  },
  '51': {
    ownerPrincipal: 'authorization',
    appPrincipal: 'authorization',
    rules: ['负责人不是法定代表人时需提供授权书']
  },
  '52': {
    ownerPrincipal: 'required',
    appPrincipal: 'authorization',
    crossCityForbidden: true,
    rules: [LEGAL_REP_OWNER, '小程序负责人不是法定代表人时需提供授权书', '不允许跨市备案：通讯地址须与证件所在市一致']
  },
  '62': {
    ownerPrincipal: 'authorization',
    appPrincipal: 'authorization',
    remarkWhenNotLegalRep: true,
    rules: ['负责人不是法定代表人时需提供授权书，并在备注中说明']
  },
  '63': {
    ownerPrincipal: 'required',
    outOfProvinceIndividual: 'not_accepted',
    rules: [LEGAL_REP_OWNER, '不接受外省户籍个人备案']
  },
  '64': {
    ownerPrincipal: 'required',
    outOfProvinceIndividual: 'not_accepted',
    adminReviewDays: FAST_ADMIN_REVIEW,
    rules: [LEGAL_REP_OWNER, '不接受外省户籍个人备案', FAST_REVIEW_RULE]
  },
  '65': {
    ownerPrincipal: 'required',
    outOfProvinceIndividual: 'not_accepted',
    partyBuildingProof: true,
    rules: [LEGAL_REP_OWNER, '不接受外省户籍个人备案', '首次备案需提供党建证明']
  }
}

function bureauName(r: Region): string {
  // 新疆 is reviewed by 新疆维吾尔自治区通信管理局 etc.: the full name + 通信管理局
  return `${r.name}通信管理局`
}

export const PROVINCES: Record<ProvinceCode, ProvinceRules> = Object.fromEntries(
  REGIONS.map((r) => {
    const o = OVERRIDES[r.code] ?? {}
    const source = provinceSource(r)
    const rules = (o.rules ?? []).map((t): ProvinceRuleEntry =>
      typeof t === 'string'
        ? { text: t, source, checkedOn: RULES_CHECKED_ON, published: true }
        : { text: t.unpublished, source: t.source, checkedOn: RULES_CHECKED_ON, published: false }
    )
    const province: ProvinceRules = {
      ...r,
      bureau: bureauName(r),
      ownerPrincipal: o.ownerPrincipal ?? 'unspecified',
      ownerPrincipalNote: o.ownerPrincipalNote,
      appPrincipal: o.appPrincipal ?? 'unspecified',
      samePrincipalRequired: o.samePrincipalRequired ?? false,
      remarkWhenNotLegalRep: o.remarkWhenNotLegalRep ?? false,
      outOfProvinceIndividual: o.outOfProvinceIndividual ?? 'unspecified',
      residencePermitNote: o.residencePermitNote,
      partyBuildingProof: o.partyBuildingProof ?? false,
      localMobileRequired: o.localMobileRequired ?? false,
      phoneBillMonths: o.phoneBillMonths,
      crossCityForbidden: o.crossCityForbidden ?? false,
      individualBusinessNaming: o.individualBusinessNaming,
      individualBusinessNameSuffix: o.individualBusinessNameSuffix,
      extraCommitments: o.extraCommitments ?? [],
      adminReviewDays: o.adminReviewDays ?? DEFAULT_ADMIN_REVIEW,
      rules,
      noSpecialRule: rules.length === 0,
      source,
      checkedOn: RULES_CHECKED_ON
    }
    return [r.code, province]
  })
)

/** Rules that hold in every province. */
export const ALL_PROVINCES_RULES = [
  '非个人主体不能跨省备案：须在营业执照等证件所在省份备案',
  '不同的人不能使用同一个手机号码，负责人手机号不能已被其他主体使用',
  '管局审核法定最长20个工作日，无法催促'
]

/** '上海管局' for reasons shown to the user. */
export function bureauShortName(code: ProvinceCode): string {
  const p = PROVINCES[code]
  return p ? `${p.shortName}管局` : '管局'
}
