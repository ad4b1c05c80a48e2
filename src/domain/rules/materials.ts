/**
 * Materials a filing may need: what each is for, tips from the reviewers' rejection reasons, the form section it belongs
 * to, and template wording with {placeholders} for the documents the user writes.
 */
import type { MaterialSection } from '../types'
import { LAW, RULES_CHECKED_ON, SOURCE } from './sources'

export type MaterialId =
  | 'owner_certificate'
  | 'owner_principal_id'
  | 'app_principal_id'
  | 'face_check'
  | 'pre_approval'
  | 'no_pre_approval_commitment'
  | 'no_approval_needed_statement'
  | 'service_commitment'
  | 'verification_form'
  | 'authorization_letter'
  | 'residence_permit'
  | 'party_building_proof'
  | 'shanghai_commitment'
  | 'guangdong_finance_commitment'
  | 'phone_bills'
  | 'individual_business_remark'
  | 'ownership_proof'
  | 'cancellation_request'
  | 'existing_owner_record'

export interface Material {
  id: MaterialId
  title: string
  /** Why it is needed, in general; the checklist adds the profile-specific reason. */
  why: string
  tips: string[]
  section: MaterialSection
  isPhoto: boolean
  goodExample?: string
  template?: string
  source: string
  checkedOn: string
}

const PHOTO_TIPS = [
  '拍摄或彩色扫描证件原件，不能用复印件，也不能翻拍屏幕',
  '四角完整、文字清晰，无反光、无遮挡，不加与备案无关的水印',
  '微信要求 JPG/PNG 格式，不超过2MB，分辨率不低于720×1280'
]

export const AUTHORIZATION_LETTER_TEMPLATE = `授权书

{bureau}：
兹授权{authorizedName}（证件号码：{authorizedIdNumber}）作为我单位“{ownerName}”（统一社会信用代码：{ownerNumber}）的{role}，代表我单位办理小程序“{appName}”在{platformName}的备案手续，并负责该小程序的日常管理和信息安全工作。
被授权人在办理上述事项中所提交的材料和所作的承诺，我单位均予以认可，并承担相应法律责任。
授权期限：自{date}起至该小程序备案注销之日止。

法定代表人（签字）：{legalRepName}
单位名称（盖章）：{ownerName}
日期：{date}`

export const NO_PRE_APPROVAL_COMMITMENT_TEMPLATE = `不涉及前置审批承诺书

{bureau}：
本{ownerKind}“{ownerName}”（证件号码：{ownerNumber}）承诺：小程序“{appName}”提供的服务为：{serviceDescription}。
该小程序不涉及新闻、出版、教育、医疗保健、药品和医疗器械、文化、广播电影电视节目、网络预约车、互联网金融、校外培训（高中及以下阶段）、宗教、电子公告等须经有关主管部门前置审批的互联网信息服务。其中名称或经营范围中的“{keywords}”仅指{keywordExplanation}，不提供上述需前置审批的服务。
如今后涉及上述服务，将先取得主管部门的审批并办理变更备案。如有违反，本{ownerKind}愿承担由此产生的一切法律责任。

承诺{ownerKind}（签字/盖章）：{signer}
日期：{date}`

export const NO_APPROVAL_NEEDED_STATEMENT_TEMPLATE = `无需前置审批情况说明

{bureau}：
我单位“{ownerName}”（统一社会信用代码：{ownerNumber}）拟备案的小程序“{appName}”提供以下服务：{serviceDetail}。
我单位已于{consultDate}向{authorityName}（联系电话：{authorityPhone}）咨询，对方答复该服务无需办理前置审批。
我单位承诺该小程序不发布、不提供需前置审批的内容，如有违反，愿承担由此产生的一切后果和法律责任。

法定代表人（签字）：{legalRepName}
单位名称（盖章）：{ownerName}
日期：{date}`

export const CANCELLATION_REQUEST_TEMPLATE = `注销备案申请

{platformName}：
因{reason}，我{ownerKind}“{ownerName}”（证件号码：{ownerNumber}）申请{cancelKind}：小程序“{appName}”（AppID：{appId}，备案号：{filingNumber}）。
申请人已确认注销后该小程序将无法继续提供互联网信息服务。

申请人（签字/盖章）：{signer}
日期：{date}`

const m = (x: Omit<Material, 'checkedOn'>): Material => ({ ...x, checkedOn: RULES_CHECKED_ON })

