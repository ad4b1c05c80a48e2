/** @jest-environment node */
import fc from 'fast-check'
import { buildIcs, escapeIcsText, foldIcsLine, icsUtc, unfoldIcs, type IcsEvent } from '../../../src/domain'
import { unescapeIcsText } from './support'

const NOW = '2026-11-23T09:00:00+08:00'

/** The logical lines of each VEVENT, without its VALARM. */
function parseEvents(text: string): Record<string, string>[] {
  const events: Record<string, string>[] = []
  let current: Record<string, string> | undefined
  let inAlarm = false
  for (const line of unfoldIcs(text)) {
    if (line === 'BEGIN:VEVENT') current = {}
    else if (line === 'END:VEVENT') {
      events.push(current!)
      current = undefined
    } else if (line === 'BEGIN:VALARM') inAlarm = true
    else if (line === 'END:VALARM') inAlarm = false
    else if (current && !inAlarm) {
      const i = line.indexOf(':')
      current[line.slice(0, i)] = line.slice(i + 1)
    }
  }
  return events
}

const event = (over: Partial<IcsEvent> = {}): IcsEvent => ({
  uid: 'f1:calendar:sms_deadline:2026-11-04T15:32:00+08:00@beian-assistant',
  title: '12381短信核验截止（云帆会议室预订）',
  start: '2026-11-05T15:20:00+08:00',
  description: '打开短信里的链接，输入验证码完成核验',
  alarmMinutesBefore: 240,
  ...over
})

describe('icsUtc', () => {
  it.each([
    ['2026-11-05T15:20:00+08:00', '20261105T072000Z'],
    ['2026-01-01T00:30:00+08:00', '20251231T163000Z'],
    ['2026-03-01T07:59:59+08:00', '20260228T235959Z'],
    ['2026-06-30T12:00:00Z', '20260630T120000Z'],
    ['2026-11-05T15:20', '20261105T072000Z']
  ])('%s → %s', (instant, utc) => {
    expect(icsUtc(instant)).toBe(utc)
  })

  it('refuses what is not an instant', () => {
    expect(() => icsUtc('tomorrow')).toThrow(RangeError)
  })
})

describe('escapeIcsText', () => {
  it.each([
    ['plain', 'plain'],
    ['a,b', 'a\\,b'],
    ['a;b', 'a\\;b'],
    ['back\\slash', 'back\\\\slash'],
    ['line1\nline2', 'line1\\nline2'],
    ['windows\r\nbreak', 'windows\\nbreak'],
    ['old mac\rbreak', 'old mac\\nbreak'],
    ['bell\u0007gone', 'bellgone'],
    ['tab\tkept', 'tab\tkept'],
    ['中文，全角逗号；不转义', '中文，全角逗号；不转义']
  ])('%j → %j', (raw, escaped) => {
    expect(escapeIcsText(raw)).toBe(escaped)
  })
})

describe('buildIcs', () => {
  const text = buildIcs([event()], { now: NOW, calendarName: '备案提醒' })

  it('is one VCALENDAR with CRLF line ends, the last line included', () => {
    expect(text.startsWith('BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:')).toBe(true)
    expect(text.endsWith('END:VCALENDAR\r\n')).toBe(true)
    expect(text.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/)
  })

  it('writes UTC times, the stamp, the UID and a display alarm', () => {
    const [e] = parseEvents(text)
    expect(e).toMatchObject({
      UID: event().uid,
      DTSTAMP: '20261123T010000Z',
      DTSTART: '20261105T072000Z',
      DTEND: '20261105T075000Z',
      SUMMARY: event().title
    })
    const lines = unfoldIcs(text)
    expect(lines).toEqual(expect.arrayContaining(['BEGIN:VALARM', 'ACTION:DISPLAY', 'TRIGGER:-PT240M', 'END:VALARM']))
    expect(lines.some((l) => l.includes('TZID'))).toBe(false)
  })

  it('leaves the alarm out when none is asked for', () => {
    expect(buildIcs([event({ alarmMinutesBefore: undefined })], { now: NOW })).not.toContain('VALARM')
  })

  it.each([
    ['an end before the start', { end: '2026-11-05T15:00:00+08:00' }],
    ['an end equal to the start', { end: '2026-11-05T15:20:00+08:00' }],
    ['a start that is not a time', { start: '下周一' }]
  ])('refuses %s', (_name, over) => {
    expect(() => buildIcs([event(over)], { now: NOW })).toThrow(RangeError)
  })

  it('folds a long Chinese description without splitting a character', () => {
    const long = buildIcs([event({ description: '核验'.repeat(80) })], { now: NOW })
    for (const line of long.split('\r\n')) expect(Buffer.byteLength(line, 'utf8')).toBeLessThanOrEqual(75)
    expect(long).not.toContain('\uFFFD')
    expect(parseEvents(long)[0].DESCRIPTION).toBe('核验'.repeat(80))
  })
})

