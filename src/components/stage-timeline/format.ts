/**
 * Dates and times as the filing pages show them, always in China's time (Asia/Shanghai) whatever the phone's
 * time zone: '11月4日 周三' and '11月4日 15:32' (the SMS countdown is sms-countdown/remaining.ts).
 */
import { dayOfWeek, formatDate, formatShanghai, isValidInstant, shanghaiDate } from '../../domain'

const WEEKDAYS = ['周日', '周一', '周二', '周三', '周四', '周五', '周六']

/** The dayjs pattern of a day: without the year when it is `today`'s year. */
const dayPattern = (date: string, today?: string) =>
  today && today.slice(0, 4) === date.slice(0, 4) ? 'M月D日' : 'YYYY年M月D日'

/** 'YYYY-MM-DD' → '11月4日 周三' ('2027年1月4日 周一' when the year is not `today`'s). */
export function formatDay(date: string, today?: string): string {
  return `${formatDate(date, dayPattern(date, today))} ${WEEKDAYS[dayOfWeek(date)]}`
}

/** An ISO instant → '11月4日 15:32' in Shanghai time (with the year when it is not `today`'s). */
export function formatDateTime(instant: string, today?: string): string {
  if (!isValidInstant(instant)) return instant
  return formatShanghai(instant, `${dayPattern(shanghaiDate(instant), today)} HH:mm`)
}
