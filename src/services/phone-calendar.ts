/**
 * The reminder fallback that needs no subscription: the phone's own calendar. WeChat (and Douyin, where the host
 * supports it) add one event per tap with `addPhoneCalendar`; the browser build downloads an .ics file instead.
 */
import Taro from '@tarojs/taro'
import { buildIcs, parseInstant, type IcsEvent } from '../domain'
import { runtimePlatform } from './platform'

/** 'phone': addPhoneCalendar per event; 'ics': one downloadable file; 'none': neither is available. */
export type CalendarWay = 'phone' | 'ics' | 'none'

export const ICS_FILE_NAME = 'beian-reminders.ics'

type AddPhoneCalendar = (option: Taro.addPhoneCalendar.Option) => unknown

function addPhoneCalendarApi(): AddPhoneCalendar | undefined {
  const fn = (Taro as { addPhoneCalendar?: unknown }).addPhoneCalendar
  return typeof fn === 'function' ? (fn as AddPhoneCalendar) : undefined
}

export function calendarWay(): CalendarWay {
  if (runtimePlatform() === 'h5') {
    const canDownload =
      typeof document !== 'undefined' && typeof Blob !== 'undefined' && typeof URL?.createObjectURL === 'function'
    return canDownload ? 'ics' : 'none'
  }
  return addPhoneCalendarApi() ? 'phone' : 'none'
}

export type CalendarResult = { ok: true } | { ok: false; cancelled: boolean; message: string }

/**
 * Adds one event to the phone's calendar. Call it from the tap itself: WeChat opens the calendar only for a tap,
 * so there is one tap (and one call) per event.
 */
export function addToPhoneCalendar(event: IcsEvent): Promise<CalendarResult> {
  const add = addPhoneCalendarApi()
  if (!add) return Promise.resolve({ ok: false, cancelled: false, message: '当前环境不支持添加到手机日历' })
  const startTime = Math.floor(parseInstant(event.start) / 1000)
  const option: Taro.addPhoneCalendar.Option = {
    title: event.title,
    startTime,
    description: event.description,
    alarm: event.alarmMinutesBefore !== undefined,
    alarmOffset: Math.max(0, Math.round((event.alarmMinutesBefore ?? 0) * 60))
  }
  return new Promise<CalendarResult>((resolve) => {
    const failed = (err: { errMsg?: string } | undefined) => resolve(calendarError(err?.errMsg ?? ''))
    try {
      // Callbacks, not the returned promise: Taro passes addPhoneCalendar straight through to wx/tt, which
      // return a promise only on newer base libraries
      const returned: unknown = add({ ...option, success: () => resolve({ ok: true }), fail: failed })
      if (returned && typeof (returned as Promise<unknown>).catch === 'function')
        (returned as Promise<unknown>).catch(() => undefined)
    } catch (err) {
      failed(err as { errMsg?: string })
    }
  })
}

function calendarError(msg: string): CalendarResult {
  if (/cancel/i.test(msg)) return { ok: false, cancelled: true, message: '已取消' }
  if (/auth|deny|denied|scope/i.test(msg))
    return { ok: false, cancelled: false, message: '没有日历权限：点右上角“…”→“设置”，允许添加到日历后再试' }
  return { ok: false, cancelled: false, message: '没能添加到日历，请稍后再试' }
}

/** Browser build: saves every event in one .ics file. False when the browser cannot download. */
export function downloadIcs(events: IcsEvent[], now: string, fileName = ICS_FILE_NAME): boolean {
  if (calendarWay() !== 'ics') return false
  const text = buildIcs(events, { now, calendarName: '备案提醒' })
  const url = URL.createObjectURL(new Blob([text], { type: 'text/calendar;charset=utf-8' }))
  const link = document.createElement('a')
  link.href = url
  link.download = fileName
  link.style.display = 'none'
  document.body.appendChild(link)
  link.click()
  link.remove()
  // the download has started from the click; the object URL is no longer needed after that
  setTimeout(() => URL.revokeObjectURL(url), 10_000)
  return true
}
