/** @jest-environment node */
import { addHours, buildIcs, parseInstant, unfoldIcs } from '../../../src/domain'
import type { Stage } from '../../../src/domain/types'
import { SMS_ALARM_MINUTES, filingCalendarEvents } from '../../../src/filing/reminders/calendar-events'
import { NOW, STAGES, run, viewAt } from './support'

describe('filingCalendarEvents', () => {
  it('puts the SMS deadline first, with an alarm four hours before', () => {
    const view = viewAt('sms_verification')
    const [sms, ...rest] = filingCalendarEvents(view, NOW)
    expect(sms).toMatchObject({
      kind: 'sms_deadline',
      start: view.progress.smsDeadline,
      alarmMinutesBefore: SMS_ALARM_MINUTES
    })
    expect(sms.title).toContain('云帆会议室预订')
    expect(rest.map((e) => e.kind)).toEqual(['admin_review_eta'])
  })

  it('leaves out an expected date that has already passed', () => {
    // submitted 2026-11-17: WeChat's 2-working-day review was expected on the 19th
    expect(filingCalendarEvents(viewAt('platform_review'), NOW).map((e) => e.kind)).toEqual(['admin_review_eta'])
  })

  it('gives the same ids when planned again, and different ids per stage entry', () => {
    const a = filingCalendarEvents(viewAt('sms_verification'), NOW)
    expect(filingCalendarEvents(viewAt('sms_verification'), addHours(NOW, 1)).map((e) => e.uid)).toEqual(
      a.map((e) => e.uid)
    )
    const b = filingCalendarEvents(viewAt('platform_review'), NOW)
    expect(new Set([...a, ...b].map((e) => e.uid)).size).toBe(a.length + b.length)
  })

  it('dates the review results at 10:00 Shanghai on working days ahead', () => {
    const submittedNow = viewAt('platform_review', { progress: run([[{ type: 'submit' }, NOW]]) })
    const events = filingCalendarEvents(submittedNow, NOW)
    expect(events.map((e) => e.kind)).toEqual(['platform_review_eta', 'admin_review_eta'])
    for (const e of events) {
      expect(e.start).toMatch(/T10:00:00\+08:00$/)
      expect(parseInstant(e.start)).toBeGreaterThan(parseInstant(NOW))
    }
  })

  it.each(['draft', 'platform_rejected', 'sms_expired', 'admin_rejected', 'approved', 'cancelled'] as Stage[])(
    'has nothing to add in %s',
    (stage) => {
      expect(filingCalendarEvents(viewAt(stage), NOW)).toEqual([])
    }
  )

  it('drops a deadline that has passed', () => {
    const view = viewAt('sms_verification')
    const kinds = filingCalendarEvents(view, addHours(view.progress.smsDeadline!, 1)).map((e) => e.kind)
    expect(kinds).not.toContain('sms_deadline')
  })

  it.each(STAGES)('builds a valid calendar in %s', (stage) => {
    const events = filingCalendarEvents(viewAt(stage), NOW)
    const lines = unfoldIcs(buildIcs(events, { now: NOW }))
    expect(lines.filter((l) => l === 'BEGIN:VEVENT')).toHaveLength(events.length)
  })
})
