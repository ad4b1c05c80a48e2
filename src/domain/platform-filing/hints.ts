/**
 * A refused submission's field-level hints (WeChat 86202 `hints[]{err_field, errmsg}`, Douyin's field errors) as
 * self-check findings on our own fields, in Chinese, with the fix — the platform's own words kept in the message.
 * A field we do not know still becomes a finding (field 'platform'), so no refusal is ever lost.
 */
import type { Finding } from '../types'
import type { SubmissionPlatform } from './code-tables'
import { ourFieldFor } from './hint-fields'

export interface PlatformHint {
  errField: string
  errMsg: string
  errcode?: number
}

/** Label and fix per our field ('#' = any index). */
const FIELD_TEXT: Record<string, [label: string, fix: string]> = {
  'owner.name': ['主办单位名称', '按证件上的名称逐字填写，并与小程序账号的主体名称一致'],
  'owner.certificateType': ['主办单位证件类型', '按主体类型选择证件类型'],
  'owner.certificateNumber': ['主办单位证件号码', '对照证件原件逐位核对号码'],
  'owner.certificateAddress': ['证件住所', '按证件上的住所原样填写'],
  'owner.region.province': ['省份', '按证件所在地选择省份'],
  'owner.region.city': ['市', '从平台的地区列表中选择城市'],
  'owner.region.district': ['区县', '从平台的地区列表中选择区县'],
  'owner.address': ['通讯地址', '从所选区县之后写起，精确到门牌号'],
  'ownerPrincipal.name': ['主体负责人姓名', '按身份证上的姓名填写'],
  'ownerPrincipal.idType': ['主体负责人证件类型', '选择负责人实际使用的证件'],
  'ownerPrincipal.idNumber': ['主体负责人证件号码', '对照证件原件逐位核对号码'],
  'ownerPrincipal.idValidUntil': ['主体负责人证件有效期', '按证件背面的有效期填写；长期有效的填“长期”'],
  'ownerPrincipal.mobile': ['主体负责人手机号码', '填写负责人本人实名的手机号'],
  'ownerPrincipal.email': ['主体负责人电子邮箱', '填写常用邮箱'],
  'appPrincipal.name': ['小程序负责人姓名', '按身份证上的姓名填写'],
  'appPrincipal.idType': ['小程序负责人证件类型', '选择负责人实际使用的证件'],
  'appPrincipal.idNumber': ['小程序负责人证件号码', '对照证件原件逐位核对号码'],
  'appPrincipal.idValidUntil': ['小程序负责人证件有效期', '按证件背面的有效期填写；长期有效的填“长期”'],
  'appPrincipal.mobile': ['小程序负责人手机号码', '填写负责人本人实名的手机号'],
  'appPrincipal.email': ['小程序负责人电子邮箱', '填写常用邮箱'],
  'emergencyContact.mobile': ['应急联系人手机号码', '填写应急联系人本人的手机号，不能与负责人相同'],
  'miniProgram.name': ['小程序名称', '在平台上修改小程序名称后再提交'],
  'miniProgram.description': ['备注（服务内容）', '用20–200个字写清提供什么服务、面向谁'],
  'miniProgram.serviceTypes': ['服务内容类型', '从平台列出的二级类型中选择，最多5项'],
  'miniProgram.preApproval': ['前置审批', '涉及的上传审批文件；不涉及的选择“以上都不涉及”'],
  'miniProgram.preApprovals.#': ['前置审批类型', '从平台列出的前置审批类型中选择'],
  'miniProgram.preApprovals.#.approvalNumber': ['前置审批文号', '按审批文件原样填写'],
  'extras.ownerPrincipalIdValidFrom': ['主体负责人证件有效期起始日期', '按证件背面的有效期起始日期填写'],
  'extras.appPrincipalIdValidFrom': ['小程序负责人证件有效期起始日期', '按证件背面的有效期起始日期填写'],
  'extras.legalPerson.name': ['法定代表人姓名', '按营业执照上的法定代表人填写'],
  'extras.legalPerson.idNumber': ['法定代表人证件号码', '对照法定代表人身份证逐位核对'],
  faceTask: ['人脸核身', '重新发起人脸核身，完成后再提交'],
  'media.owner_certificate': ['主办单位证件照片', '重新拍摄证件原件：四角完整、文字清晰、无反光'],
  'media.owner_principal_id_front': ['主体负责人身份证人像面', '重新拍摄身份证原件：四角完整、文字清晰、无反光'],
  'media.owner_principal_id_back': ['主体负责人身份证国徽面', '重新拍摄身份证原件：四角完整、文字清晰、无反光'],
  'media.app_principal_id_front': ['小程序负责人身份证人像面', '重新拍摄身份证原件：四角完整、文字清晰、无反光'],
  'media.app_principal_id_back': ['小程序负责人身份证国徽面', '重新拍摄身份证原件：四角完整、文字清晰、无反光'],
  'media.authorisation_letter': ['授权书', '法定代表人签字并加盖公章后重新拍摄上传'],
  'media.residence_permit': ['居住证', '重新拍摄有效期内的居住证原件'],
  'media.commitment_letter': ['承诺书', '签字盖章后重新拍摄上传'],
  'media.pre_approval_#': ['前置审批文件', '重新拍摄审批文件原件，确保文号清晰']
}

/** Platform error codes whose meaning is better than the field's generic fix (wechat-icp-api.md §8, §15). */
const CODE_TEXT: Record<number, [message: string, fix: string]> = {
  86328: ['平台无法识别图片内容', '重新拍摄：原件、四角完整、文字清晰、无反光，不要截图或翻拍屏幕'],
  86355: ['主办单位名称与小程序账号的主体不一致', '按小程序账号认证的主体名称逐字填写主办单位名称']
}

function textFor(field: string): [string, string] | undefined {
  return FIELD_TEXT[field] ?? FIELD_TEXT[field.replace(/\.\d+(?=\.|$)/g, '.#').replace(/_\d+$/, '_#')]
}

export function findingsFromHints(platform: SubmissionPlatform, hints: PlatformHint[]): Finding[] {
  const platformName = platform === 'wechat' ? '微信' : '抖音'
  const out: Finding[] = []
  for (const h of hints) {
    const field = ourFieldFor(platform, h.errField)
    const text = field ? textFor(field) : undefined
    const said = (h.errMsg ?? '').replace(/\s*rid:.*$/, '').trim()
    const known = h.errcode !== undefined ? CODE_TEXT[h.errcode] : undefined
    const code = `PLATFORM_${h.errcode ?? 'HINT'}`
    if (!field || !text) {
      out.push({
        field: 'platform',
        severity: 'error',
        code,
        message: `${platformName}拒绝了这次提交：${said || h.errField || '未说明原因'}`,
        fix: known?.[1] ?? '按平台的提示核对对应的信息后重新提交'
      })
      continue
    }
    const what = known?.[0] ?? said
    out.push({
      field,
      severity: 'error',
      code,
      message: `${platformName}审核提示${text[0]}有误${what ? `：${what}` : ''}`,
      fix: known?.[1] ?? text[1]
    })
  }
  return out
}
