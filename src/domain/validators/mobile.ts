/** Mainland mobile numbers: 11 digits starting 13–19 (an optional +86 / 0086 prefix and separators are tolerated). */
import type { Check } from '../types'

/** Digits only, without the country code: the form in which two numbers are compared. */
export function normalizeMobile(value: string | undefined): string {
  const digits = (value ?? '').replace(/[\s\-()（）]/g, '')
  return digits.replace(/^(\+86|0086|86)(?=1\d{10}$)/, '')
}

export function validateMobile(value: string): Check {
  const raw = (value ?? '').trim()
  if (!raw) return { ok: false, code: 'MOBILE_EMPTY', message: '请填写手机号码' }
  const v = normalizeMobile(raw)
  if (!/^\d+$/.test(v)) return { ok: false, code: 'MOBILE_FORMAT', message: '手机号码只能包含数字' }
  if (v.length !== 11) return { ok: false, code: 'MOBILE_LENGTH', message: `手机号码应为11位，现在是${v.length}位` }
  if (!/^1[3-9]\d{9}$/.test(v)) {
    return {
      ok: false,
      code: 'MOBILE_FORMAT',
      message: '这不是中国大陆手机号码（应以13至19开头），请填写本人的大陆手机号'
    }
  }
  return { ok: true, code: 'OK', message: '手机号码格式正确' }
}
