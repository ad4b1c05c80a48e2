/**
 * Which of the user's filings most needs them now, for 材料 (which otherwise shows whichever filing was opened
 * last): an open 12381 SMS window first (the nearest deadline first), then a filing sent back. When none needs
 * acting on, the filing the user was working on stays (a filing the wizard just made, say).
 */
import type { Stage } from '../domain/types'
import type { FilingSummary } from './api-types'

const URGENCY: Record<Stage, number> = {
  sms_verification: 0,
  platform_rejected: 1,
  admin_rejected: 1,
  sms_expired: 1,
  draft: 2,
  platform_review: 3,
  admin_review: 3,
  approved: 4,
  cancelled: 5
}

/** The filing someone must act on now (an SMS window, a filing sent back), or undefined when none must. */
export function mostUrgentFiling(filings: FilingSummary[]): FilingSummary | undefined {
  const first = [...filings].sort(
    (a, b) =>
      URGENCY[a.stage] - URGENCY[b.stage] ||
      (a.smsDeadline ?? '9999').localeCompare(b.smsDeadline ?? '9999') ||
      b.updatedAt.localeCompare(a.updatedAt)
  )[0]
  return first && URGENCY[first.stage] <= 1 ? first : undefined
}
