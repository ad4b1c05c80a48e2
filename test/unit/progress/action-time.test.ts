/**
 * When a step happened, as the stage-action forms turn a choice into an instant (src/pages/progress/action-time):
 * 刚刚 leaves the dating to the back end, quick choices are that long before now in China time, a picked date and
 * time is read as China time.
 */
import fc from 'fast-check'
import { chosenInstant, pickedInstant, type TimeChoice } from '../../../src/pages/progress/action-time'
import { parseInstant } from '../../../src/domain'

const NOW = Date.parse('2026-11-23T10:00:00+08:00')

describe('chosenInstant', () => {
  it.each<[TimeChoice, string | undefined]>([
    ['now', undefined],
    ['1h', '2026-11-23T09:00:00+08:00'],
    ['3h', '2026-11-23T07:00:00+08:00'],
    ['yesterday', '2026-11-22T10:00:00+08:00'],
    ['custom', undefined]
  ])('%s → %s', (choice, expected) => {
    expect(chosenInstant(choice, NOW)).toBe(expected)
  })

  it('a custom choice is what was picked', () => {
    expect(chosenInstant('custom', NOW, '2026-11-22T10:00:00+08:00')).toBe('2026-11-22T10:00:00+08:00')
  })

  it('no quick choice is ever in the future, and each is exactly its distance before now', () => {
    const ago: Record<string, number> = { '1h': 1, '3h': 3, yesterday: 24 }
    fc.assert(
      fc.property(fc.constantFrom('1h', '3h', 'yesterday'), fc.integer({ min: 0, max: 2 ** 42 }), (choice, now) => {
        const at = parseInstant(chosenInstant(choice as TimeChoice, now)!)
        // to the second (the instant is written without milliseconds)
        expect(now - at).toBe(ago[choice] * 3_600_000 + (now % 1000))
      })
    )
  })
})

describe('pickedInstant', () => {
  it.each([
    [['2026', '11', '22', '10', '05'], '2026-11-22T10:05:00+08:00'],
    [[2027, 1, 3, 0, 0], '2027-01-03T00:00:00+08:00']
  ])('%j → %s (China time)', (values, expected) => {
    expect(pickedInstant(values)).toBe(expected)
  })
})
