/**
 * Where a finding shows. An individual's person section stands for three form sections, so a finding on a copied
 * field (the mini-program principal's ID number…) shows on the field the person typed, once.
 */
import type { Finding, OwnerType } from '../types'

const INDIVIDUAL_FIELD: Record<string, string> = {
  name: 'owner.name',
  idType: 'owner.certificateType',
  idNumber: 'owner.certificateNumber',
  idValidUntil: 'owner.certificateValidUntil',
  mobile: 'ownerPrincipal.mobile',
  email: 'ownerPrincipal.email'
}

/** The field a path is typed in for this owner type (itself, except an individual's copied principal fields). */
export function shownFieldPath(path: string, ownerType: OwnerType | undefined): string {
  if (ownerType !== 'individual') return path
  const m = /^(ownerPrincipal|appPrincipal)\.(\w+)$/.exec(path)
  return (m && INDIVIDUAL_FIELD[m[2]]) || path
}

/** Findings moved to the fields the form shows, the same code on the same field once, order kept. */
export function findingsForLayout(findings: Finding[], ownerType: OwnerType | undefined): Finding[] {
  const seen = new Set<string>()
  const out: Finding[] = []
  for (const f of findings) {
    const field = shownFieldPath(f.field, ownerType)
    const key = `${field}\u0000${f.code}`
    if (seen.has(key)) continue
    seen.add(key)
    out.push(field === f.field ? f : { ...f, field })
  }
  return out
}
