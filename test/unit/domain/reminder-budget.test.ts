/** @jest-environment node */
import fc from 'fast-check'
import {
  REMINDER_PRIORITY,
  REMINDER_TEMPLATE_OF,
  budgetReminders,
  byImportance,
  nextAsk,
  type BudgetItem,
  type ReminderKind
} from '../../../src/domain'

const item = (kind: ReminderKind, dueAt: string, key: string = kind): BudgetItem => ({
  key,
  kind,
  template: REMINDER_TEMPLATE_OF[kind],
  dueAt
})

/** The SMS window as the late user has it: the middle warning falls due first, the last one matters most. */
const SMS_WINDOW = [
  item('sms_window_12h', '2026-11-29T22:00:00+08:00'),
  item('sms_window_20h', '2026-11-30T06:00:00+08:00')
]

describe('the reminder budget', () => {
  it.each([
    [0, []],
    [1, ['sms_window_20h']],
    [2, ['sms_window_20h', 'sms_window_12h']],
    [3, ['sms_window_20h', 'sms_window_12h']]
  ] as const)('with %i unit(s) of the SMS template covers %j', (units, expected) => {
    expect([...budgetReminders(SMS_WINDOW, { sms_deadline: units })]).toEqual(expected)
  })

  it('spends each template only on its own reminders, and counts a held unit as covered', () => {
    const pending = [
      ...SMS_WINDOW,
      item('admin_review_eta', '2026-12-10T10:00:00+08:00'),
      { ...item('certificate_expiring', '2026-11-30T10:00:00+08:00'), unitHeld: true }
    ]
    const covered = budgetReminders(pending, { sms_deadline: 1, review_progress: 1 })
    expect([...covered].sort()).toEqual(['admin_review_eta', 'certificate_expiring', 'sms_window_20h'])
  })

  it('asks one more tap for what matters most next, at most three templates', () => {
    const pending = [...SMS_WINDOW, item('admin_review_eta', '2026-12-10T10:00:00+08:00')]
    expect(nextAsk(pending, {})).toMatchObject({ templates: ['sms_deadline', 'review_progress'] })
    expect(nextAsk(pending, {}).covers.map((c) => c.kind)).toEqual(['sms_window_20h', 'admin_review_eta'])
    expect(nextAsk(pending, { sms_deadline: 1 }).covers.map((c) => c.kind)).toEqual([
      'sms_window_12h',
      'admin_review_eta'
    ])
    expect(nextAsk(pending, { sms_deadline: 2, review_progress: 1 }).templates).toEqual([])
  })

  it('with k units of a template covers exactly its k most important pending reminders (property)', () => {
    const kinds = Object.keys(REMINDER_TEMPLATE_OF) as ReminderKind[]
    const arbItem = fc.record({
      kind: fc.constantFrom(...kinds),
      dueAt: fc.integer({ min: 0, max: 1_000_000 }).map((n) => new Date(1.7e12 + n * 60_000).toISOString())
    })
    fc.assert(
      fc.property(
        fc.uniqueArray(arbItem, { maxLength: 20, selector: (i) => `${i.kind}|${i.dueAt}` }),
        fc.record({
          sms_deadline: fc.nat(6),
          review_progress: fc.nat(6),
          todo_reminder: fc.nat(6)
        }),
        (raw, units) => {
          const pending = raw.map((r, i) => item(r.kind, r.dueAt, `k${i}`))
          const covered = budgetReminders(pending, units)
          for (const template of ['sms_deadline', 'review_progress', 'todo_reminder'] as const) {
            const mine = pending.filter((p) => p.template === template).sort(byImportance)
            const k = Math.min(units[template], mine.length)
            expect(mine.filter((p) => covered.has(p.key)).map((p) => p.key)).toEqual(mine.slice(0, k).map((p) => p.key))
          }
          // nothing more important is ever left out for something less important of the same template
          for (const a of pending)
            for (const b of pending)
              if (a.template === b.template && covered.has(b.key) && !covered.has(a.key))
                expect(REMINDER_PRIORITY[a.kind]).toBeGreaterThanOrEqual(REMINDER_PRIORITY[b.kind])
        }
      )
    )
  })
})
