/** The 12381 SMS window's remaining time, as the countdown shows it. Pure: the caller passes the clock. */

/**
 * Under this much time left the countdown turns red: the same moment as the last reminder before the deadline
 * (20 hours after the text arrived), so the screen and the message agree that it is now urgent.
 */
export const URGENT_MS = 4 * 3600_000

export interface Remaining {
  /** The deadline has passed. */
  overdue: boolean
  /** Less than URGENT_MS left. */
  urgent: boolean
  /** `HH:MM:SS` (hours may exceed 24 when the deadline is far off), or 已超时. */
  text: string
}

const pad2 = (n: number) => String(n).padStart(2, '0')

export function remainingUntil(deadlineMs: number, nowMs: number): Remaining {
  const left = deadlineMs - nowMs
  if (!(left > 0)) return { overdue: true, urgent: true, text: '已超时' }
  // rounded down: a countdown must never promise more time than is left
  const seconds = Math.floor(left / 1000)
  const h = Math.floor(seconds / 3600)
  const m = Math.floor((seconds % 3600) / 60)
  const s = seconds % 60
  return { overdue: false, urgent: left < URGENT_MS, text: `${pad2(h)}:${pad2(m)}:${pad2(s)}` }
}
