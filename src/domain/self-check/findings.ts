/** The findings list every check writes into, and the small helpers the checks share. */
import type { Finding, Severity } from '../types'

export type PersonSection = 'ownerPrincipal' | 'appPrincipal'

export const PERSON_LABEL: Record<PersonSection, string> = {
  ownerPrincipal: '主体负责人',
  appPrincipal: '小程序负责人'
}
export const PERMANENT = '长期'
export const MIN_AGE = 18

/** Findings in the order they were found; the same code on the same field is reported once. */
export class Findings {
  list: Finding[] = []
  add(field: string, severity: Severity, code: string, message: string, fix: string): void {
    for (const f of this.list) if (f.field === field && f.code === code) return
    this.list.push({ field, severity, code, message, fix })
  }
}

export const blank = (v: string | undefined): boolean => !v || !v.trim()
export const charCount = (v: string): number => Array.from(v).length
