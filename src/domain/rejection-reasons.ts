/**
 * The common reasons a platform or a provincial bureau sends a filing back (providers' public FAQs, distilled in the
 * project's filing knowledge §8), each with what fixes it: a field of the self-check form or a material. The user
 * picks one when reporting a rejection; the picked label is what gets stored, so `findRejectionReason` can link the
 * stored text back to its fix — and free text the user typed is matched by keywords.
 */
import type { FilingForm, FormSection } from './types'
import type { MaterialId } from './rules/materials'
import { RULES_CHECKED_ON, SOURCE } from './rules/sources'

type FieldPathOf<S extends FormSection> = `${S}.${Extract<keyof FilingForm[S], string>}`

/** A dotted path of the self-check form, e.g. 'owner.certificateValidUntil'. */
export type FormFieldPath = { [S in FormSection]: FieldPathOf<S> }[FormSection]

export type RejectionFix =
  { kind: 'field'; path: FormFieldPath; label: string } | { kind: 'material'; material: MaterialId; label: string }

export interface RejectionReason {
  id: string
  /** What the user picks, and the text stored with the rejection. */
  label: string
  /** What to do before submitting again. */
  advice: string
  /** Where to fix it; empty when nothing in the form or the materials can (e.g. the SMS window). */
  fixes: RejectionFix[]
  /** Words of a reviewer's message that point to this reason (for reasons the user typed). */
  keywords: string[]
  source: string
  checkedOn: string
}

const field = (path: FormFieldPath, label: string): RejectionFix => ({ kind: 'field', path, label })
const material = (id: MaterialId, label: string): RejectionFix => ({ kind: 'material', material: id, label })

const reason = (r: Omit<RejectionReason, 'source' | 'checkedOn'>): RejectionReason => ({
  ...r,
  source: SOURCE.providerFaq,
  checkedOn: RULES_CHECKED_ON
})

