/** One person's identity (name, ID, validity, mobile, email), as the owner's and the mini-program's principal give it. */
import type { PersonForm } from '../types'
import { marginRequirement, marginText } from '../checklist/material-item'
import type { PlatformRules } from '../rules/platforms'
import { bureauShortName, type ProvinceRules } from '../rules/provinces'
import { addMonths, isValidDate } from '../time'
import { ageOn, validateIdCard } from '../validators/id-card'
import { validateMobile } from '../validators/mobile'
import { blank, MIN_AGE, PERMANENT, PERSON_LABEL, type Findings, type PersonSection } from './findings'

const EMAIL_RE = /^[^@\s]+@[^@\s]+\.[^@\s]+$/

export function checkValidUntil(
  out: Findings,
  field: string,
  label: string,
  value: string | undefined,
  platform: PlatformRules,
  today: string
): void {
  const v = (value ?? '').trim()
  if (!v) {
    out.add(
      field,
      'error',
      'REQUIRED',
      `请填写${label}有效期截止日期`,
      `按证件原样填写截止日期；长期有效的填“${PERMANENT}”`
    )
    return
  }
  if (v === PERMANENT) return
  if (!isValidDate(v)) {
    out.add(
      field,
      'error',
      'VALID_UNTIL_FORMAT',
      `${label}有效期“${v}”不是有效日期`,
      `按 YYYY-MM-DD 填写，例如 2030-06-01；长期有效的填“${PERMANENT}”`
    )
    return
  }
  if (v < today) {
    out.add(field, 'error', 'CERT_EXPIRED', `${label}已于${v}过期`, '先换发新证件，再用新证件的信息和照片备案')
    return
  }
  const { months, strict, published } = platform.certificateMargin
  const limit = addMonths(today, months)
  if (strict ? v <= limit : v < limit) {
    // An unpublished margin is our suggestion, not the platform's rule: a warning, worded as such
    out.add(
      field,
      published ? 'error' : 'warning',
      'CERT_VALIDITY_MARGIN',
      `${marginRequirement(platform)}，${label}${v}到期，${published ? '不满足要求' : '不满足建议'}`,
      published ? '先换发新证件再备案，否则平台初审会驳回' : '如条件允许，先换发新证件再备案，避免被驳回'
    )
    return
  }
  // The provincial review may take up to 20 working days (about a month) after the submission
  if (v <= addMonths(limit, 1)) {
    out.add(
      field,
      'warning',
      'CERT_EXPIRES_DURING_FILING',
      `${label}${v}到期，备案审核期间剩余有效期可能不足${marginText(platform)}${platform.certificateMargin.published ? '' : `（${platform.shortName}未公布要求，这是建议）`}`,
      '如条件允许，先换发新证件再提交，避免审核中途被驳回'
    )
  }
}

export function checkName(out: Findings, field: string, label: string, name: string | undefined): boolean {
  if (blank(name)) {
    out.add(field, 'error', 'REQUIRED', `请填写${label}姓名`, '按身份证上的姓名填写')
    return false
  }
  if (/[0-9@#$%&*]/.test(name!)) {
    out.add(field, 'error', 'NAME_FORMAT', `${label}姓名含有数字或符号`, '按身份证上的姓名原样填写')
  }
  return true
}

export function checkMobile(out: Findings, field: string, label: string, mobile: string | undefined): void {
  const c = validateMobile(mobile ?? '')
  if (!c.ok)
    out.add(
      field,
      'error',
      c.code === 'MOBILE_EMPTY' ? 'REQUIRED' : c.code,
      `${label}：${c.message}`,
      '填写本人实名的大陆手机号，并保持畅通以便接听审核电话'
    )
}

/** The ID region code when the number is a valid ID card, else undefined. */
export function checkPerson(
  out: Findings,
  section: PersonSection,
  person: Partial<PersonForm>,
  platform: PlatformRules,
  province: ProvinceRules | undefined,
  today: string
): string | undefined {
  const label = PERSON_LABEL[section]
  checkName(out, `${section}.name`, label, person.name)
  let regionCode: string | undefined
  const idType = person.idType ?? 'id_card'
  if (blank(person.idNumber)) {
    out.add(`${section}.idNumber`, 'error', 'REQUIRED', `请填写${label}证件号码`, '按证件原样填写')
  } else if (idType === 'id_card') {
    const c = validateIdCard(person.idNumber!, today)
    if (!c.ok) {
      out.add(`${section}.idNumber`, 'error', c.code, `${label}：${c.message}`, '对照身份证原件逐位核对号码')
    } else {
      regionCode = c.regionCode
      if (c.birthDate && ageOn(c.birthDate, today) < MIN_AGE) {
        out.add(
          `${section}.idNumber`,
          'error',
          'PRINCIPAL_UNDER_18',
          `${label}未满${MIN_AGE}周岁，不能担任负责人`,
          '改由年满18周岁的人担任负责人'
        )
      }
    }
  }
  checkValidUntil(out, `${section}.idValidUntil`, `${label}证件`, person.idValidUntil, platform, today)
  checkMobile(out, `${section}.mobile`, `${label}手机号`, person.mobile)
  if (province?.localMobileRequired && !blank(person.mobile)) {
    out.add(
      `${section}.mobile`,
      'info',
      'LOCAL_MOBILE_REQUIRED',
      `${bureauShortName(province.code)}要求负责人使用${province.shortName}本地手机号码`,
      `确认该号码归属地为${province.shortName}，否则换用本地号码`
    )
  }
  if (!blank(person.email) && !EMAIL_RE.test(person.email!.trim())) {
    out.add(
      `${section}.email`,
      'error',
      'EMAIL_FORMAT',
      `${label}的电子邮箱格式不正确`,
      '填写常用邮箱，例如 name@example.com'
    )
  }
  return regionCode
}
