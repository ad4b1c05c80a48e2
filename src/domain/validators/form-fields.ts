import type { FilingForm } from '../types'
import { validateIdCard } from './id-card'
import { validateMobile } from './mobile'
import { validateUscc } from './uscc'

const EMAIL = /^[^\s@]{1,64}@[^\s@]{1,100}\.[^\s@]{1,20}$/

/**
 * The identity fields a stored form must never hold malformed: certificate numbers (ID card / credit code by type),
 * ID numbers, phones and e-mails. Empty fields pass (a draft may be partial). Field path → Chinese messages.
 * The server refuses a form with any of these; the app holds such a form on the device instead of sending it.
 */
export function identityFieldErrors(form: FilingForm): Record<string, string[]> {
  const errors: Record<string, string[]> = {}
  const check = (
    path: string,
    value: string | undefined,
    validate: (v: string) => { ok: boolean; message: string }
  ) => {
    if (!value) return
    const result = validate(value)
    if (!result.ok) errors[path] = [result.message]
  }
  const email = (v: string) => ({ ok: EMAIL.test(v), message: '邮箱格式不正确' })
  const owner = form.owner
  if (owner.certificateType === 'id_card') check('owner.certificateNumber', owner.certificateNumber, validateIdCard)
  else if (owner.certificateType === 'business_license')
    check('owner.certificateNumber', owner.certificateNumber, validateUscc)
  for (const section of ['ownerPrincipal', 'appPrincipal'] as const) {
    const person = form[section]
    if (!person.idType || person.idType === 'id_card') check(`${section}.idNumber`, person.idNumber, validateIdCard)
    check(`${section}.mobile`, person.mobile, validateMobile)
    check(`${section}.email`, person.email, email)
  }
  check('emergencyContact.mobile', form.emergencyContact.mobile, validateMobile)
  return errors
}
