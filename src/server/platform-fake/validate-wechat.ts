/**
 * The WeChat fake's check of an `apply_icp_filing` body, item by item from wechat-icp-api.md §8 and the §16
 * checklist: the three objects, codes from the tables, certificate types that fit the subject, `YYYYmmdd` / 长期
 * dates, ≤ 5 second-level service types, 前置审批 without duplicates (24 alone), 备注 of 20–200 characters, media ids
 * of this app, a passed and unexpired face task, the subject name of the account. Every failure is a hint on the
 * dotted field, as the platform's 86202 answer carries them. Hint codes other than 86355 (subject mismatch) and
 * 86328 (unreadable image) are not documented: see FAKE_HINT_CODES.
 */
import { NRLX_NONE } from './code-fixtures'
import {
  charLength,
  districtChainOk,
  entry,
  HintList,
  isSecondLevelService,
  MOBILE,
  type FakeFilingContext,
  type FakeValidation
} from './validate-shared'

/** The hint codes the fake uses (only 86355 is from a real answer; the others are our choice, UNCONFIRMED). */
export const FAKE_HINT_CODES = { invalid: 86300, media: 86205, face: 86328, subjectMismatch: 86355 } as const

const INDIVIDUAL_SUBJECT = '5'
const DATE = /^\d{8}$/
type Json = Record<string, unknown>

export function validateWechatApplication(payload: unknown, ctx: FakeFilingContext): FakeValidation {
  const h = new HintList(ctx)
  const body = (payload && typeof payload === 'object' ? payload : {}) as Json
  const { invalid } = FAKE_HINT_CODES
  const subject = h.object(body, 'icp_subject', 'icp_subject', invalid)
  const applets = h.object(body, 'icp_applets', 'icp_applets', invalid)
  h.object(body, 'icp_materials', 'icp_materials', invalid)

  const base = h.object(subject, 'base_info', 'icp_subject.base_info', invalid)
  const subjectType = String(base.type ?? '')
  if (!entry(ctx.tables.subjectTypes, subjectType))
    h.add('icp_subject.base_info.type', invalid, '主体性质不在可选范围内')
  const name = h.text(base, 'name', 'icp_subject.base_info.name', invalid, '主办单位名称')
  if (name && ctx.accountSubjectName !== undefined && name !== ctx.accountSubjectName) {
    h.add('icp_subject.base_info.name', FAKE_HINT_CODES.subjectMismatch, '主办者与小程序主体不一致')
  }
  const chain = districtChainOk(ctx.tables, base.province, base.city, base.district)
  if (!chain.province) h.add('icp_subject.base_info.province', invalid, '省份代码不正确')
  else if (!chain.city) h.add('icp_subject.base_info.city', invalid, '城市代码不正确')
  else if (!chain.district) h.add('icp_subject.base_info.district', invalid, '区县代码不正确')
  h.text(base, 'address', 'icp_subject.base_info.address', invalid, '通讯地址')
  if (base.comment !== undefined && typeof base.comment !== 'string') {
    h.add('icp_subject.base_info.comment', invalid, '主体备注格式不正确')
  }

  const organize = h.object(subject, 'organize_info', 'icp_subject.organize_info', invalid)
  const cert = entry(ctx.tables.certificateTypes, organize.certificate_type)
  if (!cert || cert.parentCode !== subjectType) {
    h.add('icp_subject.organize_info.certificate_type', invalid, '证件类型与主体性质不符')
  }
  h.text(organize, 'certificate_number', 'icp_subject.organize_info.certificate_number', invalid, '证件号码')
  h.text(organize, 'certificate_address', 'icp_subject.organize_info.certificate_address', invalid, '证件住所')
  if (subjectType !== INDIVIDUAL_SUBJECT) {
    h.media(organize.certificate_photo, 'icp_subject.organize_info.certificate_photo', FAKE_HINT_CODES.media)
  }
  principal(h, ctx, subject, 'icp_subject.principal_info', false)
  if (subject.legal_person_info !== undefined) {
    const legal = h.object(subject, 'legal_person_info', 'icp_subject.legal_person_info', invalid)
    h.text(legal, 'name', 'icp_subject.legal_person_info.name', invalid, '法人姓名')
    h.text(legal, 'certificate_number', 'icp_subject.legal_person_info.certificate_number', invalid, '法人证件号码')
  }

  const appBase = h.object(applets, 'base_info', 'icp_applets.base_info', invalid)
  serviceTypes(h, ctx, appBase)
  nrlx(h, ctx, appBase)
  const comment = typeof appBase.comment === 'string' ? appBase.comment.trim() : ''
  if (charLength(comment) < 20 || charLength(comment) > 200) {
    h.add('icp_applets.base_info.comment', invalid, '小程序备注需为20-200个字')
  }
  principal(h, ctx, applets, 'icp_applets.principal_info', true)
  return h.result()
}

