/** Masking of sensitive values for views and logs (the full values stay encrypted at rest). */
import type { FilingForm } from './types'

const stars = (n: number) => '*'.repeat(Math.max(0, n))

function keepEnds(v: string, head: number, tail: number): string {
  const chars = Array.from(v)
  if (chars.length <= head + tail) return stars(chars.length)
  return chars.slice(0, head).join('') + stars(chars.length - head - tail) + chars.slice(chars.length - tail).join('')
}

/** '110101199003071234' → '110***********1234' */
export function maskIdNumber(v: string): string {
  return keepEnds((v ?? '').trim(), 3, 4)
}

/** '13800138000' → '138****8000' (a +86 prefix and separators are dropped first). */
export function maskMobile(v: string): string {
  const digits = (v ?? '').replace(/[\s\-()]/g, '').replace(/^(\+86|0086)/, '')
  return keepEnds(digits, 3, 4)
}

/** '91120116MA05K8QR2X' → '9112************2X': the type and province stay readable. */
export function maskUscc(v: string): string {
  return keepEnds((v ?? '').trim(), 4, 2)
}

/** Keeps the beginning of an address, never a number: '滨海新区海川路88号3栋' → '滨海新区海川****'. */
export function maskAddress(v: string): string {
  const chars = Array.from((v ?? '').trim())
  if (!chars.length) return ''
  const firstDigit = chars.findIndex((c) => /[0-9０-９]/.test(c))
  const keep = Math.min(6, Math.floor(chars.length / 2), firstDigit < 0 ? chars.length : firstDigit)
  return chars.slice(0, keep).join('') + '****'
}

/** An e-mail address: 'liming@example.com' → 'l*****@example.com'. */
export function maskEmail(v: string): string {
  const [user, domain] = (v ?? '').trim().split('@')
  if (!domain) return keepEnds(user ?? '', 1, 0)
  return `${user.slice(0, 1)}${stars(user.length - 1)}@${domain}`
}

/**
 * The mask of one sensitive form field (a `SENSITIVE_FIELD_PATHS` entry). The server masks its views with it and
 * recognises a mask sent back unchanged by it, and the app shows typed values with it: one function, so they agree.
 * The owner's certificate number is an ID card or a credit code depending on the form's certificate type.
 */
export function maskSensitiveField(path: string, value: string, form?: FilingForm): string {
  if (!value) return ''
  switch (path) {
    case 'owner.certificateNumber':
      return form?.owner.certificateType === 'id_card' ? maskIdNumber(value) : maskUscc(value)
    case 'owner.address':
    case 'owner.certificateAddress':
      return maskAddress(value)
    case 'ownerPrincipal.idNumber':
    case 'appPrincipal.idNumber':
      return maskIdNumber(value)
    case 'ownerPrincipal.email':
    case 'appPrincipal.email':
      return maskEmail(value)
    default:
      return maskMobile(value)
  }
}
