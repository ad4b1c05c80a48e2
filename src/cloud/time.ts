import dayjs from 'dayjs'
import { parseInstant, toShanghaiIso, toUtcIso } from '../domain/time'

/** Instants as the domain writes them: ISO 8601 with the Asia/Shanghai offset (+08:00). */
export function isoShanghai(date: Date): string {
  return toShanghaiIso(date.getTime())
}

export function addMs(date: Date, ms: number): Date {
  return dayjs(date).add(ms, 'millisecond').toDate()
}

/** Milliseconds of a stored ISO instant (NaN when unreadable, so a comparison with it is false). */
export function instantMs(iso: string): number {
  return parseInstant(iso)
}

/**
 * Instants are compared as strings in the store, so every stored instant uses one format: UTC with milliseconds.
 * (Stage history keeps the domain's +08:00 form; scheduling fields use this one.)
 */
export function isoUtc(date: Date): string {
  return toUtcIso(date.getTime())
}

/** Normalises any ISO instant (e.g. a reminder's +08:00 dueAt) to the comparable UTC form. */
export function toComparable(iso: string): string {
  return toUtcIso(iso)
}
