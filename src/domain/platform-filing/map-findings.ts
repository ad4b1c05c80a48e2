/** The findings a mapping collects, and the small value helpers both mappers share. */
import { addMonths, isValidDate, todayInShanghai } from '../time'
import type { Finding, PersonForm } from '../types'
import { charCount } from '../self-check/findings'
import { ageOn, validateIdCard } from '../validators/id-card'
import { normalizeMobile } from '../validators/mobile'
import type { CodeEntry } from './code-tables'
import { mediaSlotLabel, type MediaSlot } from './media-slots'
import type { SubmissionInput } from './payload-types'

/** Codes of the findings that readiness reports in its own words (photos not uploaded, face check not done). */
export const MEDIA_MISSING = 'MEDIA_MISSING'
export const FACE_TASK_MISSING = 'FACE_TASK_MISSING'

export class MapFindings {
  list: Finding[] = []
  add(field: string, code: string, message: string, fix: string, options?: readonly CodeEntry[]): void {
    if (this.list.some((f) => f.field === field && f.code === code)) return
    const f: Finding = { field, severity: 'error', code, message, fix }
    if (options?.length) f.options = options.map((o) => ({ code: o.code, name: o.name }))
    this.list.push(f)
  }
}

export const trimmed = (v: string | undefined): string => (v ?? '').trim()

/** The value, or '' after a REQUIRED finding. */
export function required(out: MapFindings, field: string, value: string | undefined, label: string, fix: string) {
  const v = trimmed(value)
  if (!v) out.add(field, 'REQUIRED', `平台要求填写${label}`, fix)
  return v
}

/** A required mobile number as the platforms take it: 11 digits, no +86, no separators. */
export function requiredMobile(out: MapFindings, field: string, value: string | undefined, label: string): string {
  return normalizeMobile(required(out, field, value, label, '填写本人实名的大陆手机号'))
}

/** 备注: WeChat publishes 20–200 characters; Douyin publishes nothing, and we hold it to the same rule. */
export const COMMENT_LENGTH = { min: 20, max: 200 }

export function checkedComment(out: MapFindings, value: string | undefined, platformName: string): string {
  const comment = trimmed(value)
  const n = charCount(comment)
  if (!comment) {
    out.add(
      'miniProgram.description',
      'REQUIRED',
      '平台要求填写备注（服务内容）',
      '用20–200个字写清提供什么服务、面向谁'
    )
  } else if (n < COMMENT_LENGTH.min || n > COMMENT_LENGTH.max) {
    out.add(
      'miniProgram.description',
      'DESCRIPTION_LENGTH',
      `备注现在${n}个字，${platformName}要求${COMMENT_LENGTH.min}–${COMMENT_LENGTH.max}个字`,
      n < COMMENT_LENGTH.min ? '补充具体的服务内容、服务对象和主要功能' : `精简到${COMMENT_LENGTH.max}个字以内`
    )
  }
  return comment
}

/** A code table's code as the number the platforms' bodies carry. */
export function numericCode(entry: CodeEntry | undefined): number {
  const n = entry ? Number(entry.code) : NaN
  return Number.isFinite(n) ? n : 0
}

/** The uploaded media id of a slot, or '' after a MEDIA_MISSING finding. */
export function mediaId(out: MapFindings, input: SubmissionInput, slot: MediaSlot): string {
  const id = trimmed(input.media[slot])
  if (!id) out.add(`media.${slot}`, MEDIA_MISSING, `还没有上传${mediaSlotLabel(slot)}`, '在提交页选择照片并上传')
  return id
}

export type PersonSection = 'ownerPrincipal' | 'appPrincipal'
const PERSON_LABEL: Record<PersonSection, string> = { ownerPrincipal: '主体负责人', appPrincipal: '小程序负责人' }

/**
 * The start of an ID card's validity from its end and the holder's birth date: a card issued before 16 runs 5
 * years, 16–25 ten, 26–45 twenty, so at most one of the three fits. Undefined when none does (or 长期).
 */
export function idCardValidFrom(idNumber: string, validUntil: string, today: string): string | undefined {
  if (!isValidDate(validUntil)) return undefined
  const id = validateIdCard(idNumber, today)
  if (!id.ok || !id.birthDate) return undefined
  const fits: [number, number, number][] = [
    [5, 0, 15],
    [10, 16, 25],
    [20, 26, 45]
  ]
  for (const [years, minAge, maxAge] of fits) {
    const start = addMonths(validUntil, -12 * years)
    const age = ageOn(id.birthDate, start)
    if (age >= minAge && age <= maxAge && start <= today) return start
  }
  return undefined
}

export interface Validity {
  /** 'YYYY-MM-DD' */
  start: string
  /** 'YYYY-MM-DD' or 长期 */
  end: string
}

/** A principal's certificate validity: the end from the form, the start from the extras or derived from the ID. */
export function personValidity(out: MapFindings, input: SubmissionInput, section: PersonSection): Validity {
  const person: Partial<PersonForm> = input.form[section]
  const label = PERSON_LABEL[section]
  const today = input.today ?? todayInShanghai()
  const end = trimmed(person.idValidUntil)
  if (end !== '长期' && !isValidDate(end)) {
    out.add(
      `${section}.idValidUntil`,
      'REQUIRED',
      `平台要求填写${label}证件有效期`,
      '按 YYYY-MM-DD 填写，长期有效的填“长期”'
    )
  }
  const extraField = section === 'ownerPrincipal' ? 'ownerPrincipalIdValidFrom' : 'appPrincipalIdValidFrom'
  const given = trimmed(input.extras?.[extraField])
  let start = isValidDate(given) ? given : undefined
  if (!start && (person.idType ?? 'id_card') === 'id_card') {
    start = idCardValidFrom(trimmed(person.idNumber), end, today)
  }
  if (!start || start > today || (isValidDate(end) && start >= end)) {
    out.add(
      `extras.${extraField}`,
      'VALID_FROM_NEEDED',
      `平台要求填写${label}证件有效期的起始日期${given ? `，“${given}”不是有效的起始日期` : ''}`,
      '按证件背面有效期的起始日期填写（YYYY-MM-DD）'
    )
    return { start: '', end }
  }
  return { start, end }
}

export const personLabel = (section: PersonSection): string => PERSON_LABEL[section]
