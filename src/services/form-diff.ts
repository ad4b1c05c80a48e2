/** Comparing two versions of a filing's form field by field (the conflict dialog, and whether a draft is stale). */
import type { FilingForm } from '../domain/types'

/** The form's sections in form order. */
export const FORM_SECTIONS = ['owner', 'ownerPrincipal', 'miniProgram', 'appPrincipal', 'emergencyContact'] as const

/** Every leaf of a form as 'dotted.path' → text (lists of words joined, lists of entries by index). */
export function flattenForm(form: FilingForm): Record<string, string> {
  const out: Record<string, string> = {}
  const walk = (value: unknown, path: string) => {
    if (value === undefined || value === null) return
    if (Array.isArray(value)) {
      if (value.every((v) => typeof v !== 'object' || v === null)) out[path] = value.join('、')
      else value.forEach((v, i) => walk(v, `${path}.${i}`))
    } else if (typeof value === 'object') {
      for (const [k, v] of Object.entries(value)) walk(v, path ? `${path}.${k}` : k)
    } else out[path] = String(value)
  }
  walk(form, '')
  return out
}

export interface FieldDifference {
  path: string
  mine: string
  theirs: string
}

/** The fields whose text differs between two forms, in form order. */
export function diffForms(mine: FilingForm, theirs: FilingForm): FieldDifference[] {
  const a = flattenForm(mine)
  const b = flattenForm(theirs)
  const paths = [...new Set([...Object.keys(a), ...Object.keys(b)])]
  const order = (p: string) => FORM_SECTIONS.indexOf(p.split('.')[0] as (typeof FORM_SECTIONS)[number])
  return paths
    .filter((p) => (a[p] ?? '') !== (b[p] ?? ''))
    .sort((x, y) => order(x) - order(y))
    .map((path) => ({ path, mine: a[path] ?? '', theirs: b[path] ?? '' }))
}

export function sameForm(a: FilingForm, b: FilingForm): boolean {
  return diffForms(a, b).length === 0
}
