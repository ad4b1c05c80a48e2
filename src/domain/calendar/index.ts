/**
 * Working days in mainland China: weekends, public holidays and the make-up working weekends (调休).
 * Years with a published arrangement use it; other years use the statutory holidays computed from the law and the
 * lunar calendar, and every answer about such a year is flagged `provisional` (调休 cannot be predicted).
 */
import { addDays, dateToDayNumber, dayNumberToDate, dayOfWeek, isValidDate } from '../time'
import { PUBLISHED_ARRANGEMENTS } from './arrangements'
import { LUNAR_HOLIDAY_DATES } from './lunar-dates'

export { PUBLISHED_ARRANGEMENTS, STATUTORY_HOLIDAY_SOURCE, ARRANGEMENTS_CHECKED_ON } from './arrangements'
export type { HolidayArrangement } from './arrangements'

export interface DayInfo {
  date: string
  working: boolean
  /** Holiday name, or 调休上班 for a make-up working day. */
  name?: string
  /** True when the year's official arrangement is not published yet: the answer is computed from the law. */
  provisional: boolean
}

interface YearCalendar {
  provisional: boolean
  /** date → holiday name (days off that would otherwise be working days, and holidays on weekends) */
  holidays: Map<string, string>
  /** date → reason, for make-up working weekends */
  workdays: Map<string, string>
}

const cache = new Map<number, YearCalendar>()

export function isArrangementPublished(year: number): boolean {
  return year in PUBLISHED_ARRANGEMENTS
}

function publishedCalendar(year: number): YearCalendar {
  const holidays = new Map<string, string>()
  const workdays = new Map<string, string>()
  // An arrangement may reach into the neighbouring year (2023's 元旦 starts on 2022-12-31): read both neighbours
  for (const y of [year - 1, year, year + 1]) {
    const a = PUBLISHED_ARRANGEMENTS[y]
    if (!a) continue
    for (const [name, from, to] of a.holidays) {
      for (let d = dateToDayNumber(from); d <= dateToDayNumber(to); d++) {
        const date = dayNumberToDate(d)
        if (date.startsWith(`${year}-`)) holidays.set(date, name)
      }
    }
    for (const w of a.workdays) if (w.startsWith(`${year}-`)) workdays.set(w, '调休上班')
  }
  return { provisional: false, holidays, workdays }
}

/** Statutory holidays of a year under the 2024 amendment of 《全国年节及纪念日放假办法》. */
export function statutoryHolidays(year: number): { date: string; name: string }[] {
  const out: { date: string; name: string }[] = [{ date: `${year}-01-01`, name: '元旦' }]
  const lunar = LUNAR_HOLIDAY_DATES[year]
  if (lunar) {
    const [eve, dragonBoat, midAutumn, qingming] = lunar
      .split(',')
      .map((md) => `${year}-${md.slice(0, 2)}-${md.slice(2)}`)
    for (let i = 0; i < 4; i++) out.push({ date: addDays(eve, i), name: '春节' })
    out.push({ date: qingming, name: '清明节' })
    out.push({ date: dragonBoat, name: '端午节' })
    out.push({ date: midAutumn, name: '中秋节' })
  }
  out.push({ date: `${year}-05-01`, name: '劳动节' }, { date: `${year}-05-02`, name: '劳动节' })
  for (let d = 1; d <= 3; d++) out.push({ date: `${year}-10-0${d}`, name: '国庆节' })
  return out.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0))
}

function provisionalCalendar(year: number): YearCalendar {
  const holidays = new Map<string, string>()
  const statutory = statutoryHolidays(year)
  for (const h of statutory) holidays.set(h.date, h.name)
  // 补假: a statutory day on a weekend gives the next free weekday off (the law's article 6)
  for (const h of statutory) {
    if (dayOfWeek(h.date) % 6 !== 0) continue
    let d = addDays(h.date, 1)
    while (dayOfWeek(d) % 6 === 0 || holidays.has(d)) d = addDays(d, 1)
    holidays.set(d, `${h.name}补假`)
  }
  return { provisional: true, holidays, workdays: new Map() }
}

function yearCalendar(year: number): YearCalendar {
  let cal = cache.get(year)
  if (!cal) {
    cal = isArrangementPublished(year) ? publishedCalendar(year) : provisionalCalendar(year)
    cache.set(year, cal)
  }
  return cal
}

function assertDate(date: string): void {
  if (!isValidDate(date)) throw new RangeError(`日期格式应为 YYYY-MM-DD：${date}`)
}

export function dayInfo(date: string): DayInfo {
  assertDate(date)
  const cal = yearCalendar(+date.slice(0, 4))
  const workday = cal.workdays.get(date)
  if (workday) return { date, working: true, name: workday, provisional: cal.provisional }
  const holiday = cal.holidays.get(date)
  if (holiday) return { date, working: false, name: holiday, provisional: cal.provisional }
  return { date, working: dayOfWeek(date) % 6 !== 0, provisional: cal.provisional }
}

/** 'YYYY-MM-DD' → whether people work that day (public holidays and 调休 counted). */
export function isWorkingDay(date: string): boolean {
  return dayInfo(date).working
}

/**
 * The n-th working day after `date` (n > 0), or before it (n < 0). n = 0 returns `date` itself when it is a working
 * day, else the next working day.
 */
export function addWorkingDays(date: string, n: number): string {
  assertDate(date)
  if (!Number.isInteger(n)) throw new RangeError(`工作日天数应为整数：${n}`)
  let d = date
  if (n === 0) {
    while (!isWorkingDay(d)) d = addDays(d, 1)
    return d
  }
  const step = n > 0 ? 1 : -1
  let left = Math.abs(n)
  while (left > 0) {
    d = addDays(d, step)
    if (isWorkingDay(d)) left--
  }
  return d
}

/** Whether any date from `from` to `to` falls in a year without a published arrangement. */
export function spansProvisionalYear(from: string, to: string): boolean {
  for (let y = +from.slice(0, 4); y <= +to.slice(0, 4); y++) if (!isArrangementPublished(y)) return true
  return false
}
