/**
 * Dates and instants in China's time (Asia/Shanghai). China has had no daylight saving time since 1991, so a fixed
 * +08:00 offset is exact and we never depend on the machine's time zone.
 */

const HOUR_MS = 3_600_000
const DAY_MS = 86_400_000
export const SHANGHAI_OFFSET_MS = 8 * HOUR_MS

const DATE_RE = /^(\d{4})-(\d{2})-(\d{2})$/
const OFFSET_RE = /(Z|[+-]\d{2}:?\d{2})$/i

const pad2 = (n: number) => (n < 10 ? `0${n}` : String(n))

/** Whether `value` is a real calendar date written 'YYYY-MM-DD'. */
export function isValidDate(value: string): boolean {
  const m = DATE_RE.exec(value)
  if (!m) return false
  const y = +m[1]
  const mo = +m[2]
  const d = +m[3]
  return mo >= 1 && mo <= 12 && d >= 1 && d <= daysInMonth(y, mo)
}

export function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate()
}

/** Days since 1970-01-01 for a 'YYYY-MM-DD' date (calendar arithmetic, no time zone involved). */
export function dateToDayNumber(date: string): number {
  const m = DATE_RE.exec(date)
  if (!m) throw new RangeError(`日期格式应为 YYYY-MM-DD：${date}`)
  return Math.round(Date.UTC(+m[1], +m[2] - 1, +m[3]) / DAY_MS)
}

export function dayNumberToDate(dayNumber: number): string {
  const d = new Date(dayNumber * DAY_MS)
  return `${d.getUTCFullYear()}-${pad2(d.getUTCMonth() + 1)}-${pad2(d.getUTCDate())}`
}

export function addDays(date: string, n: number): string {
  return dayNumberToDate(dateToDayNumber(date) + n)
}

/** Calendar months later, clamped to the month's end (2024-01-31 + 1 month = 2024-02-29). */
export function addMonths(date: string, n: number): string {
  const m = DATE_RE.exec(date)
  if (!m) throw new RangeError(`日期格式应为 YYYY-MM-DD：${date}`)
  const total = +m[1] * 12 + (+m[2] - 1) + n
  const y = Math.floor(total / 12)
  const mo = (total % 12) + 1
  const d = Math.min(+m[3], daysInMonth(y, mo))
  return `${y}-${pad2(mo)}-${pad2(d)}`
}

/** 0 = Sunday … 6 = Saturday. */
export function dayOfWeek(date: string): number {
  return (((dateToDayNumber(date) + 4) % 7) + 7) % 7
}

/**
 * Milliseconds of an ISO 8601 instant. Without an offset the value is read as Shanghai time; a bare date is
 * Shanghai midnight. Returns NaN for anything else.
 */
export function parseInstant(value: string): number {
  const v = value.trim()
  if (DATE_RE.test(v)) return isValidDate(v) ? dateToDayNumber(v) * DAY_MS - SHANGHAI_OFFSET_MS : NaN
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/.test(v)) return NaN
  return Date.parse(OFFSET_RE.test(v) ? v : `${v}+08:00`)
}

export function isValidInstant(value: string): boolean {
  return !Number.isNaN(parseInstant(value))
}

/** 'YYYY-MM-DDTHH:mm:ss+08:00' for a moment in milliseconds. */
export function toShanghaiIso(ms: number): string {
  const d = new Date(ms + SHANGHAI_OFFSET_MS)
  return (
    `${d.getUTCFullYear()}-${pad2(d.getUTCMonth() + 1)}-${pad2(d.getUTCDate())}` +
    `T${pad2(d.getUTCHours())}:${pad2(d.getUTCMinutes())}:${pad2(d.getUTCSeconds())}+08:00`
  )
}

/** The Shanghai calendar date of an instant (ISO string or milliseconds). */
export function shanghaiDate(instant: string | number): string {
  const ms = typeof instant === 'number' ? instant : parseInstant(instant)
  if (Number.isNaN(ms)) throw new RangeError(`无法识别的时间：${String(instant)}`)
  return dayNumberToDate(Math.floor((ms + SHANGHAI_OFFSET_MS) / DAY_MS))
}

/** The instant of a Shanghai wall-clock time on a date, e.g. 10:00 on the ETA day. */
export function shanghaiInstant(date: string, hour = 0, minute = 0): string {
  return toShanghaiIso(dateToDayNumber(date) * DAY_MS - SHANGHAI_OFFSET_MS + hour * HOUR_MS + minute * 60_000)
}

export function addHours(instant: string, hours: number): string {
  return toShanghaiIso(parseInstant(instant) + hours * HOUR_MS)
}

/** Today's date in Shanghai: only a fallback for callers that pass no date of their own. */
export function todayInShanghai(): string {
  return shanghaiDate(Date.now())
}

/** 'YYYY-MM-DD HH:mm' in Shanghai time, for messages that name a moment. */
export function formatShanghaiMinute(iso: string): string {
  const ms = parseInstant(iso)
  if (Number.isNaN(ms)) throw new RangeError(`无法识别的时间：${iso}`)
  return toShanghaiIso(ms).slice(0, 16).replace('T', ' ')
}

/** WeChat's subscription-message `time` format: '2019年10月1日 15:01' (Shanghai time). */
export function formatWechatTime(iso: string): string {
  const ms = parseInstant(iso)
  if (Number.isNaN(ms)) throw new RangeError(`无法识别的时间：${iso}`)
  const d = new Date(ms + SHANGHAI_OFFSET_MS)
  return `${d.getUTCFullYear()}年${d.getUTCMonth() + 1}月${d.getUTCDate()}日 ${pad2(d.getUTCHours())}:${pad2(d.getUTCMinutes())}`
}

/** WeChat's `date` format: '2019年10月1日'. */
export function formatWechatDate(date: string): string {
  const m = DATE_RE.exec(date)
  if (!m) throw new RangeError(`日期格式应为 YYYY-MM-DD：${date}`)
  return `${+m[1]}年${+m[2]}月${+m[3]}日`
}
