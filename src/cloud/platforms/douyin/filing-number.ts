/** The Douyin 备案号 field of get_register_detail is UNCONFIRMED (douyin §8.3): the detail is searched for one. */
import { parseFilingNumber } from '../../../domain/validators/filing-number'

/** Depth-first: the first string anywhere in the detail that is a valid mini-program 备案号. */
export function findFilingNumber(value: unknown, depth = 0): string | undefined {
  if (depth > 6 || value === null || value === undefined) return undefined
  if (typeof value === 'string') {
    const parsed = parseFilingNumber(value)
    return parsed.ok && parsed.kind === 'miniprogram' ? parsed.normalized : undefined
  }
  if (typeof value !== 'object') return undefined
  for (const v of Array.isArray(value) ? value : Object.values(value)) {
    const found = findFilingNumber(v, depth + 1)
    if (found) return found
  }
  return undefined
}