function principal(h: HintList, ctx: FakeFilingContext, parent: Json, path: string, needsFace: boolean): void {
  const { invalid } = FAKE_HINT_CODES
  const p = h.object(parent, 'principal_info', path, invalid)
  h.text(p, 'name', `${path}.name`, invalid, '负责人姓名')
  if (!MOBILE.test(String(p.mobile ?? ''))) h.add(`${path}.mobile`, invalid, '负责人手机号码格式不正确')
  if (p.emergency_contact !== undefined && !MOBILE.test(String(p.emergency_contact))) {
    h.add(`${path}.emergency_contact`, invalid, '应急联系电话格式不正确')
  }
  const cert = entry(ctx.tables.certificateTypes, p.certificate_type)
  if (!cert || cert.parentCode !== INDIVIDUAL_SUBJECT) {
    h.add(`${path}.certificate_type`, invalid, '负责人证件类型须为个人证件')
  }
  h.text(p, 'certificate_number', `${path}.certificate_number`, invalid, '负责人证件号码')
  const start = String(p.certificate_validity_date_start ?? '')
  const end = String(p.certificate_validity_date_end ?? '')
  if (!DATE.test(start)) h.add(`${path}.certificate_validity_date_start`, invalid, '证件有效期开始日期格式应为YYYYmmdd')
  if (end !== '长期' && (!DATE.test(end) || end <= start)) {
    h.add(`${path}.certificate_validity_date_end`, invalid, '证件有效期结束日期应为YYYYmmdd或“长期”')
  }
  h.media(p.certificate_photo_front, `${path}.certificate_photo_front`, FAKE_HINT_CODES.media)
  h.media(p.certificate_photo_back, `${path}.certificate_photo_back`, FAKE_HINT_CODES.media)
  h.media(p.authorization_letter, `${path}.authorization_letter`, FAKE_HINT_CODES.media, false)
  if (!needsFace) return
  const taskId = typeof p.verify_task_id === 'string' ? p.verify_task_id : ''
  const face = taskId ? (ctx.faceCheck ? ctx.faceCheck(taskId) : { passed: true, expired: false }) : undefined
  if (!face) h.add(`${path}.verify_task_id`, FAKE_HINT_CODES.face, '人脸核身任务不存在')
  else if (face.expired) h.add(`${path}.verify_task_id`, FAKE_HINT_CODES.face, '人脸核身任务已过期，请重新发起')
  else if (!face.passed) h.add(`${path}.verify_task_id`, FAKE_HINT_CODES.face, '人脸核身尚未完成')
}

function serviceTypes(h: HintList, ctx: FakeFilingContext, base: Json): void {
  const types = base.service_content_types
  const path = 'icp_applets.base_info.service_content_types'
  if (!Array.isArray(types) || !types.length) return h.add(path, FAKE_HINT_CODES.invalid, '请选择服务内容类型')
  if (types.length > 5) h.add(path, FAKE_HINT_CODES.invalid, '服务内容类型最多5项')
  else if (new Set(types.map(String)).size !== types.length) h.add(path, FAKE_HINT_CODES.invalid, '服务内容类型重复')
  else if (!types.every((t) => typeof t === 'number' && isSecondLevelService(ctx.tables, t))) {
    h.add(path, FAKE_HINT_CODES.invalid, '服务内容类型须为二级类型')
  }
}

function nrlx(h: HintList, ctx: FakeFilingContext, base: Json): void {
  const list = base.nrlx_details
  const path = 'icp_applets.base_info.nrlx_details'
  if (!Array.isArray(list) || !list.length)
    return h.add(path, FAKE_HINT_CODES.invalid, '请填写前置审批项（不涉及时选“以上都不涉及”）')
  const items = list.map((x) => (x && typeof x === 'object' ? (x as Json) : {}))
  const types = items.map((x) => String(x.type ?? ''))
  if (new Set(types).size !== types.length) return h.add(path, FAKE_HINT_CODES.invalid, '前置审批类型重复')
  if (types.includes(String(NRLX_NONE)) && types.length > 1) {
    return h.add(path, FAKE_HINT_CODES.invalid, '“以上都不涉及”不能与其他前置审批项同时选择')
  }
  items.forEach((x, i) => {
    if (!entry(ctx.tables.preApprovalItems, x.type))
      return h.add(`${path}.${i}.type`, FAKE_HINT_CODES.invalid, '前置审批类型不存在')
    if (String(x.type) === String(NRLX_NONE)) return
    if (typeof x.code !== 'string' || !x.code.trim())
      h.add(`${path}.${i}.code`, FAKE_HINT_CODES.invalid, '请填写前置审批号')
    h.media(x.media, `${path}.${i}.media`, FAKE_HINT_CODES.media, false)
  })
}
