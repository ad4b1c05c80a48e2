/** The empty filing form, and the one rule for a certificate's 有效期: a date, or 长期 for a permanent certificate. */
import type { FilingForm, FormSection, ValidUntil } from '../types'
import { isValidDate } from '../time'

/** The form's sections in the order of the platforms' filing pages. */
export const FORM_SECTIONS: readonly FormSection[] = [
  'owner',
  'ownerPrincipal',
  'miniProgram',
  'appPrincipal',
  'emergencyContact'
] as const

/** A new, empty form: every section present, no field filled. A fresh object each call. */
export function emptyFilingForm(): FilingForm {
  return { owner: {}, ownerPrincipal: {}, miniProgram: {}, appPrincipal: {}, emergencyContact: {} }
}

/** What a permanent certificate says in its validity field. */
export const PERMANENT_VALIDITY = '长期'

export type ValidUntilValue =
  { kind: 'empty' } | { kind: 'permanent' } | { kind: 'date'; date: string } | { kind: 'invalid'; text: string }

/** Reads a 有效期 field: '' → empty, 长期 → permanent, a real YYYY-MM-DD → date, anything else → invalid. */
export function parseValidUntil(value: ValidUntil | undefined): ValidUntilValue {
  const v = (value ?? '').trim()
  if (!v) return { kind: 'empty' }
  if (v === PERMANENT_VALIDITY) return { kind: 'permanent' }
  if (/^\d{4}-\d{2}-\d{2}$/.test(v) && isValidDate(v)) return { kind: 'date', date: v }
  return { kind: 'invalid', text: v }
}
