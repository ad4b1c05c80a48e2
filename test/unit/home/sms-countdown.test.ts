/**
 * The SMS countdown's arithmetic (components/sms-countdown/remaining), shared by the home card and 进度: no clock, the
 * caller passes both times. One urgency threshold (4 hours, the last reminder's moment) and rounding down: the
 * countdown never promises more time than is left.
 */
import fc from 'fast-check'
import { URGENT_MS, remainingUntil } from '../../../src/components/sms-countdown/remaining'

const H = 3600_000

describe('remainingUntil', () => {
  it.each<[string, number, string, boolean, boolean]>([
    ['a full window', 24 * H, '24:00:00', false, false],
    ['just over 4 hours', 4 * H + 1, '04:00:00', false, false],
    ['exactly 4 hours is not yet urgent', 4 * H, '04:00:00', false, false],
    ['just under 4 hours', 4 * H - 1, '03:59:59', true, false],
    ['5 hours is not urgent', 5 * H, '05:00:00', false, false],
    ['a second and a half shows one second', 1500, '00:00:01', true, false],
    ['half a second left shows zero, still open', 500, '00:00:00', true, false],
    ['the deadline itself', 0, '已超时', true, true],
    ['after the deadline', -5000, '已超时', true, true],
    ['far off (a deadline typed in the future)', 100 * H + 61_000, '100:01:01', false, false]
  ])('%s', (_name, left, text, urgent, overdue) => {
    const now = Date.parse('2026-11-24T10:00:00+08:00')
    expect(remainingUntil(now + left, now)).toEqual({ text, urgent, overdue })
  })

  it('the urgency threshold is 4 hours', () => {
    expect(URGENT_MS).toBe(4 * H)
  })

  it('the shown time never exceeds the real remaining time, and lags it by less than a second', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 48 * H }), fc.integer({ min: 0, max: 2 ** 40 }), (left, now) => {
        const r = remainingUntil(now + left, now)
        expect(r.overdue).toBe(false)
        expect(r.urgent).toBe(left < URGENT_MS)
        const [h, m, s] = r.text.split(':').map(Number)
        const shown = (h * 3600 + m * 60 + s) * 1000
        expect(shown).toBeLessThanOrEqual(left)
        expect(left - shown).toBeLessThan(1000)
        expect(m).toBeLessThan(60)
        expect(s).toBeLessThan(60)
      })
    )
  })

  it('counts down: a later moment never shows more time', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 48 * H }), fc.integer({ min: 0, max: 48 * H }), (a, b) => {
        const deadline = 10 ** 12
        const toMs = (t: string) =>
          t === '已超时' ? -1 : t.split(':').reduce((acc, part) => acc * 60 + Number(part), 0) * 1000
        const earlier = remainingUntil(deadline, deadline - Math.max(a, b))
        const later = remainingUntil(deadline, deadline - Math.min(a, b))
        expect(toMs(later.text)).toBeLessThanOrEqual(toMs(earlier.text))
      })
    )
  })
})
