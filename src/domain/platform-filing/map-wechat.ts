/**
 * Our filing → the body of WeChat `apply_icp_filing` (wechat-icp-api.md §8): icp_subject (base, personal, organise,
 * principal, legal person), icp_applets (service types, 前置审批, 备注, principal with the face task) and
 * icp_materials. Every value that cannot be mapped is a finding on our field; a payload comes back only when there
 * are none.
 */
import { isValidDate } from '../time'
import type { PlatformCodeTables } from './code-tables'
import {
  checkedComment,
  FACE_TASK_MISSING,
  MapFindings,
  mediaId,
  numericCode,
  personLabel,
  personValidity,
  required,
  requiredMobile,
  trimmed,
  type PersonSection
} from './map-findings'
import {
  mapOwnerCertificateType,
  mapPersonCertificateType,
  mapPreApprovals,
  mapRegion,
  mapServiceTypes,
  mapSubjectType
} from './map-values'
import { isOutOfProvinceIndividual, needsAuthorisationLetter } from './media-slots'
import type {
  MapResult,
  SubmissionInput,
  WechatApplyPayload,
  WechatNrlxDetail,
  WechatPrincipalInfo
} from './payload-types'

/** 'YYYY-MM-DD' → 'YYYYmmdd'; 长期 stays. */
export const wechatDate = (date: string): string => (isValidDate(date) ? date.replace(/-/g, '') : date)

function principalInfo(
  out: MapFindings,
  input: SubmissionInput,
  section: PersonSection,
  tables: PlatformCodeTables
): WechatPrincipalInfo {
  const person = input.form[section]
  const label = personLabel(section)
  const slot = section === 'ownerPrincipal' ? 'owner_principal' : 'app_principal'
  const type = mapPersonCertificateType(out, section, person, tables)
  const validity = personValidity(out, input, section)
  const info: WechatPrincipalInfo = {
    name: required(out, `${section}.name`, person.name, `${label}姓名`, '按身份证上的姓名填写'),
    mobile: requiredMobile(out, `${section}.mobile`, person.mobile, `${label}手机号码`),
    email: required(out, `${section}.email`, person.email, `${label}电子邮箱`, '填写常用邮箱，例如 name@example.com'),
    emergency_contact: requiredMobile(
      out,
      'emergencyContact.mobile',
      input.form.emergencyContact.mobile,
      '应急联系人手机号码'
    ),
    certificate_type: numericCode(type),
    certificate_number: required(out, `${section}.idNumber`, person.idNumber, `${label}证件号码`, '按证件原样填写'),
    certificate_validity_date_start: wechatDate(validity.start),
    certificate_validity_date_end: wechatDate(validity.end),
    certificate_photo_front: mediaId(out, input, `${slot}_id_front`),
    certificate_photo_back: mediaId(out, input, `${slot}_id_back`)
  }
  return info
}

function subject(out: MapFindings, input: SubmissionInput, tables: PlatformCodeTables) {
  const { form, profile } = input
  const individual = profile.ownerType === 'individual'
  const region = mapRegion(out, form, profile, tables)
  const subjectType = mapSubjectType(out, profile, tables)
  const certificateType = mapOwnerCertificateType(out, form, subjectType, tables)
  const principal = principalInfo(out, input, 'ownerPrincipal', tables)
  const ownerPrincipalNotLegalRep = !individual && !profile.ownerPrincipalIsLegalRep
  if (needsAuthorisationLetter(profile) && ownerPrincipalNotLegalRep) {
    principal.authorization_letter = mediaId(out, input, 'authorisation_letter')
  }
  const subjectPart: WechatApplyPayload['icp_subject'] = {
    base_info: {
      type: numericCode(subjectType),
      name: required(out, 'owner.name', form.owner.name, '主办单位名称', '按证件上的名称原样填写'),
      province: region.province?.code ?? '',
      city: region.city?.code ?? '',
      district: region.district?.code ?? '',
      address: required(out, 'owner.address', form.owner.address, '通讯地址', '从所选区县之后写起，精确到门牌号')
    },
    organize_info: {
      certificate_type: numericCode(certificateType),
      certificate_number: required(
        out,
        'owner.certificateNumber',
        form.owner.certificateNumber,
        '主办单位证件号码',
        '按证件原样填写'
      ),
      certificate_address: required(
        out,
        'owner.certificateAddress',
        form.owner.certificateAddress,
        '证件住所',
        '按证件上的住所（个人为身份证上的住址）原样填写'
      )
    },
    principal_info: principal
  }
  if (!individual) subjectPart.organize_info.certificate_photo = mediaId(out, input, 'owner_certificate')
  if (isOutOfProvinceIndividual(form, profile)) {
    subjectPart.personal_info = { residence_permit: mediaId(out, input, 'residence_permit') }
  }
  if (ownerPrincipalNotLegalRep) {
    const lp = input.extras?.legalPerson
    const fix = '按营业执照上的法定代表人填写'
    subjectPart.legal_person_info = {
      name: required(out, 'extras.legalPerson.name', lp?.name, '法定代表人姓名', fix),
      certificate_number: required(out, 'extras.legalPerson.idNumber', lp?.idNumber, '法定代表人证件号码', fix)
    }
  }
  return subjectPart
}

function applets(out: MapFindings, input: SubmissionInput, tables: PlatformCodeTables) {
  const { form, profile } = input
  const serviceTypes = mapServiceTypes(out, form, tables)
  const pre = mapPreApprovals(out, form, tables)
  const nrlx: WechatNrlxDetail[] = pre.approvals.map((a) => ({
    type: numericCode(a.item),
    code: a.approvalNumber,
    media: mediaId(out, input, `pre_approval_${a.index}`)
  }))
  if (form.miniProgram.preApproval === 'none') {
    if (!pre.none) {
      out.add(
        'miniProgram.preApproval',
        'NOT_IN_PLATFORM_TABLE',
        '平台的前置审批类型中没有“以上都不涉及”',
        '从平台列出的前置审批类型中选择',
        tables.preApprovalItems
      )
    }
    nrlx.push({ type: numericCode(pre.none) })
  }
  const comment = checkedComment(out, form.miniProgram.description, '微信')
  const principal = principalInfo(out, input, 'appPrincipal', tables)
  if (needsAuthorisationLetter(profile) && !profile.appPrincipalIsLegalRep) {
    principal.authorization_letter = mediaId(out, input, 'authorisation_letter')
  }
  const task = trimmed(input.faceTaskId)
  if (!task) out.add('faceTask', FACE_TASK_MISSING, '小程序负责人还没有完成人脸核身', '发起人脸核身并等待完成')
  principal.verify_task_id = task
  return {
    base_info: { service_content_types: serviceTypes.map((s) => numericCode(s)), nrlx_details: nrlx, comment },
    principal_info: principal
  }
}

export function mapWechatApplication(
  input: SubmissionInput,
  tables: PlatformCodeTables
): MapResult<WechatApplyPayload> {
  const out = new MapFindings()
  const icp_subject = subject(out, input, tables)
  const icp_applets = applets(out, input, tables)
  const icp_materials: WechatApplyPayload['icp_materials'] = {}
  const commitment = trimmed(input.media.commitment_letter)
  if (commitment) icp_materials.commitment_letter = [commitment]
  if (out.list.length) return { ok: false, findings: out.list }
  return { ok: true, payload: { icp_subject, icp_applets, icp_materials } }
}
