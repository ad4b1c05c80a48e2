/** @jest-environment node */
import fc from 'fast-check'
import {
  allowedActions,
  allowedActionsFor,
  applyStageAction,
  newProgress,
  parseInstant,
  toShanghaiIso,
  validateActionTime,
  type FilingProgress,
  type StageAction
} from '../../../src/domain'

/** The filing was made in the app today at 09:00; the user had submitted it on the platform before that. */
const CREATED = '2026-11-29T09:00:00+08:00'
const NOW = '2026-11-29T13:00:00+08:00'
const ctx = { platform: 'weapp' as const, province: '11', now: NOW }

function step(p: FilingProgress, action: StageAction, at: string): FilingProgress {
  const r = applyStageAction(p, action, at, ctx)
  if (!r.ok) throw new Error(`${action.type}: ${r.message}`)
  return r.progress
}

describe('stage actions dated when they really happened', () => {
  it('walks the late user: submitted yesterday 10:00, the text 3 hours ago → 21 hours left', () => {
    let p = step(newProgress(CREATED), { type: 'submit' }, '2026-11-28T10:00:00+08:00')
    expect(p.history.map((e) => [e.stage, e.at])).toEqual([
      // the draft was filled in before it was submitted
      ['draft', '2026-11-28T10:00:00+08:00'],
      ['platform_review', '2026-11-28T10:00:00+08:00']
    ])
    p = step(p, { type: 'platform_pass', smsReceivedAt: '2026-11-29T10:00:00+08:00' }, NOW)
    expect(p.smsDeadline).toBe('2026-11-30T10:00:00+08:00')
    expect((parseInstant(p.smsDeadline!) - parseInstant(NOW)) / 3_600_000).toBe(21)
    expect(p.history.at(-1)).toMatchObject({
      stage: 'sms_verification',
      at: '2026-11-29T10:00:00+08:00',
      recordedAt: NOW,
      source: 'user'
    })
  })

  it.each([
    ['in the future', { type: 'submit' }, '2026-11-29T13:05:00+08:00', 'TIME_IN_FUTURE', '不能晚于现在'],
    [
      'long before the filing was made',
      { type: 'submit' },
      '2026-08-01T10:00:00+08:00',
      'TIME_BEFORE_CREATION',
      '90天'
    ],
    ['unreadable', { type: 'submit' }, 'yesterday', 'INVALID_TIME', '格式不正确']
  ] as const)('refuses a submission dated %s', (_label, action, at, code, words) => {
    const r = applyStageAction(newProgress(CREATED), action, at, ctx)
    expect(r).toMatchObject({ ok: false, code })
    if (!r.ok) expect(r.message).toContain(words)
  })

  it('accepts a phone clock up to two minutes ahead as "now"', () => {
    expect(validateActionTime(newProgress(CREATED), 'submit', '2026-11-29T13:01:59+08:00', NOW)).toBeNull()
  })

  it('refuses a step dated before the one it follows, naming it', () => {
    const p = step(newProgress(CREATED), { type: 'submit' }, '2026-11-29T10:00:00+08:00')
    const sms = applyStageAction(p, { type: 'platform_pass', smsReceivedAt: '2026-11-29T09:59:00+08:00' }, NOW, ctx)
    expect(sms).toMatchObject({ ok: false, code: 'SMS_TIME_BEFORE_SUBMIT' })
    if (!sms.ok) expect(sms.message).toBe('收到短信的时间不能早于提交备案的时间（2026-11-29 10:00）')
    const withPass = step(p, { type: 'platform_pass', smsReceivedAt: '2026-11-29T11:00:00+08:00' }, NOW)
    const verified = applyStageAction(withPass, { type: 'sms_verified' }, '2026-11-29T10:30:00+08:00', ctx)
    expect(verified).toMatchObject({ ok: false, code: 'TIME_BEFORE_LAST_STEP' })
    if (!verified.ok) expect(verified.message).toContain('工信部短信核验，2026-11-29 11:00')
  })

  it('refuses reasons of only whitespace', () => {
    const p = step(newProgress(CREATED), { type: 'submit' }, '2026-11-29T10:00:00+08:00')
    expect(applyStageAction(p, { type: 'platform_reject', reasons: ['  ', '\n'] }, NOW, ctx)).toMatchObject({
      ok: false,
      code: 'REASONS_EMPTY'
    })
  })

  it('records who reported a step and lets an invited principal take only the SMS steps', () => {
    const p = step(newProgress(CREATED), { type: 'submit' }, '2026-11-29T10:00:00+08:00')
    expect(allowedActionsFor(p, 'owner')).toEqual(allowedActions(p))
    expect(allowedActionsFor(p, 'owner_principal')).toEqual(['platform_pass'])
    const r = applyStageAction(p, { type: 'platform_pass' }, '2026-11-29T11:00:00+08:00', {
      ...ctx,
      by: 'app_principal'
    })
    expect(r.ok && r.progress.history.at(-1)).toMatchObject({ by: 'app_principal', source: 'user' })
    if (r.ok) expect(allowedActionsFor(r.progress, 'app_principal')).toEqual(['sms_verified'])
  })

  it('keeps any accepted sequence of dated steps in order and never in the future (property)', () => {
    const actions: StageAction[] = [
      { type: 'submit' },
      { type: 'platform_pass' },
      { type: 'platform_reject', reasons: ['备注过于简单'] },
      { type: 'sms_verified' },
      { type: 'sms_expire' },
      { type: 'admin_reject', reasons: ['负责人手机号不是本人实名'] },
      { type: 'cancel' }
    ]
    const nowMs = parseInstant(NOW)
    fc.assert(
      fc.property(
        fc.array(
          fc.tuple(
            fc.constantFrom(...actions),
            fc.integer({ min: -100 * 86_400_000, max: 10 * 60_000 }),
            fc.option(fc.integer({ min: -3 * 86_400_000, max: 0 }), { nil: undefined })
          ),
          { maxLength: 12 }
        ),
        (steps) => {
          let p = newProgress(CREATED)
          for (const [action, offset, smsOffset] of steps) {
            const a: StageAction =
              action.type === 'platform_pass' && smsOffset !== undefined
                ? { type: 'platform_pass', smsReceivedAt: toShanghaiIso(nowMs + smsOffset) }
                : action
            const r = applyStageAction(p, a, toShanghaiIso(nowMs + offset), ctx)
            if (r.ok) p = r.progress
          }
          const times = p.history.map((e) => parseInstant(e.at))
          for (let i = 1; i < times.length; i++) expect(times[i]).toBeGreaterThanOrEqual(times[i - 1])
          for (const t of times.slice(1)) expect(t).toBeLessThanOrEqual(nowMs + 2 * 60_000)
          if (p.smsDeadline && p.stage === 'sms_verification')
            expect(parseInstant(p.smsDeadline) - times.at(-1)!).toBe(24 * 3_600_000)
        }
      )
    )
  })
})
