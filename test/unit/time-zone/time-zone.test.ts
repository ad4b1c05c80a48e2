/**
 * @jest-environment node
 *
 * Every date the app shows or the cloud stores is China's time, whatever the time zone of the phone or the server.
 * The formatters run in child processes with TZ set to UTC−5 and UTC+8 (a process cannot change its own zone under
 * jest) and must write the same thing; a local-time getter anywhere in them makes the two disagree.
 */
import { execFileSync } from 'node:child_process'
import { readdirSync, readFileSync, statSync } from 'node:fs'
import path from 'node:path'

const ROOT = path.resolve(__dirname, '../../..')
const TSX = path.join(ROOT, 'node_modules/tsx/dist/cli.mjs')
const SCRIPT = path.join(__dirname, 'print-formats.ts')

type Printed = {
  timezoneOffsetMinutes: number
  instants: Record<string, string | number>[]
  dates: Record<string, string | number>[]
}

function formatsIn(tz: string): Printed {
  const stdout = execFileSync(process.execPath, [TSX, SCRIPT], {
    cwd: ROOT,
    env: { ...process.env, TZ: tz },
    encoding: 'utf8',
    timeout: 60_000
  })
  return JSON.parse(stdout) as Printed
}

describe('dates do not depend on the time zone of the device', () => {
  let minusFive: Printed
  let plusEight: Printed
  beforeAll(() => {
    // 'Etc/GMT+5' is UTC−5 (POSIX signs are inverted)
    minusFive = formatsIn('Etc/GMT+5')
    plusEight = formatsIn('Asia/Shanghai')
  }, 120_000)

  it('really ran in UTC−5 and in UTC+8', () => {
    expect(minusFive.timezoneOffsetMinutes).toBe(300)
    expect(plusEight.timezoneOffsetMinutes).toBe(-480)
  })

  it('formats every instant and date the same in both zones', () => {
    expect(minusFive.instants).toEqual(plusEight.instants)
    expect(minusFive.dates).toEqual(plusEight.dates)
  })

  it('writes China time: 16:30 UTC on New Year’s Eve is already 1 January', () => {
    expect(minusFive.instants[0]).toEqual({
      iso: '2025-12-31T16:30:00Z',
      ms: 1767198600000,
      shanghaiIso: '2026-01-01T00:30:00+08:00',
      shanghaiDate: '2026-01-01',
      minute: '2026-01-01 00:30',
      wechatTime: '2026年1月1日 00:30',
      plus25Hours: '2026-01-02T01:30:00+08:00',
      ics: '20251231T163000Z',
      utc: '2025-12-31T16:30:00.000Z',
      utcFromDate: '2025-12-31T16:30:00.000Z',
      dateTime: '1月1日 00:30',
      consent: '你已于2026年1月1日同意（说明版本 v1）'
    })
  })

  it('reads a time without an offset as Shanghai wall-clock time', () => {
    expect(minusFive.instants[2]).toMatchObject({ shanghaiIso: '2026-03-08T02:30:00+08:00', ics: '20260307T183000Z' })
  })

  it('does calendar arithmetic on dates, not on the local clock', () => {
    expect(minusFive.dates[1]).toEqual({
      date: '2026-03-08',
      day: '3月8日 周日',
      weekday: 0,
      wechatDate: '2026年3月8日',
      nextDay: '2026-03-09',
      nextMonth: '2026-04-08',
      tenOClock: '2026-03-08T10:00:00+08:00'
    })
  })
})

/** Local-time readers of a Date and the local-time Date constructor. */
const LOCAL_TIME =
  /\.(getFullYear|getMonth|getDate|getDay|getHours|getMinutes|getSeconds|getTimezoneOffset)\(|toLocale(Date|Time)?String\(|new Date\([^()]*,/

/** Files that must read the device's wall clock, and why. */
const LOCAL_TIME_ALLOWED: Record<string, string> = {
  // NutUI's DatePicker shows and returns the phone's local wall clock: the form hands it Shanghai's
  'src/pages/progress/action-time.ts': 'date picker'
}

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name)
    if (statSync(full).isDirectory()) return sourceFiles(full)
    return /\.tsx?$/.test(name) ? [full] : []
  })
}

it('no code in src reads the device’s local time outside the date picker', () => {
  const offenders = sourceFiles(path.join(ROOT, 'src'))
    .map((file) => path.relative(ROOT, file).split(path.sep).join('/'))
    .filter((file) => !(file in LOCAL_TIME_ALLOWED))
    .filter((file) => LOCAL_TIME.test(readFileSync(path.join(ROOT, file), 'utf8')))
  expect(offenders).toEqual([])
})
