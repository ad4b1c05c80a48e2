/**
 * The platforms' body fields → our fields: every field the mappers fill, read backwards, so a refusal on
 * `icp_subject.principal_info.mobile` lands on 主体负责人 · 手机号码. `#` stands for an array index and is carried
 * over. Our paths are the self-check's (`owner.address`), `media.<slot>` for photos, `faceTask` for the face check,
 * and `extras.*` for the facts the submit page asks for (SubmissionExtras).
 */
import type { SubmissionPlatform } from './code-tables'

const person = (platformPrefix: string, ours: 'ownerPrincipal' | 'appPrincipal'): [string, string][] => [
  [`${platformPrefix}.name`, `${ours}.name`],
  [`${platformPrefix}.mobile`, `${ours}.mobile`],
  [`${platformPrefix}.email`, `${ours}.email`],
  [`${platformPrefix}.emergency_contact`, 'emergencyContact.mobile'],
  [`${platformPrefix}.certificate_type`, `${ours}.idType`],
  [`${platformPrefix}.certificate_number`, `${ours}.idNumber`],
  [`${platformPrefix}.certificate_validity_date_start`, `extras.${ours}IdValidFrom`],
  [`${platformPrefix}.certificate_validity_date_end`, `${ours}.idValidUntil`],
  [
    `${platformPrefix}.certificate_photo_front`,
    `media.${ours === 'ownerPrincipal' ? 'owner_principal' : 'app_principal'}_id_front`
  ],
  [
    `${platformPrefix}.certificate_photo_back`,
    `media.${ours === 'ownerPrincipal' ? 'owner_principal' : 'app_principal'}_id_back`
  ],
  [`${platformPrefix}.authorization_letter`, 'media.authorisation_letter']
]

export const WECHAT_FIELD_MAP: [string, string][] = [
  ['icp_subject.base_info.type', 'owner.certificateType'],
  ['icp_subject.base_info.name', 'owner.name'],
  ['icp_subject.base_info.province', 'owner.region.province'],
  ['icp_subject.base_info.city', 'owner.region.city'],
  ['icp_subject.base_info.district', 'owner.region.district'],
  ['icp_subject.base_info.address', 'owner.address'],
  ['icp_subject.personal_info.residence_permit', 'media.residence_permit'],
  ['icp_subject.organize_info.certificate_type', 'owner.certificateType'],
  ['icp_subject.organize_info.certificate_number', 'owner.certificateNumber'],
  ['icp_subject.organize_info.certificate_address', 'owner.certificateAddress'],
  ['icp_subject.organize_info.certificate_photo', 'media.owner_certificate'],
  ...person('icp_subject.principal_info', 'ownerPrincipal'),
  ['icp_subject.legal_person_info.name', 'extras.legalPerson.name'],
  ['icp_subject.legal_person_info.certificate_number', 'extras.legalPerson.idNumber'],
  ['icp_applets.base_info.name', 'miniProgram.name'],
  ['icp_applets.base_info.service_content_types', 'miniProgram.serviceTypes'],
  ['icp_applets.base_info.nrlx_details.#.type', 'miniProgram.preApprovals.#'],
  ['icp_applets.base_info.nrlx_details.#.code', 'miniProgram.preApprovals.#.approvalNumber'],
  ['icp_applets.base_info.nrlx_details.#.media', 'media.pre_approval_#'],
  ['icp_applets.base_info.nrlx_details', 'miniProgram.preApproval'],
  ['icp_applets.base_info.comment', 'miniProgram.description'],
  ...person('icp_applets.principal_info', 'appPrincipal'),
  ['icp_applets.principal_info.verify_task_id', 'faceTask'],
  ['icp_materials.commitment_letter', 'media.commitment_letter']
]

