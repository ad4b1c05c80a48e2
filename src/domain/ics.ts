/**
 * A minimal iCalendar (RFC 5545) writer for the reminder fallback: when subscription messages cannot arrive (H5, no
 * permission) the user downloads the SMS deadline and the expected review dates as an .ics file. Times are written in
 * UTC ('…Z'), so no VTIMEZONE is needed; lines end in CRLF and are folded at 75 octets without splitting a character.
 */
import dayjs from 'dayjs'
import utc from 'dayjs/plugin/utc'
import { parseInstant } from './time'

dayjs.extend(utc)

export interface IcsEvent {
  /** Stable and unique per event (e.g. the reminder key): importing again updates instead of duplicating. */
  uid: string
  title: string
  /** ISO 8601 instant. */
  start: string
  /** ISO 8601 instant after `start`; default: 30 minutes after it. */
  end?: string
  description?: string
  /** Minutes before `start` to alert; absent = no alarm. */
  alarmMinutesBefore?: number
}

export interface IcsOptions {
  /** When the file is made (DTSTAMP): passed in, the domain never reads the clock. */
  now: string
  calendarName?: string
}

const CRLF = '\r\n'
const MAX_OCTETS = 75
const DEFAULT_DURATION_MS = 30 * 60_000
export const ICS_PRODUCT_ID = '-//Beian Assistant//ICP Filing Reminders//ZH'

/** '20261104T072000Z' for an ISO instant. */
export function icsUtc(instant: string | number): string {
  const ms = typeof instant === 'number' ? instant : parseInstant(instant)
  if (Number.isNaN(ms)) throw new RangeError(`无法识别的时间：${String(instant)}`)
  return dayjs.utc(ms).format('YYYYMMDD[T]HHmmss[Z]')
}

/**
 * TEXT value escaping (RFC 5545 §3.3.11): backslash, semicolon, comma and line breaks. Control characters other than
 * the tab are not allowed in a content line and are dropped.
 */
export function escapeIcsText(value: string): string {
  return (
    value
      .replace(/\r\n?/g, '\n')
      // eslint-disable-next-line no-control-regex
      .replace(/[\u0000-\u0008\u000b-\u001f\u007f]/g, '')
      .replace(/\\/g, '\\\\')
      .replace(/;/g, '\\;')
      .replace(/,/g, '\\,')
      .replace(/\n/g, '\\n')
  )
}

function utf8Length(codePoint: number): number {
  if (codePoint < 0x80) return 1
  if (codePoint < 0x800) return 2
  if (codePoint < 0x10000) return 3
  return 4
}

/** Folds one content line at 75 octets; continuation lines start with a space. Never splits a character. */
export function foldIcsLine(line: string): string {
  const out: string[] = []
  let current = ''
  let octets = 0
  for (const ch of line) {
    const size = utf8Length(ch.codePointAt(0)!)
    if (octets + size > MAX_OCTETS) {
      out.push(current)
      current = ' '
      octets = 1
    }
    current += ch
    octets += size
  }
  out.push(current)
  return out.join(CRLF)
}

/** The logical content lines of an iCalendar text (folded lines joined again). */
export function unfoldIcs(text: string): string[] {
  return text
    .replace(/\r\n[ \t]/g, '')
    .split(CRLF)
    .filter((l) => l !== '')
}

function eventLines(e: IcsEvent, stamp: string): string[] {
  const startMs = parseInstant(e.start)
  if (Number.isNaN(startMs)) throw new RangeError(`无法识别的开始时间：${e.start}`)
  const endMs = e.end ? parseInstant(e.end) : startMs + DEFAULT_DURATION_MS
  if (Number.isNaN(endMs) || endMs <= startMs) throw new RangeError(`结束时间应晚于开始时间：${e.end}`)
  const lines = [
    'BEGIN:VEVENT',
    `UID:${escapeIcsText(e.uid)}`,
    `DTSTAMP:${stamp}`,
    `DTSTART:${icsUtc(startMs)}`,
    `DTEND:${icsUtc(endMs)}`,
    `SUMMARY:${escapeIcsText(e.title)}`
  ]
  if (e.description) lines.push(`DESCRIPTION:${escapeIcsText(e.description)}`)
  if (e.alarmMinutesBefore !== undefined) {
    const minutes = Math.max(0, Math.round(e.alarmMinutesBefore))
    lines.push(
      'BEGIN:VALARM',
      'ACTION:DISPLAY',
      `DESCRIPTION:${escapeIcsText(e.title)}`,
      `TRIGGER:-PT${minutes}M`,
      'END:VALARM'
    )
  }
  lines.push('END:VEVENT')
  return lines
}

/** The whole VCALENDAR: one VEVENT per event, CRLF line ends (the last line too). */
export function buildIcs(events: IcsEvent[], options: IcsOptions): string {
  const stamp = icsUtc(options.now)
  const lines = [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    `PRODID:${ICS_PRODUCT_ID}`,
    'CALSCALE:GREGORIAN',
    'METHOD:PUBLISH',
    ...(options.calendarName ? [`X-WR-CALNAME:${escapeIcsText(options.calendarName)}`] : []),
    ...events.flatMap((e) => eventLines(e, stamp)),
    'END:VCALENDAR'
  ]
  return lines.map(foldIcsLine).join(CRLF) + CRLF
}
