/**
 * Dates and instants in China's time (Asia/Shanghai), all through dayjs in UTC mode. China has had no daylight saving
 * time since 1991, so a fixed +08:00 offset is exact: an instant is shifted by eight hours and read with dayjs's UTC
 * getters, never the device's local-time ones, so neither the phone's time zone nor `Intl` time-zone data matter.
 */
import dayjs, { type Dayjs } from 'dayjs'
import utc from 'dayjs/plugin/utc'

dayjs.extend(utc)

export const SHANGHAI_OFFSET_MS = 8 * 3_600_000
const DAY_MS = 86_400_000

const DATE_RE = /^(\d{4})-(\d{2})-(\d{2})$/
const OFFSET_RE = /(Z|[+-]\d{2}:?\d{2})$/i
const DATE_FORMAT = 'YYYY-MM-DD'

/** A 'YYYY-MM-DD' date as a dayjs value at UTC midnight (calendar arithmetic, no time zone involved). */
function calendarDay(date: string): Dayjs {
  if (!DATE_RE.test(date)) throw new RangeError(`日期格式应为 YYYY-MM-DD：${date}`)
  return dayjs.utc(date)
}

/** The Shanghai wall clock of an instant, to be read and formatted in dayjs's UTC mode. */
function shanghaiWallClock(ms: number): Dayjs {
  return dayjs.utc(ms + SHANGHAI_OFFSET_MS)
}

function instantMs(instant: string | number): number {
  const ms = typeof instant === 'number' ? instant : parseInstant(instant)
  if (Number.isNaN(ms)) throw new RangeError(`无法识别的时间：${String(instant)}`)
  return ms
}

/** Whether `value` is a real calendar date written 'YYYY-MM-DD'. */
export function isValidDate(value: string): boolean {
  const m = DATE_RE.exec(value)
  if (!m) return false
  const mo = +m[2]
  const d = +m[3]
  return mo >= 1 && mo <= 12 && d >= 1 && d <= daysInMonth(+m[1], mo)
}

export function daysInMonth(year: number, month: number): number {
  return dayjs
    .utc(0)
    .year(year)
    .month(month - 1)
    .daysInMonth()
}

/** Days since 1970-01-01 for a 'YYYY-MM-DD' date. */
export function dateToDayNumber(date: string): number {
  return Math.round(calendarDay(date).valueOf() / DAY_MS)
}

export function dayNumberToDate(dayNumber: number): string {
  return dayjs.utc(dayNumber * DAY_MS).format(DATE_FORMAT)
}

export function addDays(date: string, n: number): string {
  return calendarDay(date).add(n, 'day').format(DATE_FORMAT)
}

/** Calendar months later, clamped to the month's end (2024-01-31 + 1 month = 2024-02-29). */
export function addMonths(date: string, n: number): string {
  return calendarDay(date).add(n, 'month').format(DATE_FORMAT)
}

/** 0 = Sunday … 6 = Saturday. */
export function dayOfWeek(date: string): number {
  return calendarDay(date).day()
}

/**
 * Milliseconds of an ISO 8601 instant. Without an offset the value is read as Shanghai time; a bare date is
 * Shanghai midnight. Returns NaN for anything else.
 */
export function parseInstant(value: string): number {
  const v = value.trim()
  if (DATE_RE.test(v)) return isValidDate(v) ? dayjs.utc(v).valueOf() - SHANGHAI_OFFSET_MS : NaN
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/.test(v)) return NaN
  // an explicit offset (or Z) is honoured as written; dayjs reads offset-less text as the device's local time, so
  // those are given Shanghai's offset first
  return dayjs(OFFSET_RE.test(v) ? v : `${v}+08:00`).valueOf()
}

export function isValidInstant(value: string): boolean {
  return !Number.isNaN(parseInstant(value))
}

/** 'YYYY-MM-DDTHH:mm:ss+08:00' for a moment in milliseconds. */
export function toShanghaiIso(ms: number): string {
  return shanghaiWallClock(ms).format('YYYY-MM-DDTHH:mm:ss[+08:00]')
}

/** 'YYYY-MM-DDTHH:mm:ss.SSSZ' (UTC): the form instants are stored in where they are compared as strings. */
export function toUtcIso(instant: string | number): string {
  return dayjs.utc(instantMs(instant)).format('YYYY-MM-DDTHH:mm:ss.SSS[Z]')
}

/**
 * An instant (ISO string or milliseconds) in Shanghai time with a dayjs format pattern, e.g. 'M月D日 HH:mm'.
 * Patterns are read without a locale: write Chinese words as literal text.
 */
export function formatShanghai(instant: string | number, pattern: string): string {
  return shanghaiWallClock(instantMs(instant)).format(pattern)
}

/** A 'YYYY-MM-DD' calendar date with a dayjs format pattern, e.g. 'YYYY年M月D日'. */
export function formatDate(date: string, pattern: string): string {
  return calendarDay(date).format(pattern)
}

/** The Shanghai calendar date of an instant (ISO string or milliseconds). */
export function shanghaiDate(instant: string | number): string {
  return formatShanghai(instant, DATE_FORMAT)
}

/** The instant of a Shanghai wall-clock time on a date, e.g. 10:00 on the ETA day. */
export function shanghaiInstant(date: string, hour = 0, minute = 0): string {
  return toShanghaiIso(calendarDay(date).add(hour, 'hour').add(minute, 'minute').valueOf() - SHANGHAI_OFFSET_MS)
}

export function addHours(instant: string, hours: number): string {
  return toShanghaiIso(dayjs(parseInstant(instant)).add(hours, 'hour').valueOf())
}

/** Today's date in Shanghai: only a fallback for callers that pass no date of their own. */
export function todayInShanghai(): string {
  return shanghaiDate(Date.now())
}

/** 'YYYY-MM-DD HH:mm' in Shanghai time, for messages that name a moment. */
export function formatShanghaiMinute(iso: string): string {
  return formatShanghai(iso, 'YYYY-MM-DD HH:mm')
}

/** WeChat's subscription-message `time` format: '2019年10月1日 15:01' (Shanghai time). */
export function formatWechatTime(iso: string): string {
  return formatShanghai(iso, 'YYYY年M月D日 HH:mm')
}

/** WeChat's `date` format: '2019年10月1日'. */
export function formatWechatDate(date: string): string {
  return formatDate(date, 'YYYY年M月D日')
}
