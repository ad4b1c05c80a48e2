/**
 * The self-check form as the platforms' filing pages lay it out: sections, labels and hints, choice options,
 * dotted paths ↔ page ids, masks. Shared by the self-check page and its results page (pure TypeScript).
 */
import { maskSensitiveField } from '../../domain/masking'
import {
  SENSITIVE_FIELD_PATHS,
  type FilingForm,
  type Finding,
  type FormSection,
  type PersonForm,
  type SensitiveFieldPath
} from '../../domain/types'

export interface SectionInfo {
  key: FormSection
  title: string
  /** Who or what the section is about, in a few words (results list, conflict rows). */
  short: string
  hint: string
}

/** In the platforms' order: 主办单位 → 主办单位负责人 → 小程序 → 小程序负责人 (+ 应急联系人). */
export const SECTIONS: SectionInfo[] = [
  { key: 'owner', title: '主办单位信息', short: '主办单位', hint: '与营业执照（个人为身份证）上的信息逐字一致' },
  {
    key: 'ownerPrincipal',
    title: '主办单位负责人信息',
    short: '主体负责人',
    hint: '多数省份要求是法定代表人；手机号须为本人实名'
  },
  { key: 'miniProgram', title: '小程序信息', short: '小程序', hint: '名称须与主体的经营范围相符，备注写清真实业务' },
  {
    key: 'appPrincipal',
    title: '小程序负责人信息',
    short: '小程序负责人',
    hint: '实际运营小程序的人，将完成人脸核身'
  },
  {
    key: 'emergencyContact',
    title: '应急联系人',
    short: '应急联系人',
    hint: '负责人联系不上时，平台或管局会联系此人'
  }
]

export const SECTION_BY_KEY = Object.fromEntries(SECTIONS.map((s) => [s.key, s])) as Record<FormSection, SectionInfo>

export function isFormSection(value: unknown): value is FormSection {
  return typeof value === 'string' && value in SECTION_BY_KEY
}

const PERSON_LABELS = {
  name: '姓名',
  idType: '证件类型',
  idNumber: '证件号码',
  idValidUntil: '证件有效期',
  mobile: '手机号码',
  email: '电子邮箱'
}

const FIELD_LABELS: Record<string, string> = {
  'owner.name': '主办单位名称',
  'owner.certificateType': '主办单位证件类型',
  'owner.certificateNumber': '主办单位证件号码',
  'owner.certificateValidUntil': '证件有效期',
  'owner.region': '所在地区',
  'owner.region.province': '省份',
  'owner.region.city': '市',
  'owner.region.district': '区县',
  'owner.address': '通讯地址',
  'owner.certificateAddress': '证件住所',
  'owner.businessScope': '经营范围',
  ...Object.fromEntries(Object.entries(PERSON_LABELS).map(([k, v]) => [`ownerPrincipal.${k}`, v])),
  ...Object.fromEntries(Object.entries(PERSON_LABELS).map(([k, v]) => [`appPrincipal.${k}`, v])),
  'miniProgram.name': '小程序名称',
  'miniProgram.description': '备注（服务内容）',
  'miniProgram.serviceTypes': '服务内容类型',
  'miniProgram.preApproval': '前置审批',
  'miniProgram.preApprovals': '前置审批文件',
  'emergencyContact.name': '姓名',
  'emergencyContact.mobile': '手机号码'
}

/** The field's label; entries of a list get the list's label and their own ('前置审批文件 2 · 审批文号'). */
export function fieldLabel(path: string): string {
  if (FIELD_LABELS[path]) return FIELD_LABELS[path]
  const entry = /^miniProgram\.preApprovals\.(\d+)\.(\w+)$/.exec(path)
  if (entry) return `前置审批文件 ${+entry[1] + 1} · ${entry[2] === 'approvalNumber' ? '审批文号' : '文件名称'}`
  const parent = path.split('.').slice(0, -1).join('.')
  return parent ? fieldLabel(parent) : path
}

/** '主体负责人 · 证件号码' */
export function fullFieldLabel(path: string): string {
  const section = sectionOfPath(path)
  return section ? `${SECTION_BY_KEY[section].short} · ${fieldLabel(path)}` : fieldLabel(path)
}

export function sectionOfPath(path: string): FormSection | undefined {
  const head = path.split('.')[0]
  return isFormSection(head) ? head : undefined
}