export const REJECTION_REASONS: RejectionReason[] = [
  reason({
    id: 'certificate_validity',
    label: '证件有效期不足',
    advice:
      '证件剩余有效期要够长（微信要求多于1个月，抖音和云服务商至少3个月）：先换发新证件，再用新证件的信息和照片提交',
    fixes: [
      field('owner.certificateValidUntil', '主办单位证件有效期'),
      field('ownerPrincipal.idValidUntil', '主体负责人证件有效期'),
      field('appPrincipal.idValidUntil', '小程序负责人证件有效期')
    ],
    keywords: ['有效期', '过期', '到期']
  }),
  reason({
    id: 'certificate_image',
    label: '证件照片不合格（复印件、翻拍、反光、模糊、缺角或水印）',
    advice: '用原件拍摄或彩色扫描：四角完整、无反光、无无关水印、文字清晰，不要复印件或屏幕翻拍',
    fixes: [
      material('owner_certificate', '主办单位证件照片'),
      material('owner_principal_id', '主体负责人身份证照片'),
      material('app_principal_id', '小程序负责人身份证照片')
    ],
    keywords: ['照片', '图片', '复印', '翻拍', '反光', '模糊', '不清晰', '四角', '缺角', '水印', '扫描件', '证件类型']
  }),
  reason({
    id: 'owner_mismatch',
    label: '主办单位名称或证件号码与证件、国家企业信用信息公示系统不一致',
    advice: '主办单位名称和统一社会信用代码要与营业执照、国家企业信用信息公示系统完全一致（包括括号和空格）',
    fixes: [field('owner.name', '主办单位名称'), field('owner.certificateNumber', '主办单位证件号码')],
    keywords: ['主办单位名称', '主体名称', '证件号', '信用代码', '公示系统', '营业执照信息', '主体信息']
  }),
  reason({
    id: 'address_mismatch',
    label: '证件地址或通讯地址与所选地区不符',
    advice: '通讯地址要在所选的省市区之内、不重复省市前缀、写到门牌号；证件住所按证件原样填写',
    fixes: [
      field('owner.region', '所在地区'),
      field('owner.address', '通讯地址'),
      field('owner.certificateAddress', '证件住所')
    ],
    keywords: ['地址', '住所', '所在地区', '门牌']
  }),
  reason({
    id: 'authorization_letter',
    label: '负责人不是法定代表人，缺少授权书或授权书不合格',
    advice: '负责人不是法定代表人时，按平台模板写授权书，法定代表人签字并加盖公章；部分省份要求负责人必须是法定代表人',
    fixes: [material('authorization_letter', '授权书')],
    keywords: ['授权书', '授权', '法定代表人', '法人']
  }),
  reason({
    id: 'phone_numbers',
    label: '手机号码重复、非本人、非本地或无法接通',
    advice: '每个负责人和应急联系人用本人的、不同的手机号码，保持畅通；部分省份要求本地号码，留意审核来电',
    fixes: [
      field('ownerPrincipal.mobile', '主体负责人手机号码'),
      field('appPrincipal.mobile', '小程序负责人手机号码'),
      field('emergencyContact.mobile', '应急联系人手机号码')
    ],
    keywords: ['手机', '电话', '号码重复', '无法接通', '联系不上', '未接听', '来电']
  }),
  reason({
    id: 'sms_verification',
    label: '工信部短信核验超时或验证码多次输错',
    advice: '重新提交后，收到12381短信要在24小时内完成核验（输错5次也会被退回）；提前邀请收短信的负责人一起接收提醒',
    fixes: [],
    keywords: ['短信', '12381', '核验超时', '验证码']
  }),
  reason({
    id: 'face_check',
    label: '人脸核身未通过',
    advice: '纯白背景、光线充足、五官清晰不遮挡、着装得体；核身任务过期要重新发起',
    fixes: [material('face_check', '人脸核身照片')],
    keywords: ['人脸', '核身', '活体', '背景']
  }),
  reason({
    id: 'app_name',
    label: '小程序名称与经营范围不符或含限制词',
    advice: '小程序名称要与主办单位的经营范围相关，不含“中国”“国家”等限制词；个人主体不能用企业化的名称',
    fixes: [field('miniProgram.name', '小程序名称'), field('owner.businessScope', '经营范围')],
    keywords: ['小程序名称', '经营范围', '限制词', '敏感词', '名称与']
  }),
  reason({
    id: 'app_description',
    label: '小程序备注或服务内容描述不清',
    advice: '备注写清小程序实际提供什么服务（微信要求20–200字），服务内容类型最多选5项',
    fixes: [field('miniProgram.description', '小程序备注'), field('miniProgram.serviceTypes', '服务内容类型')],
    keywords: ['备注', '服务内容', '描述', '简介', '笼统', '过于简单']
  }),
  reason({
    id: 'pre_approval',
    label: '涉及前置审批但缺少审批文件或不涉及承诺书',
    advice:
      '实际从事前置审批行业要上传主管部门的审批文件；名称或描述命中行业关键词但不从事，要提交不涉及前置审批承诺书',
    fixes: [
      field('miniProgram.preApproval', '前置审批'),
      material('pre_approval', '前置审批文件'),
      material('no_pre_approval_commitment', '不涉及前置审批承诺书')
    ],
    keywords: ['前置审批', '审批文件', '专项审批', '不涉及']
  }),
  reason({
    id: 'verification_form',
    label: '核验单不合规（未手写签字、未盖红章或有涂改）',
    advice: '核验单用黑色签字笔手写、加盖红色公章，扫描原件，不要修图',
    fixes: [material('verification_form', '备案真实性核验单')],
    keywords: ['核验单', '签字', '盖章', '公章', '红章', '涂改']
  }),
  reason({
    id: 'already_filed',
    label: '主体已在其他省份或工信部备案（应选新增或变更备案）',
    advice: '主体已有备案号时，在平台上选择“新增备案”或“变更备案”并填写已有的主体备案号，不要按首次备案提交',
    fixes: [],
    keywords: ['已备案', '已有备案', '其他省', '跨省', '变更备案', '新增备案', '主体备案号']
  }),
  reason({
    id: 'parallel_filings',
    label: '同一主体在多个平台同时备案',
    advice: '等一个平台的备案成功后，再用已有的主体备案号在下一个平台办理',
    fixes: [],
    keywords: ['多个平台', '同时备案', '其他平台', '并行']
  }),
  reason({
    id: 'individual_owner',
    label: '个人主体从事经营性内容，或外省个人缺少居住证',
    advice: '个人主体只能做非经营性内容（经营性内容改用企业或个体工商户备案）；外省个人按省份要求提供居住证',
    fixes: [field('miniProgram.description', '小程序备注'), material('residence_permit', '居住证')],
    keywords: ['个人主体', '个人', '居住证', '户籍', '外省', '经营性']
  }),
  reason({
    id: 'province_extras',
    label: '缺少省份要求的附加材料（党建证明、承诺书等）',
    advice: '按备案省份的要求补齐附加材料，如新疆的党建证明、上海的备案承诺书、广东金融类承诺书',
    fixes: [
      material('party_building_proof', '党建证明'),
      material('shanghai_commitment', '上海市备案承诺书'),
      material('guangdong_finance_commitment', '广东省金融类承诺书')
    ],
    keywords: ['党建', '附加材料', '补充材料', '承诺书']
  }),
  reason({
    id: 'filed_websites',
    label: '主体名下已备案的网站无法访问或未展示备案号',
    advice: '让主体名下已备案的网站恢复访问，并在首页底部展示备案号、链接到工信部备案系统；不用的网站先注销',
    fixes: [],
    keywords: ['网站', '无法访问', '底部', '展示备案号', '悬挂']
  })
]

/**
 * The catalogue reason a stored rejection text stands for: the exact label the user picked, else the reason whose
 * keywords the text mentions most (ties: the earlier, more specific one). Undefined when nothing matches.
 */
export function findRejectionReason(text: string): RejectionReason | undefined {
  const t = (text ?? '').trim()
  if (!t) return undefined
  const exact = REJECTION_REASONS.find((r) => r.label === t)
  if (exact) return exact
  let best: RejectionReason | undefined
  let bestHits = 0
  for (const r of REJECTION_REASONS) {
    const hits = r.keywords.filter((k) => t.includes(k)).length
    if (hits > bestHits) {
      best = r
      bestHits = hits
    }
  }
  return best
}

/**
 * The fixes worth showing for one filing: material fixes narrowed to the materials on its checklist (when any of
 * them is), so a Tianjin company is not sent to Shanghai's 承诺书.
 */
export function relevantFixes(r: RejectionReason, checklistIds?: readonly string[]): RejectionFix[] {
  if (!checklistIds) return r.fixes
  const materials = r.fixes.filter((f) => f.kind === 'material')
  const onList = materials.filter((f) => f.kind === 'material' && checklistIds.includes(f.material))
  if (!onList.length) return r.fixes
  return r.fixes.filter((f) => f.kind === 'field' || onList.includes(f))
}