export const MATERIALS: Record<MaterialId, Material> = {
  owner_certificate: m({
    id: 'owner_certificate',
    title: '主办单位证件',
    why: '证明备案主体的身份：单位一般为营业执照，个人为身份证',
    tips: [...PHOTO_TIPS, '证件剩余有效期要满足平台要求（微信一个月以上，抖音三个月以上），长期有效的填“长期”'],
    section: 'owner',
    isPhoto: true,
    goodExample: '营业执照正本彩色照片，四角完整、国徽和二维码清晰可见',
    source: `${LAW.filingMeasures5}；${SOURCE.wechatGuide}`
  }),
  owner_principal_id: m({
    id: 'owner_principal_id',
    title: '主体负责人身份证',
    why: '主体负责人对备案信息负责，多数省份要求由法定代表人担任',
    tips: [...PHOTO_TIPS, '正反两面都要上传', '姓名、号码、有效期须与证件完全一致'],
    section: 'owner_principal',
    isPhoto: true,
    goodExample: '身份证原件正反面彩色照片，国徽面有效期清晰',
    source: `${SOURCE.wechatGuide}；${SOURCE.providerProvinceRules}`
  }),
  app_principal_id: m({
    id: 'app_principal_id',
    title: '小程序负责人身份证',
    why: '小程序负责人是实际运营小程序的人，不必是法定代表人或管理员',
    tips: [...PHOTO_TIPS, '正反两面都要上传', '负责人需本人完成人脸核身和12381短信核验'],
    section: 'app_principal',
    isPhoto: true,
    source: SOURCE.wechatGuide
  }),
  face_check: m({
    id: 'face_check',
    title: '小程序负责人人脸核身',
    why: '平台通过活体检测确认小程序负责人是本人',
    tips: [
      '纯白色背景，光线均匀，不逆光',
      '表情自然、睁眼，衣着得体，不戴帽子和口罩，头发不遮挡面部',
      '在有效期内完成，任务过期需重新发起'
    ],
    section: 'app_principal',
    isPhoto: true,
    goodExample: '白墙前正面免冠，脸部完整清晰',
    source: SOURCE.wechatGuide
  }),
  pre_approval: m({
    id: 'pre_approval',
    title: '前置审批文件',
    why: '新闻、出版、教育、医疗、药品器械、文化、广电等服务须先取得主管部门审批',
    tips: ['上传主管部门的审批文件，并填写审批文号和文件名称', '审批文件的主体名称须与备案主体一致，且在有效期内'],
    section: 'mini_program',
    isPhoto: true,
    source: `${LAW.icpMeasures5}；${LAW.filingMeasures11}`
  }),
  no_pre_approval_commitment: m({
    id: 'no_pre_approval_commitment',
    title: '不涉及前置审批承诺书',
    why: '主体名称、经营范围、小程序名称或内容命中前置审批行业关键词，但实际不涉及时，需承诺说明',
    tips: [
      '写清命中的关键词在本小程序中的真实含义',
      '单位主体由法定代表人签字并加盖公章，个人主体本人签字',
      '如主管部门答复无需审批，可改交“无需前置审批情况说明”'
    ],
    section: 'attachments',
    isPhoto: false,
    template: NO_PRE_APPROVAL_COMMITMENT_TEMPLATE,
    source: `${SOURCE.wechatGuide}；${SOURCE.providerGuides}`
  }),
  no_approval_needed_statement: m({
    id: 'no_approval_needed_statement',
    title: '无需前置审批情况说明',
    why: '主管部门答复无需审批时，用此说明代替审批文件',
    tips: ['写明咨询的主管部门名称和电话', '详细描述小程序的服务内容', '法定代表人签字并加盖公章'],
    section: 'attachments',
    isPhoto: false,
    template: NO_APPROVAL_NEEDED_STATEMENT_TEMPLATE,
    source: SOURCE.providerGuides
  }),
  service_commitment: m({
    id: 'service_commitment',
    title: '互联网信息服务承诺书',
    why: '备案主体承诺遵守互联网信息服务的相关规定',
    tips: ['平台提供模板时，以平台下载的模板为准', '单位主体加盖公章，个人主体本人签字'],
    section: 'attachments',
    isPhoto: false,
    source: SOURCE.providerGuides
  }),
  verification_form: m({
    id: 'verification_form',
    title: '备案真实性核验单',
    why: '部分平台和管局要求核验单确认备案信息真实',
    tips: ['用黑色签字笔手写填写', '加盖红色公章，不能用电子章或修图', '上传原件的彩色扫描件'],
    section: 'attachments',
    isPhoto: true,
    source: SOURCE.providerGuides
  }),
  authorization_letter: m({
    id: 'authorization_letter',
    title: '授权书',
    why: '负责人不是法定代表人时，由法定代表人书面授权',
    tips: ['法定代表人亲笔签字，加盖单位红色公章', '被授权人姓名、证件号码须与负责人证件一致'],
    section: 'attachments',
    isPhoto: false,
    template: AUTHORIZATION_LETTER_TEMPLATE,
    source: `${SOURCE.wechatGuide}；${SOURCE.providerProvinceRules}`
  }),
  residence_permit: m({
    id: 'residence_permit',
    title: '居住证',
    why: '身份证不是备案省份签发的个人，需证明在本省居住',
    tips: ['居住证须在有效期内（上海要求一个月以上）', '拍摄原件，信息清晰完整'],
    section: 'owner',
    isPhoto: true,
    source: `${SOURCE.wechatGuide}；${SOURCE.providerProvinceRules}`
  }),
  party_building_proof: m({
    id: 'party_building_proof',
    title: '党建证明',
    why: '新疆管局要求首次备案的单位提供党建情况证明',
    tips: ['按新疆管局的格式开具，加盖公章'],
    section: 'attachments',
    isPhoto: false,
    source: SOURCE.providerProvinceRules
  }),
  shanghai_commitment: m({
    id: 'shanghai_commitment',
    title: '上海市备案承诺书',
    why: '上海管局要求备案主体签署承诺书',
    tips: ['使用上海管局或平台提供的模板', '单位主体加盖公章，个人主体本人签字'],
    section: 'attachments',
    isPhoto: false,
    source: SOURCE.providerProvinceRules
  }),
  guangdong_finance_commitment: m({
    id: 'guangdong_finance_commitment',
    title: '广东省金融类承诺书',
    why: '广东管局要求涉及金融内容的备案提供金融承诺书',
    tips: ['使用广东管局或平台提供的模板', '加盖公章'],
    section: 'attachments',
    isPhoto: false,
    source: SOURCE.providerProvinceRules
  }),
  phone_bills: m({
    id: 'phone_bills',
    title: '手机话费账单（近3个月）',
    why: '黑龙江管局要求证明负责人手机号码为本人长期使用',
    tips: ['在运营商营业厅或App导出近3个月账单', '账单上的机主姓名须与负责人一致'],
    section: 'attachments',
    isPhoto: true,
    source: SOURCE.providerProvinceRules
  }),
  individual_business_remark: m({
    id: 'individual_business_remark',
    title: '个体工商户名称与备注',
    why: '无字号的个体工商户在部分省份需按固定格式填写名称或备注',
    tips: ['浙江：名称填“经营者姓名（个体工商户）”', '安徽：无字号无公章的在备注中注明“无字号无公章个体工商户”'],
    section: 'owner',
    isPhoto: false,
    source: SOURCE.providerProvinceRules
  }),
  ownership_proof: m({
    id: 'ownership_proof',
    title: '主体归属证明',
    why: '注销时证明申请人是该备案主体：营业执照或身份证',
    tips: PHOTO_TIPS,
    section: 'owner',
    isPhoto: true,
    source: SOURCE.providerGuides
  }),
  existing_owner_record: m({
    id: 'existing_owner_record',
    title: '已备案的主体信息',
    why: '主体已有备案号时本次为新增：主办单位和主体负责人信息须与已备案的完全一致',
    tips: ['对照已备案的主办单位名称、证件号码、主体负责人逐项核对', '信息已变化的，先办理主体变更备案'],
    section: 'owner',
    isPhoto: false,
    source: SOURCE.providerFaq
  }),
  cancellation_request: m({
    id: 'cancellation_request',
    title: '注销申请说明',
    why: '写明要注销的小程序、主体信息和注销原因，部分平台通过邮件受理',
    tips: ['写明小程序名称、AppID、主体名称和证件号码、注销原因', '注销主体、注销小程序、取消接入三者不同，选对类型'],
    section: 'attachments',
    isPhoto: false,
    template: CANCELLATION_REQUEST_TEMPLATE,
    source: SOURCE.providerGuides
  })
}

/** Replaces {placeholders} with values; unknown placeholders stay visible so the user sees what to fill in. */
export function fillTemplate(template: string, values: Record<string, string | undefined>): string {
  return template.replace(/\{(\w+)\}/g, (all, key: string) => {
    const v = values[key]
    return v === undefined || v === '' ? all : v
  })
}

/** The {placeholders} a template uses. */
export function templatePlaceholders(template: string): string[] {
  const keys: string[] = []
  const re = /\{(\w+)\}/g
  for (let m = re.exec(template); m; m = re.exec(template)) if (!keys.includes(m[1])) keys.push(m[1])
  return keys
}
