/**
 * The platforms' code tables (districts, subject types, certificate types, service content types, 前置审批 items),
 * normalised to strings, and the one place our form's values are looked up in them. The tables are fetched from each
 * platform and change from time to time, so nothing here knows a code: every lookup goes by the platform's own names
 * (or, for regions, by the GB/T 2260 prefix the codes carry).
 */
import type { PlatformId } from '../types'

export type SubmissionPlatform = 'wechat' | 'douyin'

/** One row of a code table. `parentCode`: a city's province, a district's city, a second-level type's first level,
 * a certificate type's subject type. */
export interface CodeEntry {
  code: string
  name: string
  parentCode?: string
}

export interface PlatformCodeTables {
  platform: SubmissionPlatform
  /** ISO instant the tables were fetched. */
  fetchedAt: string
  /** Provinces (no parent), cities (parent = province), districts (parent = city), flattened. */
  districts: CodeEntry[]
  subjectTypes: CodeEntry[]
  /** parentCode = the subject type that may use it. */
  certificateTypes: CodeEntry[]
  /** First level without parentCode; only second-level entries (with parentCode) can be submitted. */
  serviceContentTypes: CodeEntry[]
  preApprovalItems: CodeEntry[]
  /**
   * Douyin lists the principals' certificate types separately (query_incharge_people_credentials_type_list). When
   * absent, the certificate types of the 个人 subject type are used.
   */
  principalCertificateTypes?: CodeEntry[]
}

/** Our platform ids → the connector's. Alipay has no filing API. */
export function submissionPlatformOf(platform: PlatformId): SubmissionPlatform | undefined {
  if (platform === 'weapp') return 'wechat'
  if (platform === 'tt') return 'douyin'
  return undefined
}

/** Names compared without spaces, brackets and their content, so 营业执照(个人或企业) matches 营业执照. */
export function normaliseName(name: string): string {
  return name
    .replace(/[（(][^）)]*[）)]/g, '')
    .replace(/[\s·・]/g, '')
    .trim()
}

/**
 * The first entry whose name fits one of the candidate names, tried in order: equal after normalising, then an
 * entry name that begins with the candidate.
 */
export function findByName(entries: readonly CodeEntry[], candidates: readonly string[]): CodeEntry | undefined {
  for (const c of candidates) {
    const n = normaliseName(c)
    if (!n) continue
    const exact = entries.find((e) => normaliseName(e.name) === n)
    if (exact) return exact
  }
  for (const c of candidates) {
    const n = normaliseName(c)
    if (!n) continue
    const prefix = entries.find((e) => normaliseName(e.name).startsWith(n))
    if (prefix) return prefix
  }
  return undefined
}

export function childrenOf(entries: readonly CodeEntry[], parentCode: string): CodeEntry[] {
  return entries.filter((e) => e.parentCode === parentCode)
}

export const provinces = (t: PlatformCodeTables): CodeEntry[] => t.districts.filter((e) => !e.parentCode)

export const secondLevelServiceTypes = (t: PlatformCodeTables): CodeEntry[] =>
  t.serviceContentTypes.filter((e) => !!e.parentCode && e.parentCode !== '0')

export const firstLevelServiceTypes = (t: PlatformCodeTables): CodeEntry[] =>
  t.serviceContentTypes.filter((e) => !e.parentCode || e.parentCode === '0')
