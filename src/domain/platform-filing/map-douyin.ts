/**
 * Our filing → the body of Douyin `submit_record_info` / `alter_record_info` (douyin-icp-api.md §7): corp_info (the
 * owner and its principal, region codes with their names, certificate photos as `{path}`) and app_info (service
 * types, 前置审批, the 人证核验 token, the mini-program principal's contacts, 备注). Douyin takes the mini-program
 * principal's identity during the 人证核验, so app_info carries no certificate of theirs.
 */
import { isValidDate, parseInstant, shanghaiInstant } from '../time'
import type { PlatformCodeTables } from './code-tables'
import {
  checkedComment,
  FACE_TASK_MISSING,
  MapFindings,
  mediaId,
  numericCode,
  personValidity,
  required,
  requiredMobile,
  trimmed
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
import type { DouyinAppInfo, DouyinCorpInfo, DouyinRecordPayload, MapResult, SubmissionInput } from './payload-types'

/**
 * `app_language`: the doc's example is [1] and the enum is UNCONFIRMED (douyin-icp-api.md §7); our mini-programs are
 * in Chinese, which we take 1 to be. One constant, so it is corrected in one place.
 */
export const DOUYIN_APP_LANGUAGE_CHINESE = 1

/** 'YYYY-MM-DD' → unix seconds at 00:00 Asia/Shanghai. */
export function douyinDayStart(date: string): number {
  return Math.floor(parseInstant(shanghaiInstant(date)) / 1000)
}

const path = (p: string) => ({ path: p })

type CorpPrincipal = Pick<DouyinCorpInfo, Extract<keyof DouyinCorpInfo, `incharge_people_${string}`>>

/** The owner's principal (主体负责人): identity, certificate photos and validity, contacts. */
function corpPrincipal(out: MapFindings, input: SubmissionInput, tables: PlatformCodeTables): CorpPrincipal {
  const principal = input.form.ownerPrincipal
  const type = mapPersonCertificateType(out, 'ownerPrincipal', principal, tables)
  const validity = personValidity(out, input, 'ownerPrincipal')
  const permanent = validity.end === '长期'
  const fields: CorpPrincipal = {
    incharge_people_name: required(
      out,
      'ownerPrincipal.name',
      principal.name,
      '主体负责人姓名',
      '按身份证上的姓名填写'
    ),
    incharge_people_credentials_type: numericCode(type),
    incharge_people_credentials_number: required(
      out,
      'ownerPrincipal.idNumber',
      principal.idNumber,
      '主体负责人证件号码',
      '按证件原样填写'
    ),
    incharge_people_credentials_front: path(mediaId(out, input, 'owner_principal_id_front')),
    incharge_people_credentials_back: path(mediaId(out, input, 'owner_principal_id_back')),
    incharge_people_credentials_has_end_time: !permanent,
    incharge_people_credentials_valid_start_time: validity.start ? douyinDayStart(validity.start) : 0,
    incharge_people_email: required(out, 'ownerPrincipal.email', principal.email, '主体负责人电子邮箱', '填写常用邮箱'),
    incharge_people_phone: requiredMobile(out, 'ownerPrincipal.mobile', principal.mobile, '主体负责人手机号码'),
    incharge_people_emergency_phone: requiredMobile(
      out,
      'emergencyContact.mobile',
      input.form.emergencyContact.mobile,
      '应急联系人手机号码'
    )
  }
  if (!permanent && isValidDate(validity.end)) {
    fields.incharge_people_credentials_valid_end_time = douyinDayStart(validity.end)
  }
  return fields
}

function corpInfo(out: MapFindings, input: SubmissionInput, tables: PlatformCodeTables): DouyinCorpInfo {
  const { form, profile } = input
  const owner = form.owner
  const region = mapRegion(out, form, profile, tables)
  const subject = mapSubjectType(out, profile, tables)
  const certificateType = mapOwnerCertificateType(out, form, subject, tables)
  const corp: DouyinCorpInfo = {
    corp_type: numericCode(subject),
    credentials_type: numericCode(certificateType),
    credentials_name: required(out, 'owner.name', owner.name, '主办单位名称', '按证件上的名称原样填写'),
    credentials_number: required(
      out,
      'owner.certificateNumber',
      owner.certificateNumber,
      '主办单位证件号码',
      '按证件原样填写'
    ),
    credentials_pic: path(mediaId(out, input, 'owner_certificate')),
    credentials_address: required(
      out,
      'owner.certificateAddress',
      owner.certificateAddress,
      '证件住所',
      '按证件上的住所（个人为身份证上的住址）原样填写'
    ),
    province_code: region.province?.code ?? '',
    province_name: region.province?.name ?? '',
    city_code: region.city?.code ?? '',
    city_name: region.city?.name ?? '',
    region_code: region.district?.code ?? '',
    region_name: region.district?.name ?? '',
    communication_address: required(
      out,
      'owner.address',
      owner.address,
      '通讯地址',
      '从所选区县之后写起，精确到门牌号'
    ),
    ...corpPrincipal(out, input, tables)
  }
  if (needsAuthorisationLetter(profile) && !profile.ownerPrincipalIsLegalRep)
    corp.corp_authority_letter = [path(mediaId(out, input, 'authorisation_letter'))]
  if (isOutOfProvinceIndividual(form, profile)) {
    corp.corp_other_materials = [path(mediaId(out, input, 'residence_permit'))]
  }
  const commitment = trimmed(input.media.commitment_letter)
  if (commitment) corp.corp_commitment = [path(commitment)]
  return corp
}

function appInfo(out: MapFindings, input: SubmissionInput, tables: PlatformCodeTables): DouyinAppInfo {
  const { form, profile } = input
  const principal = form.appPrincipal
  const serviceTypes = mapServiceTypes(out, form, tables)
  const pre = mapPreApprovals(out, form, tables)
  const token = trimmed(input.faceTaskId)
  if (!token) out.add('faceTask', FACE_TASK_MISSING, '小程序负责人还没有完成人证核验', '发起人证核验并等待完成')
  const app: DouyinAppInfo = {
    app_language: [DOUYIN_APP_LANGUAGE_CHINESE],
    service_content_type_list: serviceTypes.map((s) => numericCode(s)),
    involve_pre_approval: form.miniProgram.preApproval === 'has',
    pre_approval_list: pre.approvals.map((a) => ({
      pre_approval_item_id: numericCode(a.item),
      pre_approval_number: a.approvalNumber,
      pre_approval_files: [path(mediaId(out, input, `pre_approval_${a.index}`))]
    })),
    facial_recognition_token: token,
    incharge_people_email: required(out, 'appPrincipal.email', principal.email, '小程序负责人电子邮箱', '填写常用邮箱'),
    incharge_people_phone: requiredMobile(out, 'appPrincipal.mobile', principal.mobile, '小程序负责人手机号码'),
    incharge_people_emergency_phone: requiredMobile(
      out,
      'emergencyContact.mobile',
      form.emergencyContact.mobile,
      '应急联系人手机号码'
    ),
    remark: checkedComment(out, form.miniProgram.description, '抖音')
  }
  if (needsAuthorisationLetter(profile) && !profile.appPrincipalIsLegalRep) {
    app.app_authority_letter = [path(mediaId(out, input, 'authorisation_letter'))]
  }
  return app
}

export function mapDouyinRecord(input: SubmissionInput, tables: PlatformCodeTables): MapResult<DouyinRecordPayload> {
  const out = new MapFindings()
  const corp_info = corpInfo(out, input, tables)
  const app_info = appInfo(out, input, tables)
  if (out.list.length) return { ok: false, findings: out.list }
  return { ok: true, payload: { corp_info, app_info } }
}
