/** The schema's limits on stored rejection reasons: at most 20, each at most 200 characters. */
export const MAX_REASONS = 20
export const MAX_REASON_LENGTH = 200

/** Picked catalogue labels first, then each non-empty line the user typed; no duplicates, within the limits. */
export function joinReasons(picked: string[], other: string): string[] {
  const typed = other
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter(Boolean)
    .map((l) => Array.from(l).slice(0, MAX_REASON_LENGTH).join(''))
  return [...new Set([...picked, ...typed])].slice(0, MAX_REASONS)
}
