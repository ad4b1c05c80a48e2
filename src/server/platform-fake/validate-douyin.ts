/**
 * The Douyin fake's check of a `submit_record_info` / `alter_record_info` body (douyin-icp-api.md §7, §9): both
 * structs, codes and names from the option lists, a certificate that fits the subject type, material paths of this
 * app, a passed and unexpired 人证核验 for the same province, ≤ 5 second-level service types, 前置审批 consistent with
 * `involve_pre_approval`, 备注 of 20–200 characters (WeChat's rule, assumed for Douyin), and — when the account's
 * name is known — `credentials_name` equal to it (our reading of that field: UNCONFIRMED). Nested required flags and
 * the refusal shape are UNCONFIRMED; see UNCONFIRMED.douyinSubmitRefusal.
 */
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

/** err_no for a refused field (28001007 参数不合法 is documented; using it per field is our choice). */
export const DOUYIN_FIELD_ERROR = 28001007
const INDIVIDUAL_SUBJECT = '5'
type Json = Record<string, unknown>

export function validateDouyinRecord(payload: unknown, ctx: FakeFilingContext): FakeValidation {
  const h = new HintList(ctx)
  const body = (payload && typeof payload === 'object' ? payload : {}) as Json
  const e = DOUYIN_FIELD_ERROR
  const corp = h.object(body, 'corp_info', 'corp_info', e)
  const app = h.object(body, 'app_info', 'app_info', e)

  const corpType = String(corp.corp_type ?? '')
  if (!entry(ctx.tables.subjectTypes, corpType)) h.add('corp_info.corp_type', e, '主体类型不在可选范围内')
  const cert = entry(ctx.tables.certificateTypes, corp.credentials_type)
  if (!cert || cert.parentCode !== corpType) h.add('corp_info.credentials_type', e, '主体证件类型与主体类型不符')
  const name = h.text(corp, 'credentials_name', 'corp_info.credentials_name', e, '主体名称')
  if (name && ctx.accountSubjectName !== undefined && name !== ctx.accountSubjectName) {
    h.add('corp_info.credentials_name', e, '主办单位名称与小程序主体不一致')
  }
  h.text(corp, 'credentials_number', 'corp_info.credentials_number', e, '主体证件号码')
  h.media(pathOf(corp.credentials_pic), 'corp_info.credentials_pic', e)
  h.text(corp, 'credentials_address', 'corp_info.credentials_address', e, '证件住所')
  region(h, ctx, corp)
  h.text(corp, 'communication_address', 'corp_info.communication_address', e, '通信地址')
  person(h, ctx, corp, 'corp_info')
  materials(h, corp, 'corp_info', ['corp_authority_letter', 'corp_commitment', 'corp_other_materials'])

  serviceTypes(h, ctx, app)
  preApproval(h, ctx, app)
  face(h, ctx, app, String(corp.province_code ?? ''))
  if (!MOBILE.test(String(app.incharge_people_phone ?? '')))
    h.add('app_info.incharge_people_phone', e, '小程序负责人手机号码格式不正确')
  if (app.incharge_people_emergency_phone !== undefined && !MOBILE.test(String(app.incharge_people_emergency_phone))) {
    h.add('app_info.incharge_people_emergency_phone', e, '应急联系电话格式不正确')
  }
  materials(h, app, 'app_info', ['app_authority_letter', 'app_other_materials'])
  const remark = typeof app.remark === 'string' ? app.remark.trim() : ''
  if (charLength(remark) < 20 || charLength(remark) > 200) h.add('app_info.remark', e, '小程序备注需为20-200个字')
  return h.result()
}

const pathOf = (m: unknown): unknown => (m && typeof m === 'object' ? (m as Json).path : undefined)

function region(h: HintList, ctx: FakeFilingContext, corp: Json): void {
  const chain = districtChainOk(ctx.tables, corp.province_code, corp.city_code, corp.region_code)
  const named = (key: string, code: unknown) => entry(ctx.tables.districts, code)?.name === corp[key]
  if (!chain.province || !named('province_name', corp.province_code))
    h.add('corp_info.province_code', DOUYIN_FIELD_ERROR, '省份不正确')
  else if (!chain.city || !named('city_name', corp.city_code))
    h.add('corp_info.city_code', DOUYIN_FIELD_ERROR, '城市不正确')
  else if (!chain.district || !named('region_name', corp.region_code))
    h.add('corp_info.region_code', DOUYIN_FIELD_ERROR, '区县不正确')
}

