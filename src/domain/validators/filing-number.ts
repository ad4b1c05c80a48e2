/**
 * ICP filing numbers: owner `京ICP备2026059598号`, website `-N`, app `-NA`, mini-program `-NX`, and the licence form
 * used by owners holding an ICP licence (`粤B2-20090059-1626X`). Four provinces appear with two abbreviations.
 */
import { PROVINCE_BY_ABBR } from '../rules/regions'

export type FilingNumberKind = 'owner' | 'website' | 'app' | 'miniprogram'

export interface ParsedFilingNumber {
  ok: boolean
  kind?: FilingNumberKind
  /** Two-digit province code. */
  province?: string
  /** The abbreviation as written (蜀 stays 蜀). */
  provinceAbbr?: string
  /** The owner's number: the digits of `…ICP备…号`, or the licence number `B2-20090059`. */
  ownerNumber?: string
  /** Service index after the dash. */
  index?: number
  /** The number written in its canonical form. */
  normalized?: string
  code?: string
  message?: string
}

const ABBRS = Object.keys(PROVINCE_BY_ABBR).join('')
const ICP_RE = new RegExp(`^([${ABBRS}])ICP备(\\d{6,10})号(?:-([1-9]\\d{0,4})([AX])?)?$`)
const LICENCE_RE = new RegExp(`^([${ABBRS}])(B[12]-\\d{8})(?:-([1-9]\\d{0,4})([AX])?)?$`)

const SUFFIX_KIND: Record<string, FilingNumberKind> = { '': 'website', A: 'app', X: 'miniprogram' }

export function parseFilingNumber(value: string): ParsedFilingNumber {
  const v = (value ?? '')
    .replace(/\s+/g, '')
    .replace(/[－—–‐]/g, '-')
    .replace(/icp/i, 'ICP')
    .replace(/(\d)[ax]$/, (_m, d: string) => d + _m.slice(-1).toUpperCase())
    .replace(/^(.)b([12])-/, '$1B$2-')
  if (!v) return { ok: false, code: 'FILING_NUMBER_EMPTY', message: '请填写备案号' }
  const first = v[0]
  if (!(first in PROVINCE_BY_ABBR)) {
    return {
      ok: false,
      code: 'FILING_NUMBER_PROVINCE',
      message: `备案号应以省份简称开头（如“京”“粤”），“${first}”不是省份简称`
    }
  }
  const m = ICP_RE.exec(v) ?? LICENCE_RE.exec(v)
  if (!m) {
    return {
      ok: false,
      code: 'FILING_NUMBER_FORMAT',
      message: '备案号格式不正确：小程序备案号形如“京ICP备2026059598号-1X”，请从备案成功的短信或邮件中复制'
    }
  }
  const [, abbr, ownerNumber, index, suffix] = m
  return {
    ok: true,
    kind: index === undefined ? 'owner' : SUFFIX_KIND[suffix ?? ''],
    province: PROVINCE_BY_ABBR[abbr],
    provinceAbbr: abbr,
    ownerNumber,
    index: index === undefined ? undefined : Number(index),
    normalized: v,
    code: 'OK',
    message: '备案号格式正确'
  }
}
