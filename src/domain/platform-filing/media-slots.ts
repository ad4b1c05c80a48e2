/**
 * Which photos a platform needs for this filing, each with the platform's media type, the field of the platform's
 * body it goes into, and the format/size rule the phone checks first (the photo check's own rules).
 */
import { OWNER_TYPES } from '../rules/owner-types'
import { photoRulesFor, type PhotoFormat } from '../photo/rules'
import { detectPreApprovalInTexts } from '../pre-approval'
import type { FilingForm, FilingProfile } from '../types'
import { normalizeIdNumber } from '../validators/id-card'
import { findByName, type PlatformCodeTables, type SubmissionPlatform } from './code-tables'
import { certificateTypeCandidates, personCertificateCandidates, subjectTypeCandidates } from './names'

export type MediaSlot =
  | 'owner_certificate'
  | 'owner_principal_id_front'
  | 'owner_principal_id_back'
  | 'app_principal_id_front'
  | 'app_principal_id_back'
  | 'authorisation_letter'
  | 'residence_permit'
  | 'commitment_letter'
  | `pre_approval_${number}`

export interface MediaSlotSpec {
  slot: MediaSlot
  /** Chinese, for the page: 主办单位证件照片 … */
  label: string
  required: boolean
  /**
   * What the upload carries to say where the file belongs. WeChat: `icp_order_field`, the apply field (= orderField;
   * its `type` image/video follows the file); Douyin: `image_type` ('1' 主体证件, '2' 负责人证件, '3' 其他附件).
   */
  platformType: string
  /** The platform body field the media id goes into (WeChat: the `icp_order_field` of the upload). */
  orderField: string
  /** WeChat: the certificate type code the upload must carry for certificate photos (from the code tables). */
  certificateType?: string
  /** The format and size rule the photo check applies before the upload. */
  rule: { formats: readonly PhotoFormat[]; maxBytes: number; minShortSide: number; minLongSide: number }
}

const WECHAT_FIELD: Record<string, string> = {
  owner_certificate: 'icp_subject.organize_info.certificate_photo',
  owner_principal_id_front: 'icp_subject.principal_info.certificate_photo_front',
  owner_principal_id_back: 'icp_subject.principal_info.certificate_photo_back',
  app_principal_id_front: 'icp_applets.principal_info.certificate_photo_front',
  app_principal_id_back: 'icp_applets.principal_info.certificate_photo_back',
  authorisation_letter: 'icp_subject.principal_info.authorization_letter',
  residence_permit: 'icp_subject.personal_info.residence_permit',
  commitment_letter: 'icp_materials.commitment_letter'
}

const DOUYIN_FIELD: Record<string, string> = {
  owner_certificate: 'corp_info.credentials_pic',
  owner_principal_id_front: 'corp_info.incharge_people_credentials_front',
  owner_principal_id_back: 'corp_info.incharge_people_credentials_back',
  authorisation_letter: 'corp_info.corp_authority_letter',
  residence_permit: 'corp_info.corp_other_materials',
  commitment_letter: 'corp_info.corp_commitment'
}

const DOUYIN_IMAGE_TYPE: Record<string, string> = {
  owner_certificate: '1',
  owner_principal_id_front: '2',
  owner_principal_id_back: '2'
}

const LABEL: Record<string, string> = {
  owner_certificate: '主办单位证件照片',
  owner_principal_id_front: '主体负责人身份证人像面',
  owner_principal_id_back: '主体负责人身份证国徽面',
  app_principal_id_front: '小程序负责人身份证人像面',
  app_principal_id_back: '小程序负责人身份证国徽面',
  authorisation_letter: '授权书',
  residence_permit: '居住证',
  commitment_letter: '不涉及前置审批承诺书'
}

export function isPreApprovalSlot(slot: string): slot is `pre_approval_${number}` {
  return /^pre_approval_\d+$/.test(slot)
}

export function mediaSlotLabel(slot: MediaSlot): string {
  if (isPreApprovalSlot(slot)) return `前置审批文件 ${+slot.slice('pre_approval_'.length) + 1}`
  return LABEL[slot] ?? slot
}

/** The platform body field a slot's media goes into. */
export function mediaOrderField(platform: SubmissionPlatform, slot: MediaSlot): string | undefined {
  if (isPreApprovalSlot(slot)) {
    const i = slot.slice('pre_approval_'.length)
    return platform === 'wechat'
      ? `icp_applets.base_info.nrlx_details.${i}.media`
      : `app_info.pre_approval_list.${i}.pre_approval_files`
  }
  return (platform === 'wechat' ? WECHAT_FIELD : DOUYIN_FIELD)[slot]
}

