/**
 * Prints LUNAR_HOLIDAY_DATES for src/domain/calendar/lunar-dates.ts from the `chinese-days` package, so the mini-program
 * ships a 2 KB table instead of a lunar-calendar library. Run: npx tsx test/unit/domain/calendar/generate-lunar-table.ts
 * The test calendar.test.ts checks the table against the package again.
 */
import { getSolarDateFromLunar, getSolarTermDate } from 'chinese-days'

export const FIRST_YEAR = 2023
export const LAST_YEAR = 2099

const mmdd = (date: string) => date.slice(5, 7) + date.slice(8, 10)

/** 除夕 (the day before 正月初一), 端午 (五月初五), 中秋 (八月十五), 清明 (the solar term) of a Gregorian year. */
export function lunarHolidayDatesFromPackage(year: number): string {
  const newYear = new Date(`${getSolarDateFromLunar(`${year}-01-01`).date}T00:00:00Z`)
  newYear.setUTCDate(newYear.getUTCDate() - 1)
  const eve = newYear.toISOString().slice(0, 10)
  const dragonBoat = getSolarDateFromLunar(`${year}-05-05`).date
  const midAutumn = getSolarDateFromLunar(`${year}-08-15`).date
  const qingming = getSolarTermDate(year, 4, 'pure_brightness')
  return [eve, dragonBoat, midAutumn, qingming].map(mmdd).join(',')
}

if (require.main === module) {
  const lines: string[] = []
  for (let y = FIRST_YEAR; y <= LAST_YEAR; y++) lines.push(`  ${y}: '${lunarHolidayDatesFromPackage(y)}'`)
  console.log(`{\n${lines.join(',\n')}\n}`)
}