function person(h: HintList, ctx: FakeFilingContext, corp: Json, path: string): void {
  const e = DOUYIN_FIELD_ERROR
  h.text(corp, 'incharge_people_name', `${path}.incharge_people_name`, e, '主体负责人姓名')
  const cert = entry(ctx.tables.certificateTypes, corp.incharge_people_credentials_type)
  if (!cert || cert.parentCode !== INDIVIDUAL_SUBJECT) {
    h.add(`${path}.incharge_people_credentials_type`, e, '负责人证件类型须为个人证件')
  }
  h.text(corp, 'incharge_people_credentials_number', `${path}.incharge_people_credentials_number`, e, '负责人证件号码')
  h.media(pathOf(corp.incharge_people_credentials_front), `${path}.incharge_people_credentials_front`, e)
  h.media(pathOf(corp.incharge_people_credentials_back), `${path}.incharge_people_credentials_back`, e)
  const start = corp.incharge_people_credentials_valid_start_time
  const end = corp.incharge_people_credentials_valid_end_time
  if (typeof corp.incharge_people_credentials_has_end_time !== 'boolean') {
    h.add(`${path}.incharge_people_credentials_has_end_time`, e, '请说明证件是否有截止日期')
  }
  if (!Number.isInteger(start))
    h.add(`${path}.incharge_people_credentials_valid_start_time`, e, '证件有效期开始时间不正确')
  else if (
    corp.incharge_people_credentials_has_end_time === true &&
    !(Number.isInteger(end) && (end as number) > (start as number))
  ) {
    h.add(`${path}.incharge_people_credentials_valid_end_time`, e, '证件有效期截止时间不正确')
  }
  if (!MOBILE.test(String(corp.incharge_people_phone ?? '')))
    h.add(`${path}.incharge_people_phone`, e, '负责人手机号码格式不正确')
  if (
    corp.incharge_people_emergency_phone !== undefined &&
    !MOBILE.test(String(corp.incharge_people_emergency_phone))
  ) {
    h.add(`${path}.incharge_people_emergency_phone`, e, '应急联系电话格式不正确')
  }
}

function materials(h: HintList, parent: Json, path: string, keys: string[]): void {
  for (const key of keys) {
    const list = parent[key]
    if (list === undefined) continue
    if (!Array.isArray(list)) h.add(`${path}.${key}`, DOUYIN_FIELD_ERROR, '材料格式不正确')
    else list.forEach((m, i) => h.media(pathOf(m), `${path}.${key}.${i}`, DOUYIN_FIELD_ERROR))
  }
}

function serviceTypes(h: HintList, ctx: FakeFilingContext, app: Json): void {
  const list = app.service_content_type_list
  const path = 'app_info.service_content_type_list'
  if (!Array.isArray(list) || !list.length) return h.add(path, DOUYIN_FIELD_ERROR, '请选择服务内容类型')
  if (list.length > 5) h.add(path, DOUYIN_FIELD_ERROR, '服务内容类型最多5项')
  else if (new Set(list.map(String)).size !== list.length) h.add(path, DOUYIN_FIELD_ERROR, '服务内容类型重复')
  else if (!list.every((t) => typeof t === 'number' && isSecondLevelService(ctx.tables, t))) {
    h.add(path, DOUYIN_FIELD_ERROR, '服务内容类型须为二级类型')
  }
}

function preApproval(h: HintList, ctx: FakeFilingContext, app: Json): void {
  const path = 'app_info.pre_approval_list'
  const list = Array.isArray(app.pre_approval_list) ? (app.pre_approval_list as unknown[]) : []
  if (typeof app.involve_pre_approval !== 'boolean')
    return h.add('app_info.involve_pre_approval', DOUYIN_FIELD_ERROR, '请说明是否涉及前置审批')
  if (!app.involve_pre_approval) {
    if (list.length) h.add(path, DOUYIN_FIELD_ERROR, '不涉及前置审批时不应填写前置审批项')
    return
  }
  if (!list.length) return h.add(path, DOUYIN_FIELD_ERROR, '请填写前置审批项')
  const items = list.map((x) => (x && typeof x === 'object' ? (x as Json) : {}))
  const ids = items.map((x) => String(x.pre_approval_item_id ?? ''))
  if (new Set(ids).size !== ids.length) return h.add(path, DOUYIN_FIELD_ERROR, '前置审批类型重复')
  items.forEach((x, i) => {
    if (!entry(ctx.tables.preApprovalItems, x.pre_approval_item_id))
      h.add(`${path}.${i}.pre_approval_item_id`, DOUYIN_FIELD_ERROR, '前置审批类型不存在')
    if (typeof x.pre_approval_number !== 'string' || !x.pre_approval_number.trim()) {
      h.add(`${path}.${i}.pre_approval_number`, DOUYIN_FIELD_ERROR, '请填写前置审批号')
    }
    const files = Array.isArray(x.pre_approval_files) ? x.pre_approval_files : []
    files.forEach((f, j) => h.media(pathOf(f), `${path}.${i}.pre_approval_files.${j}`, DOUYIN_FIELD_ERROR))
  })
}

function face(h: HintList, ctx: FakeFilingContext, app: Json, provinceCode: string): void {
  const path = 'app_info.facial_recognition_token'
  const token = typeof app.facial_recognition_token === 'string' ? app.facial_recognition_token : ''
  const check = token ? (ctx.faceCheck ? ctx.faceCheck(token) : { passed: true, expired: false }) : undefined
  if (!check) h.add(path, DOUYIN_FIELD_ERROR, '人证核验不存在，请先完成人证核验')
  else if (check.expired) h.add(path, DOUYIN_FIELD_ERROR, '人证核验已过期，请重新核验')
  else if (!check.passed) h.add(path, DOUYIN_FIELD_ERROR, '人证核验尚未通过')
  else if (check.provinceCode && check.provinceCode !== provinceCode) {
    h.add(path, DOUYIN_FIELD_ERROR, '人证核验的省份与主体所在省份不一致')
  }
}
