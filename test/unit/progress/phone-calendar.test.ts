/**
 * services/phone-calendar: WeChat gets one addPhoneCalendar call per event (seconds, alarm offset in seconds) and its
 * answer through the callbacks; the browser build downloads an .ics file instead.
 */
import Taro from '@tarojs/taro'
import { addToPhoneCalendar, calendarWay } from '../../../src/services/phone-calendar'

const EVENT = {
  uid: 'f1:calendar:sms_deadline:x@beian-assistant',
  title: '12381短信核验截止（云帆会议室预订）',
  start: '2026-11-24T09:59:12+08:00',
  description: '打开短信里的链接完成核验',
  alarmMinutesBefore: 240
}

let add: jest.Mock
const taro = Taro as unknown as Record<string, unknown>

beforeEach(() => {
  process.env.TARO_ENV = 'weapp'
  add = jest.fn()
  taro.addPhoneCalendar = add
})

afterAll(() => {
  process.env.TARO_ENV = 'h5'
  delete taro.addPhoneCalendar
})

describe('addToPhoneCalendar', () => {
  it('adds the event with Unix seconds and the alarm offset in seconds', async () => {
    add.mockImplementation((o: { success: () => void }) => o.success())
    expect(calendarWay()).toBe('phone')
    await expect(addToPhoneCalendar(EVENT)).resolves.toEqual({ ok: true })
    expect(add).toHaveBeenCalledTimes(1)
    expect(add.mock.calls[0][0]).toMatchObject({
      title: EVENT.title,
      startTime: Date.parse(EVENT.start) / 1000,
      description: EVENT.description,
      alarm: true,
      alarmOffset: 4 * 3600
    })
  })

  it('turns the alarm off for an event without one', async () => {
    add.mockImplementation((o: { success: () => void }) => o.success())
    await addToPhoneCalendar({ ...EVENT, alarmMinutesBefore: undefined })
    expect(add.mock.calls[0][0]).toMatchObject({ alarm: false, alarmOffset: 0 })
  })

  it.each([
    ['addPhoneCalendar:fail cancel', { ok: false, cancelled: true, message: '已取消' }],
    [
      'addPhoneCalendar:fail auth deny',
      { ok: false, cancelled: false, message: expect.stringContaining('没有日历权限') }
    ],
    ['addPhoneCalendar:fail system error', { ok: false, cancelled: false, message: '没能添加到日历，请稍后再试' }]
  ])('reports %s', async (errMsg, result) => {
    add.mockImplementation((o: { fail: (e: unknown) => void }) => {
      o.fail({ errMsg })
      return Promise.reject({ errMsg })
    })
    await expect(addToPhoneCalendar(EVENT)).resolves.toEqual(result)
  })

  it('is not offered where the host has no addPhoneCalendar', async () => {
    delete taro.addPhoneCalendar
    expect(calendarWay()).toBe('none')
    await expect(addToPhoneCalendar(EVENT)).resolves.toMatchObject({ ok: false, cancelled: false })
  })
})

describe('calendarWay in the browser build', () => {
  it('downloads a file', () => {
    process.env.TARO_ENV = 'h5'
    Object.assign(URL, { createObjectURL: () => 'blob:x' })
    expect(calendarWay()).toBe('ics')
  })
})
