/**
 * Comparing and combining two versions of a filing's form: the conflict dialog, whether a draft is stale, and laying
 * one partial edit over a stored form.
 */
import type { FilingForm, FormSection } from '../types'
import { FORM_SECTIONS } from './empty'

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

const sectionOrder = (path: string) => FORM_SECTIONS.indexOf(path.split('.')[0] as FormSection)

/** The fields whose text differs between two forms, in form order (an empty text equals an absent field). */
export function diffForms(mine: FilingForm, theirs: FilingForm): FieldDifference[] {
  const a = flattenForm(mine)
  const b = flattenForm(theirs)
  const paths = [...new Set([...Object.keys(a), ...Object.keys(b)])]
  return paths
    .filter((p) => (a[p] ?? '') !== (b[p] ?? ''))
    .sort((x, y) => sectionOrder(x) - sectionOrder(y))
    .map((path) => ({ path, mine: a[path] ?? '', theirs: b[path] ?? '' }))
}

export function sameForm(a: FilingForm, b: FilingForm): boolean {
  return diffForms(a, b).length === 0
}

/** A partial edit: per section, the fields to set. `undefined` leaves a field as it is. */
export type FormPatch = { [S in FormSection]?: Partial<FilingForm[S]> }

/**
 * `patch` laid over `base`, field by field: a defined value in the patch wins, everything else stays. Values (lists,
 * the region) are replaced whole, never merged inside. Neither argument is changed.
 */
export function mergeForms(base: FilingForm, patch: FormPatch): FilingForm {
  const out = {} as Record<FormSection, Record<string, unknown>>
  for (const section of FORM_SECTIONS) {
    const merged: Record<string, unknown> = { ...(base[section] as Record<string, unknown> | undefined) }
    for (const [key, value] of Object.entries((patch[section] ?? {}) as Record<string, unknown>)) {
      if (value !== undefined) merged[key] = value
    }
    out[section] = merged
  }
  return out as unknown as FilingForm
}
