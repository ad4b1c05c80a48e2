/** @jest-environment node */
import fc from 'fast-check'
import { getDayDetail, getSolarDateFromLunar, getSolarTermDate, isWorkday } from 'chinese-days'
import {
  addDays,
  addWorkingDays,
  dayInfo,
  isWorkingDay,
  PUBLISHED_ARRANGEMENTS,
  statutoryHolidays
} from '../../../../src/domain'
import { LUNAR_HOLIDAY_DATES } from '../../../../src/domain/calendar/lunar-dates'
import { workingDaysBetween } from '../support'
import { FIRST_YEAR, LAST_YEAR, lunarHolidayDatesFromPackage } from './generate-lunar-table'

function everyDay(from: string, to: string): string[] {
  const out: string[] = []
  for (let d = from; d <= to; d = addDays(d, 1)) out.push(d)
  return out
}

describe('published arrangements 2023–2026', () => {
  it('agree with the chinese-days package on every day', () => {
    const mismatches = everyDay('2023-01-01', '2026-12-31').filter((d) => isWorkingDay(d) !== isWorkday(d))
    expect(mismatches).toEqual([])
  })

  it.each([
    ['2024-02-04', true, '调休上班 (Sunday)'],
    ['2024-02-18', true, '调休上班 (Sunday)'],
    ['2024-02-12', false, '春节'],
    ['2025-09-28', true, '调休上班 (Sunday)'],
    ['2025-10-11', true, '调休上班 (Saturday)'],
    ['2025-10-10', true, 'ordinary Friday'],
    ['2025-10-12', false, 'ordinary Sunday'],
    ['2026-01-04', true, '调休上班 (Sunday)'],
    ['2026-02-14', true, '调休上班 (Saturday)'],
    ['2026-02-23', false, '春节 (Monday)'],
    ['2026-05-05', false, '劳动节 (Tuesday)'],
    ['2026-09-20', true, '调休上班 (Sunday)'],
    ['2026-10-10', true, '调休上班 (Saturday)'],
    ['2023-06-25', true, '调休上班 (Sunday)'],
    ['2023-01-01', false, '元旦']
  ])('%s working=%s (%s)', (date, working) => {
    expect(isWorkingDay(date)).toBe(working)
    expect(dayInfo(date).provisional).toBe(false)
  })

  it.each(everyDay('2025-10-01', '2025-10-08'))('%s is a holiday (国庆节、中秋节 2025)', (date) => {
    expect(dayInfo(date)).toMatchObject({ working: false, name: '国庆节、中秋节', provisional: false })
  })

  it('names holidays and make-up days like the package', () => {
    for (const d of ['2024-02-10', '2025-05-01', '2026-10-01']) expect(getDayDetail(d).work).toBe(false)
    expect(dayInfo('2024-02-04').name).toBe('调休上班')
  })

  it('cites an official source for every published year', () => {
    for (const a of Object.values(PUBLISHED_ARRANGEMENTS))
      expect(a.source).toMatch(/国务院办公厅.*https:\/\/www\.gov\.cn\//)
  })
})

describe('lunar table', () => {
  it('matches the package for every year it covers', () => {
    for (let y = FIRST_YEAR; y <= LAST_YEAR; y++)
      expect([y, LUNAR_HOLIDAY_DATES[y]]).toEqual([y, lunarHolidayDatesFromPackage(y)])
  })

  it('spot-checks against independent package calls', () => {
    expect(getSolarDateFromLunar('2027-01-01').date).toBe('2027-02-06')
    expect(LUNAR_HOLIDAY_DATES[2027].split(',')[0]).toBe('0205')
    expect(getSolarTermDate(2027, 4, 'pure_brightness')).toBe(
      `2027-04-${LUNAR_HOLIDAY_DATES[2027].split(',')[3].slice(2)}`
    )
  })
})

describe('statutory holidays (years without a published arrangement)', () => {
  it.each([2025, 2026])('every statutory day of %i is off in the official arrangement', (year) => {
    for (const h of statutoryHolidays(year)) expect([h.date, isWorkday(h.date)]).toEqual([h.date, false])
  })

  it('counts the 13 days of the 2024 amendment', () => {
    const days = statutoryHolidays(2027)
    expect(days).toHaveLength(13)
    expect(days.filter((d) => d.name === '春节').map((d) => d.date)).toEqual([
      '2027-02-05',
      '2027-02-06',
      '2027-02-07',
      '2027-02-08'
    ])
  })

  it.each([
    ['2027-01-01', false, '元旦'],
    ['2027-02-05', false, '春节'],
    ['2027-05-03', false, '劳动节补假'],
    ['2027-10-04', false, '国庆节补假'],
    ['2027-06-09', false, '端午节'],
    ['2027-09-15', false, '中秋节'],
    ['2027-04-05', false, '清明节'],
    ['2027-03-10', true, undefined]
  ])('%s working=%s (%s), provisional', (date, working, name) => {
    expect(dayInfo(date)).toEqual({ date, working, provisional: true, ...(name ? { name } : {}) })
  })

  it('flags provisional years only', () => {
    expect(dayInfo('2026-12-31').provisional).toBe(false)
    expect(dayInfo('2027-01-01').provisional).toBe(true)
  })
})

describe('addWorkingDays', () => {
  it.each([
    ['2025-09-30', 1, '2025-10-09'],
    ['2025-09-26', 1, '2025-09-28'],
    ['2025-09-26', 2, '2025-09-29'],
    ['2024-02-02', 1, '2024-02-04'],
    ['2024-02-08', 2, '2024-02-18'],
    ['2024-02-08', 3, '2024-02-19'],
    ['2026-02-13', 1, '2026-02-14'],
    ['2026-02-14', 1, '2026-02-24'],
    ['2025-10-09', -1, '2025-09-30'],
    ['2025-10-04', 0, '2025-10-09'],
    ['2025-10-09', 0, '2025-10-09']
  ])('%s + %i working days = %s', (date, n, expected) => {
    expect(addWorkingDays(date, n)).toBe(expected)
  })

  it('lands on a working day with exactly n working days in between', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 365 * 5 }), fc.integer({ min: 1, max: 30 }), (offset, n) => {
        const start = addDays('2023-01-01', offset)
        const end = addWorkingDays(start, n)
        expect(isWorkingDay(end)).toBe(true)
        expect(workingDaysBetween(start, end)).toBe(n)
        expect(addWorkingDays(end, -n) <= start).toBe(true)
      }),
      { numRuns: 200 }
    )
  })

  it('rejects malformed input', () => {
    expect(() => addWorkingDays('2025-13-01', 1)).toThrow(RangeError)
    expect(() => addWorkingDays('2025-01-01', 1.5)).toThrow(RangeError)
    expect(() => isWorkingDay('20250101')).toThrow(RangeError)
  })
})