/** An individual whose ID card was issued in another province than the one filed in. */
export function isOutOfProvinceIndividual(form: FilingForm, profile: FilingProfile): boolean {
  if (profile.ownerType !== 'individual') return false
  const id = normalizeIdNumber(form.owner.certificateNumber)
  const idProvince = profile.residenceProvince ?? (/^\d{2}/.test(id) ? id.slice(0, 2) : undefined)
  return !!idProvince && idProvince !== profile.province
}

/** A principal is not the legal representative of an owner that has one: a 授权书 goes with the filing. */
export function needsAuthorisationLetter(profile: FilingProfile): boolean {
  return (
    OWNER_TYPES[profile.ownerType].hasLegalRep && (!profile.ownerPrincipalIsLegalRep || !profile.appPrincipalIsLegalRep)
  )
}

function certificateCode(
  slot: MediaSlot,
  form: FilingForm,
  profile: FilingProfile,
  tables: PlatformCodeTables | undefined
): string | undefined {
  if (!tables) return undefined
  if (slot === 'owner_certificate') {
    const subject = findByName(tables.subjectTypes, subjectTypeCandidates(profile.ownerType))
    const pool = subject ? tables.certificateTypes.filter((c) => c.parentCode === subject.code) : []
    return findByName(pool, certificateTypeCandidates(form.owner.certificateType))?.code
  }
  const person = slot.startsWith('owner_principal') ? form.ownerPrincipal : form.appPrincipal
  const pool = tables.principalCertificateTypes ?? tables.certificateTypes
  return findByName(pool, personCertificateCandidates(person.idType))?.code
}

/** The slots in the order the platform's form asks for them. */
function slotsNeeded(form: FilingForm, profile: FilingProfile, platform: SubmissionPlatform): [MediaSlot, boolean][] {
  const individual = profile.ownerType === 'individual'
  const slots: [MediaSlot, boolean][] = []
  // WeChat asks individuals for no subject certificate photo: the principal's ID card is it
  if (!individual || platform === 'douyin') slots.push(['owner_certificate', true])
  slots.push(['owner_principal_id_front', true], ['owner_principal_id_back', true])
  // Douyin captures the mini-program principal's identity during its 人证核验
  if (platform === 'wechat') slots.push(['app_principal_id_front', true], ['app_principal_id_back', true])
  if (needsAuthorisationLetter(profile)) slots.push(['authorisation_letter', true])
  if (isOutOfProvinceIndividual(form, profile)) slots.push(['residence_permit', true])
  const mp = form.miniProgram
  if (mp.preApproval === 'has') (mp.preApprovals ?? []).forEach((_, i) => slots.push([`pre_approval_${i}`, true]))
  if (mp.preApproval === 'none') {
    const hits = detectPreApprovalInTexts({
      ownerName: form.owner.name,
      businessScope: form.owner.businessScope,
      appName: mp.name,
      appDescription: mp.description
    })
    if (hits.length) slots.push(['commitment_letter', false])
  }
  return slots
}

export function mediaSlotsFor(
  form: FilingForm,
  profile: FilingProfile,
  platform: SubmissionPlatform,
  tables?: PlatformCodeTables
): MediaSlotSpec[] {
  const rules = photoRulesFor(platform === 'wechat' ? 'weapp' : 'tt')
  const rule = {
    formats: rules.formats,
    maxBytes: rules.maxBytes,
    minShortSide: rules.minShortSide,
    minLongSide: rules.minLongSide
  }
  return slotsNeeded(form, profile, platform).map(([slot, required]) => {
    const orderField = mediaOrderField(platform, slot) ?? ''
    const spec: MediaSlotSpec = {
      slot,
      label: mediaSlotLabel(slot),
      required,
      platformType: platform === 'wechat' ? orderField : (DOUYIN_IMAGE_TYPE[slot] ?? '3'),
      orderField,
      rule
    }
    if (platform === 'wechat' && (slot === 'owner_certificate' || /_id_(front|back)$/.test(slot))) {
      const code = certificateCode(slot, form, profile, tables)
      if (code) spec.certificateType = code
    }
    return spec
  })
}
