import { formatShanghai, isValidInstant } from '../../domain/time'
import type { SensitiveConsent } from '../../services/consent'

/** '你已于2026年11月4日同意（说明版本 …）': the day in China's time, whatever the phone's time zone. */
export function describeConsentDecision(c: SensitiveConsent): string {
  const date = isValidInstant(c.decidedAt) ? formatShanghai(c.decidedAt, 'YYYY年M月D日') : ''
  return `你已于${date}${c.agreed ? '同意' : '不同意'}（说明版本 ${c.version}）`
}