export const DOUYIN_FIELD_MAP: [string, string][] = [
  ['corp_info.corp_type', 'owner.certificateType'],
  ['corp_info.credentials_type', 'owner.certificateType'],
  ['corp_info.credentials_name', 'owner.name'],
  ['corp_info.credentials_number', 'owner.certificateNumber'],
  ['corp_info.credentials_pic', 'media.owner_certificate'],
  ['corp_info.credentials_address', 'owner.certificateAddress'],
  ['corp_info.province_code', 'owner.region.province'],
  ['corp_info.province_name', 'owner.region.province'],
  ['corp_info.city_code', 'owner.region.city'],
  ['corp_info.city_name', 'owner.region.city'],
  ['corp_info.region_code', 'owner.region.district'],
  ['corp_info.region_name', 'owner.region.district'],
  ['corp_info.communication_address', 'owner.address'],
  ['corp_info.incharge_people_name', 'ownerPrincipal.name'],
  ['corp_info.incharge_people_credentials_type', 'ownerPrincipal.idType'],
  ['corp_info.incharge_people_credentials_number', 'ownerPrincipal.idNumber'],
  ['corp_info.incharge_people_credentials_front', 'media.owner_principal_id_front'],
  ['corp_info.incharge_people_credentials_back', 'media.owner_principal_id_back'],
  ['corp_info.incharge_people_credentials_has_end_time', 'ownerPrincipal.idValidUntil'],
  ['corp_info.incharge_people_credentials_valid_start_time', 'extras.ownerPrincipalIdValidFrom'],
  ['corp_info.incharge_people_credentials_valid_end_time', 'ownerPrincipal.idValidUntil'],
  ['corp_info.incharge_people_email', 'ownerPrincipal.email'],
  ['corp_info.incharge_people_phone', 'ownerPrincipal.mobile'],
  ['corp_info.incharge_people_emergency_phone', 'emergencyContact.mobile'],
  ['corp_info.corp_authority_letter', 'media.authorisation_letter'],
  ['corp_info.corp_commitment', 'media.commitment_letter'],
  ['corp_info.corp_other_materials', 'media.residence_permit'],
  ['app_info.service_content_type_list', 'miniProgram.serviceTypes'],
  ['app_info.involve_pre_approval', 'miniProgram.preApproval'],
  ['app_info.pre_approval_list.#.pre_approval_item_id', 'miniProgram.preApprovals.#'],
  ['app_info.pre_approval_list.#.pre_approval_number', 'miniProgram.preApprovals.#.approvalNumber'],
  ['app_info.pre_approval_list.#.pre_approval_files', 'media.pre_approval_#'],
  ['app_info.pre_approval_list', 'miniProgram.preApproval'],
  ['app_info.facial_recognition_token', 'faceTask'],
  ['app_info.incharge_people_email', 'appPrincipal.email'],
  ['app_info.incharge_people_phone', 'appPrincipal.mobile'],
  ['app_info.incharge_people_emergency_phone', 'emergencyContact.mobile'],
  ['app_info.app_authority_letter', 'media.authorisation_letter'],
  ['app_info.remark', 'miniProgram.description']
]

const FIELD_MAPS: Record<SubmissionPlatform, [string, string][]> = {
  wechat: WECHAT_FIELD_MAP,
  douyin: DOUYIN_FIELD_MAP
}

/**
 * Our field for a platform field path ('icp_subject.base_info.name', 'nrlx_details[1].code' and
 * 'nrlx_details.1.code' alike); the longest mapped prefix wins, so a sub-field of a known field still lands on it.
 */
export function ourFieldFor(platform: SubmissionPlatform, errField: string): string | undefined {
  const path = errField
    .trim()
    .replace(/\[(\d+)\]/g, '.$1')
    .replace(/^\.+|\.+$/g, '')
  const parts = path.split('.')
  let best: { ours: string; length: number } | undefined
  for (const [theirs, ours] of FIELD_MAPS[platform]) {
    const pattern = theirs.split('.')
    if (pattern.length > parts.length) continue
    let index: string | undefined
    const fits = pattern.every((p, i) => {
      if (p !== '#') return p === parts[i]
      if (!/^\d+$/.test(parts[i])) return false
      index = parts[i]
      return true
    })
    if (fits && (!best || pattern.length > best.length)) {
      best = { ours: index === undefined ? ours : ours.replace('#', index), length: pattern.length }
    }
  }
  return best?.ours
}