describe('iCalendar properties', () => {
  const text = fc.string({ unit: 'binary', maxLength: 300 })
  // eslint-disable-next-line no-control-regex
  const normalize = (s: string) => s.replace(/\r\n?/g, '\n').replace(/[\u0000-\u0008\u000b-\u001f\u007f]/g, '')
  const instant = fc
    .integer({ min: Date.UTC(2024, 0, 1), max: Date.UTC(2030, 0, 1) })
    .map((ms) => new Date(ms - (ms % 1000)).toISOString())
  const arbitraryEvent = fc.record({
    uid: fc.uuid(),
    title: text,
    start: instant,
    description: fc.option(text, { nil: undefined }),
    alarmMinutesBefore: fc.option(fc.integer({ min: 0, max: 24 * 60 }), { nil: undefined })
  })

  it('keeps every line within 75 octets, ends lines in CRLF, and writes one VEVENT per event', () => {
    fc.assert(
      fc.property(fc.array(arbitraryEvent, { maxLength: 6 }), (events) => {
        const ics = buildIcs(events, { now: NOW })
        expect(ics.endsWith('\r\n')).toBe(true)
        const physical = ics.slice(0, -2).split('\r\n')
        for (const line of physical) {
          expect(Buffer.byteLength(line, 'utf8')).toBeLessThanOrEqual(75)
          expect(line).not.toMatch(/[\r\n]/)
        }
        const parsed = parseEvents(ics)
        expect(parsed).toHaveLength(events.length)
        expect(ics.match(/^BEGIN:VEVENT$/gm)?.length ?? 0).toBe(events.length)
        parsed.forEach((p, i) => expect(p.UID).toBe(events[i].uid))
      })
    )
  })

  it('gets the text back: unescape(unfold(build(event))) is the (normalised) input', () => {
    fc.assert(
      fc.property(arbitraryEvent, (e) => {
        const [p] = parseEvents(buildIcs([e], { now: NOW }))
        expect(unescapeIcsText(p.SUMMARY)).toBe(normalize(e.title))
        if (e.description) expect(unescapeIcsText(p.DESCRIPTION ?? '')).toBe(normalize(e.description))
      })
    )
  })

  it('escaping round-trips any text without carriage returns or control characters', () => {
    fc.assert(
      fc.property(text, (s) => {
        expect(unescapeIcsText(escapeIcsText(s))).toBe(normalize(s))
      })
    )
  })

  it('folding is undone by unfolding, for any line', () => {
    fc.assert(
      fc.property(text, (s) => {
        const line = s.replace(/[\r\n]/g, '')
        const folded = foldIcsLine(line)
        expect(unfoldIcs(folded + '\r\n')).toEqual(line ? [line] : [])
        for (const l of folded.split('\r\n')) expect(Buffer.byteLength(l, 'utf8')).toBeLessThanOrEqual(75)
      })
    )
  })
})
