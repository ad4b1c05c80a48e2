/**
 * Our enums → the names the platforms' code tables use for them, most specific first. Codes are never written
 * down here: the tables are looked up by these names (code-tables.ts findByName).
 */
import { INDUSTRIES } from '../rules/industries'
import type { IndustryId, OwnerForm, OwnerType, PersonForm } from '../types'

const SUBJECT_TYPE_NAMES: Record<OwnerType, string[]> = {
  individual: ['个人'],
  enterprise: ['企业'],
  // MIIT files a 个体工商户 as an enterprise where the table has no row of its own
  individual_business: ['个体工商户', '企业'],
  government: ['政府机关'],
  institution: ['事业单位'],
  social_org: ['社会团体', '民办非企业单位', '基金会']
}

const CERTIFICATE_NAMES: Record<NonNullable<OwnerForm['certificateType']>, string[]> = {
  business_license: ['营业执照'],
  id_card: ['居民身份证', '身份证'],
  org_code: ['统一社会信用代码证书', '组织机构代码证'],
  institution_cert: ['事业单位法人证书'],
  social_org_cert: ['社会团体法人登记证书', '民办非企业单位登记证书', '基金会法人登记证书'],
  other: []
}

const PERSON_CERTIFICATE_NAMES: Record<NonNullable<PersonForm['idType']>, string[]> = {
  id_card: ['居民身份证', '身份证'],
  passport: ['护照'],
  hk_macao_pass: ['港澳居民来往内地通行证'],
  taiwan_pass: ['台湾居民来往大陆通行证'],
  other: []
}

/** 前置审批 item names: the form's industry label first, then the names the platforms' lists are known to use. */
const PRE_APPROVAL_NAMES: Partial<Record<IndustryId, string[]>> = {
  tutoring: ['校外培训'],
  bulletin: ['电子公告服务', '电子公告']
}

/** The 前置审批 row that declares no pre-approval is needed. */
export const NO_PRE_APPROVAL_NAMES = ['以上都不涉及', '不涉及']

export const subjectTypeCandidates = (ownerType: OwnerType): string[] => SUBJECT_TYPE_NAMES[ownerType]

export const certificateTypeCandidates = (type: OwnerForm['certificateType'] | undefined): string[] =>
  type ? CERTIFICATE_NAMES[type] : []

export const personCertificateCandidates = (type: PersonForm['idType'] | undefined): string[] =>
  PERSON_CERTIFICATE_NAMES[type ?? 'id_card']

export function preApprovalCandidates(industry: IndustryId): string[] {
  return [...(PRE_APPROVAL_NAMES[industry] ?? []), INDUSTRIES[industry]?.label ?? industry]
}
