/**
 * What the two fakes' application validators share: the context (who the account is, which media and face checks
 * exist) and small readers over the untyped JSON body. Pure: p17-domain's property test calls the validators directly.
 */
import type { CodeEntry, PlatformCodeTables } from '../../cloud/platforms/filing-api'

export interface FakeFaceCheck {
  passed: boolean
  expired: boolean
  /** Douyin: the province the check was started for (must equal corp_info.province_code). */
  provinceCode?: string
}

export interface FakeFilingContext {
  /** The platform's code tables (default: the fake's fixtures, see fakeCodeTables). */
  tables: PlatformCodeTables
  /** The account's own subject name; absent: not checked. */
  accountSubjectName?: string
  /** Does this media id / path exist and belong to this app? Absent: any non-empty string is accepted. */
  mediaExists?: (id: string) => boolean
  /** The face check behind a task id / token; absent: any non-empty id counts as passed. */
  faceCheck?: (id: string) => FakeFaceCheck | undefined
}

export interface FakeHint {
  /** The platform's dotted field path. */
  field: string
  code: number
  message: string
}

export type FakeValidation = { ok: true } | { ok: false; hints: FakeHint[] }

type Json = Record<string, unknown>

/** Collects hints while walking one body. */
export class HintList {
  readonly hints: FakeHint[] = []
  constructor(private readonly ctx: FakeFilingContext) {}

  add(field: string, code: number, message: string): void {
    this.hints.push({ field, code, message })
  }

  /** A required object: returns it, or records a hint and returns {}. */
  object(parent: Json, key: string, path: string, code: number): Json {
    const v = parent[key]
    if (v && typeof v === 'object' && !Array.isArray(v)) return v as Json
    this.add(path, code, `缺少${path}`)
    return {}
  }

  text(parent: Json, key: string, path: string, code: number, label: string): string {
    const v = parent[key]
    if (typeof v === 'string' && v.trim()) return v.trim()
    this.add(path, code, `${label}不能为空`)
    return ''
  }

  media(id: unknown, path: string, code: number, required = true): void {
    if (id === undefined && !required) return
    if (typeof id !== 'string' || !id) return this.add(path, code, '缺少图片')
    if (this.ctx.mediaExists && !this.ctx.mediaExists(id)) this.add(path, code, '图片不存在或不属于该小程序')
  }

  result(): FakeValidation {
    return this.hints.length ? { ok: false, hints: this.hints } : { ok: true }
  }
}

/** Characters as people count them (a CJK character is one). */
export const charLength = (s: string) => [...s].length

export function entry(list: CodeEntry[], code: unknown): CodeEntry | undefined {
  const c = String(code ?? '')
  return c ? list.find((e) => e.code === c) : undefined
}

/** province → city → district, each the parent of the next. */
export function districtChainOk(tables: PlatformCodeTables, province: unknown, city: unknown, district: unknown) {
  const p = entry(tables.districts, province)
  const c = entry(tables.districts, city)
  const d = entry(tables.districts, district)
  return {
    province: !!p && !p.parentCode,
    city: !!c && c.parentCode === p?.code,
    district: !!d && d.parentCode === c?.code
  }
}

/** A second-level service content type (one with a parent). */
export const isSecondLevelService = (tables: PlatformCodeTables, code: unknown) =>
  !!entry(tables.serviceContentTypes, code)?.parentCode

export const MOBILE = /^1\d{10}$/
