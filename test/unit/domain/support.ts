/**
 * Inverses and counters the domain itself never needs, kept here so property tests can check the domain's answers
 * without shipping them in the app.
 */
import { dateToDayNumber, dayNumberToDate, isWorkingDay } from '../../../src/domain'

/** Working days after `from` up to and including `to` (0 when `to` is not after `from`). */
export function workingDaysBetween(from: string, to: string): number {
  let count = 0
  for (let d = dateToDayNumber(from) + 1, end = dateToDayNumber(to); d <= end; d++) {
    if (isWorkingDay(dayNumberToDate(d))) count++
  }
  return count
}

/** Undoes RFC 5545 TEXT escaping (`\\`, `\;`, `\,`, `\n`/`\N`). */
export function unescapeIcsText(value: string): string {
  return value.replace(/\\([\\;,nN])/g, (_m, c: string) => (c === 'n' || c === 'N' ? '\n' : c))
}
