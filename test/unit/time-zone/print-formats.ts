/**
 * Run by time-zone.test.ts in a child process with the TZ variable set: prints, as JSON, what every date formatter the
 * app and the cloud use writes for a few instants chosen near day, year and daylight-saving boundaries.
 */
import { formatDateTime, formatDay } from '../../../src/components/stage-timeline/format'
import { isoUtc, toComparable } from '../../../src/cloud/time'
import {
  addDays,
  addHours,
  addMonths,
  dayOfWeek,
  formatShanghaiMinute,
  formatWechatDate,
  formatWechatTime,
  icsUtc,
  parseInstant,
  shanghaiDate,
  shanghaiInstant,
  toShanghaiIso
} from '../../../src/domain'
import { describeConsentDecision } from '../../../src/filing/consent/decision'

export const INSTANTS = [
  '2025-12-31T16:30:00Z', // 2026-01-01 00:30 in Shanghai, still 2025 in UTC−5
  '2026-11-04T07:32:00Z',
  '2026-03-08T02:30', // Shanghai wall clock; 02:30 does not exist that night in New York
  '2026-11-01T01:30:00-04:00'
]

const out = {
  // proves the child really ran in the zone it was given
  timezoneOffsetMinutes: new Date(Date.UTC(2026, 0, 15)).getTimezoneOffset(),
  instants: INSTANTS.map((iso) => ({
    iso,
    ms: parseInstant(iso),
    shanghaiIso: toShanghaiIso(parseInstant(iso)),
    shanghaiDate: shanghaiDate(iso),
    minute: formatShanghaiMinute(iso),
    wechatTime: formatWechatTime(iso),
    plus25Hours: addHours(iso, 25),
    ics: icsUtc(iso),
    utc: toComparable(iso),
    utcFromDate: isoUtc(new Date(parseInstant(iso))),
    dateTime: formatDateTime(iso, '2026-01-01'),
    consent: describeConsentDecision({ version: 'v1', agreed: true, decidedAt: toComparable(iso) })
  })),
  dates: ['2026-01-01', '2026-03-08', '2024-02-29'].map((date) => ({
    date,
    day: formatDay(date, '2026-06-01'),
    weekday: dayOfWeek(date),
    wechatDate: formatWechatDate(date),
    nextDay: addDays(date, 1),
    nextMonth: addMonths(date, 1),
    tenOClock: shanghaiInstant(date, 10)
  }))
}
process.stdout.write(JSON.stringify(out))
