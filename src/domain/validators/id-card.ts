/**
 * 居民身份证号码, GB 11643-1999: 6-digit address code, 8-digit birth date, 3-digit sequence, ISO 7064 MOD 11-2 check
 * character (0–9 or X).
 */
import type { Check } from '../types'
import { NON_MAINLAND_ID_REGIONS, isMainlandProvince } from '../rules/regions'
import { isValidDate, todayInShanghai } from '../time'

export const ID_CARD_WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]
const CHECK_CHARS = '10X98765432'

export type IdCardCheck = Check & { birthDate?: string; regionCode?: string; gender?: 'male' | 'female' }

/** The check character for the first 17 digits. */
export function idCardCheckChar(first17: string): string {
  let sum = 0
  for (let i = 0; i < 17; i++) sum += (first17.charCodeAt(i) - 48) * ID_CARD_WEIGHTS[i]
  return CHECK_CHARS[sum % 11]
}

const fail = (code: string, message: string): IdCardCheck => ({ ok: false, code, message })

/** `today` ('YYYY-MM-DD') bounds the birth date; it defaults to today in Shanghai. */
export function validateIdCard(value: string, today?: string): IdCardCheck {
  const v = (value ?? '').trim()
  if (!v) return fail('ID_EMPTY', '请填写身份证号码')
  if (v.length === 15 && /^\d{15}$/.test(v))
    return fail('ID_LENGTH', '15位的第一代身份证已停止使用，请填写18位身份证号码')
  if (v.length !== 18) return fail('ID_LENGTH', `身份证号码应为18位，现在是${v.length}位`)
  if (!/^\d{17}[\dXx]$/.test(v)) return fail('ID_CHARSET', '身份证号码前17位应为数字，最后一位为数字或X')
  const regionCode = v.slice(0, 2)
  if (!isMainlandProvince(regionCode) && !(regionCode in NON_MAINLAND_ID_REGIONS)) {
    return fail('ID_REGION', `身份证号码开头的地区码“${v.slice(0, 6)}”不存在，请核对`)
  }
  const birthDate = `${v.slice(6, 10)}-${v.slice(10, 12)}-${v.slice(12, 14)}`
  if (!isValidDate(birthDate) || birthDate < '1900-01-01' || birthDate > (today ?? todayInShanghai())) {
    return fail('ID_BIRTH_DATE', `身份证号码中的出生日期“${v.slice(6, 14)}”不是有效日期，请核对`)
  }
  const expected = idCardCheckChar(v)
  if (v[17].toUpperCase() !== expected) {
    return fail('ID_CHECK_DIGIT', '身份证号码校验位不正确，可能有数字输错，请对照证件逐位核对')
  }
  return {
    ok: true,
    code: 'OK',
    message: '身份证号码格式正确',
    birthDate,
    regionCode,
    gender: (v.charCodeAt(16) - 48) % 2 === 1 ? 'male' : 'female'
  }
}

/** Upper-case X, trimmed: the form in which two ID numbers are compared. */
export function normalizeIdNumber(value: string | undefined): string {
  return (value ?? '').trim().toUpperCase()
}

/** Full years of age on `today` for a birth date. */
export function ageOn(birthDate: string, today: string): number {
  const years = +today.slice(0, 4) - +birthDate.slice(0, 4)
  return today.slice(5) >= birthDate.slice(5) ? years : years - 1
}
