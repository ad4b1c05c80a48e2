/** @jest-environment node */
import {
  addMonths,
  formatWechatTime,
  parseInstant,
  shanghaiDate,
  shanghaiInstant,
  toShanghaiIso
} from '../../../src/domain'

describe('Shanghai time', () => {
  it.each([
    ['2019-10-01T15:01:00+08:00', '2019年10月1日 15:01'],
    ['2019-10-01T07:01:00Z', '2019年10月1日 15:01'],
    ['2019-10-01T15:01:59', '2019年10月1日 15:01'],
    ['2024-12-31T16:30:00Z', '2025年1月1日 00:30']
  ])('formatWechatTime(%s) = %s', (iso, expected) => {
    expect(formatWechatTime(iso)).toBe(expected)
  })

  it.each([
    ['2024-12-31T16:30:00Z', '2025-01-01'],
    ['2024-12-31T15:59:59Z', '2024-12-31'],
    ['2025-03-01', '2025-03-01']
  ])('shanghaiDate(%s) = %s', (iso, date) => {
    expect(shanghaiDate(iso)).toBe(date)
  })

  it('round-trips instants with a +08:00 offset', () => {
    expect(toShanghaiIso(parseInstant('2025-05-01T00:00:00Z'))).toBe('2025-05-01T08:00:00+08:00')
    expect(shanghaiInstant('2025-05-01', 10)).toBe('2025-05-01T10:00:00+08:00')
  })

  it.each([
    ['2024-01-31', 1, '2024-02-29'],
    ['2025-11-30', 3, '2026-02-28'],
    ['2025-05-15', -6, '2024-11-15']
  ])('addMonths(%s, %i) = %s', (date, n, expected) => {
    expect(addMonths(date, n)).toBe(expected)
  })

  it('refuses unreadable times', () => {
    expect(parseInstant('yesterday')).toBeNaN()
    expect(() => formatWechatTime('garbage')).toThrow(RangeError)
    expect(() => shanghaiDate('not a time')).toThrow(RangeError)
  })
})