/** 'ownerPrincipal.idNumber' → 'ownerPrincipal-idNumber': the stable part of the page's class names and ids. */
export function fieldSlug(path: string): string {
  return path.replace(/[^A-Za-z0-9]+/g, '-')
}

/** The element id of a field's block, for scrolling to it. */
export function fieldDomId(path: string): string {
  return `field-${fieldSlug(path)}`
}

export function isSensitivePath(path: string): path is SensitiveFieldPath {
  return (SENSITIVE_FIELD_PATHS as readonly string[]).includes(path)
}

/** How a sensitive value is shown once entered: the domain's mask, the same the server uses. */
export const maskSensitive = maskSensitiveField

/** A value for display where it could be sensitive (conflict rows, read-only views). */
export function displayValue(path: string, value: string, form?: FilingForm): string {
  return isSensitivePath(path) ? maskSensitive(path, value, form) : value
}

export const ID_TYPE_OPTIONS: { value: NonNullable<PersonForm['idType']>; label: string }[] = [
  { value: 'id_card', label: '居民身份证' },
  { value: 'passport', label: '护照' },
  { value: 'hk_macao_pass', label: '港澳居民来往内地通行证' },
  { value: 'taiwan_pass', label: '台湾居民来往大陆通行证' },
  { value: 'other', label: '其他' }
]

/**
 * Common service-content types. The platforms serve the full list from their own API and it changes; these are
 * the usual ones, and a value already in the form is always offered too.
 */
export const SERVICE_TYPE_OPTIONS = [
  '工具',
  '商务服务',
  '生活服务',
  '餐饮',
  '电商平台',
  '旅游',
  '交通出行',
  '物流服务',
  '房地产',
  '汽车',
  '体育',
  '文娱',
  '社交',
  '信息查询',
  '企业管理',
  '政务民生',
  '教育',
  '医疗',
  '金融',
  '其他'
]

export const PERMANENT = '长期'

/**
 * A date as people type it → 'YYYY-MM-DD' ('2035/3/12', '2035.03.12', '2035年3月12日', '20350312'); anything else
 * is returned trimmed, for the self-check to flag.
 */
export function normalizeDateInput(value: string): string {
  const v = value.trim()
  if (v === PERMANENT) return v
  const compact = /^(\d{4})(\d{2})(\d{2})$/.exec(v)
  const loose = /^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?$/.exec(v)
  const m = compact ?? loose
  if (!m) return v
  return `${m[1]}-${m[2].padStart(2, '0')}-${m[3].padStart(2, '0')}`
}

// ---- reading and writing by dotted path ----

export function getPath(form: FilingForm, path: string): unknown {
  let node: unknown = form
  for (const k of path.split('.')) {
    if (node === null || typeof node !== 'object') return undefined
    node = (node as Record<string, unknown>)[k]
  }
  return node
}

export function getText(form: FilingForm, path: string): string {
  const v = getPath(form, path)
  return typeof v === 'string' ? v : ''
}

/** A copy of `form` with `value` at `path` (intermediate objects and array entries copied, never shared). */
export function setPath(form: FilingForm, path: string, value: unknown): FilingForm {
  const keys = path.split('.')
  const put = (node: unknown, i: number): unknown => {
    const k = keys[i]
    const index = /^\d+$/.test(k) ? +k : undefined
    const copy: Record<string, unknown> | unknown[] = Array.isArray(node)
      ? [...node]
      : { ...((node as Record<string, unknown>) ?? {}) }
    const current = index !== undefined && Array.isArray(copy) ? copy[index] : (copy as Record<string, unknown>)[k]
    const next = i === keys.length - 1 ? value : put(current, i + 1)
    if (index !== undefined && Array.isArray(copy)) copy[index] = next
    else (copy as Record<string, unknown>)[k] = next
    return copy
  }
  return put(form, 0) as FilingForm
}

/**
 * Findings by the field block that shows them: the longest rendered path that is the finding's own path or a
 * parent of it. Findings no block claims are returned under ''.
 */
export function findingsByField(findings: Finding[], rendered: string[]): Map<string, Finding[]> {
  const out = new Map<string, Finding[]>()
  const sorted = [...rendered].sort((a, b) => b.length - a.length)
  for (const f of findings) {
    const owner = sorted.find((p) => f.field === p || f.field.startsWith(`${p}.`)) ?? ''
    out.set(owner, [...(out.get(owner) ?? []), f])
  }
  return out
}

export const SEVERITY_LABELS = { error: '错误', warning: '警告', info: '提示' } as const
