/** @jest-environment node */
import {
  allowedActions,
  applyStageAction,
  newProgress,
  STAGE_LABELS,
  stageEtas,
  type FilingProgress,
  type Stage,
  type StageAction
} from '../../../src/domain'
import { SAMPLE_PROFILE } from '../../../src/domain/samples'

const T0 = '2025-09-22T09:00:00+08:00'
const ctx = { platform: 'weapp' as const, province: '12' }

function run(steps: [StageAction, string][], start = newProgress(T0), c = ctx): FilingProgress {
  let p = start
  for (const [action, at] of steps) {
    const r = applyStageAction(p, action, at, c)
    if (!r.ok) throw new Error(`${action.type}: ${r.message}`)
    p = r.progress
  }
  return p
}

const submitted: [StageAction, string] = [{ type: 'submit' }, '2025-09-22T10:00:00+08:00']
const passed: [StageAction, string] = [
  { type: 'platform_pass', smsReceivedAt: '2025-09-23T15:20:00+08:00' },
  '2025-09-23T15:30:00+08:00'
]
const verified: [StageAction, string] = [{ type: 'sms_verified' }, '2025-09-23T16:00:00+08:00']

/** A progress sitting in each stage. */
const AT: Record<Stage, () => FilingProgress> = {
  draft: () => newProgress(T0),
  platform_review: () => run([submitted]),
  platform_rejected: () =>
    run([submitted, [{ type: 'platform_reject', reasons: ['备注过于简单'] }, '2025-09-23T10:00:00+08:00']]),
  sms_verification: () => run([submitted, passed]),
  sms_expired: () => run([submitted, passed, [{ type: 'sms_expire' }, '2025-09-24T15:20:00+08:00']]),
  admin_review: () => run([submitted, passed, verified]),
  admin_rejected: () =>
    run([submitted, passed, verified, [{ type: 'admin_reject', reasons: ['地址不详'] }, '2025-09-25T10:00:00+08:00']]),
  approved: () =>
    run([
      submitted,
      passed,
      verified,
      [{ type: 'admin_pass', filingNumber: '津ICP备2025012345号-1X' }, '2025-09-26T10:00:00+08:00']
    ]),
  cancelled: () => run([[{ type: 'cancel' }, '2025-09-22T10:00:00+08:00']])
}

const LATER = '2025-12-01T10:00:00+08:00'
const ACTIONS: Record<StageAction['type'], StageAction> = {
  submit: { type: 'submit' },
  platform_pass: { type: 'platform_pass' },
  platform_reject: { type: 'platform_reject', reasons: ['x'] },
  sms_verified: { type: 'sms_verified' },
  sms_expire: { type: 'sms_expire' },
  admin_pass: { type: 'admin_pass', filingNumber: '津ICP备2025012345号-1X' },
  admin_reject: { type: 'admin_reject', reasons: ['x'] },
  cancel: { type: 'cancel' }
}

const LEGAL: [Stage, StageAction['type'], Stage][] = [
  ['draft', 'submit', 'platform_review'],
  ['draft', 'cancel', 'cancelled'],
  ['platform_review', 'platform_pass', 'sms_verification'],
  ['platform_review', 'platform_reject', 'platform_rejected'],
  ['platform_review', 'cancel', 'cancelled'],
  ['platform_rejected', 'submit', 'platform_review'],
  ['platform_rejected', 'cancel', 'cancelled'],
  ['sms_verification', 'sms_verified', 'admin_review'],
  ['sms_verification', 'sms_expire', 'sms_expired'],
  ['sms_expired', 'submit', 'platform_review'],
  ['sms_expired', 'cancel', 'cancelled'],
  ['admin_review', 'admin_pass', 'approved'],
  ['admin_review', 'admin_reject', 'admin_rejected'],
  ['admin_rejected', 'submit', 'platform_review'],
  ['admin_rejected', 'cancel', 'cancelled']
]

describe('stage machine', () => {
  it('starts a draft with one history entry', () => {
    expect(newProgress('2025-09-22T01:00:00Z')).toEqual({
      stage: 'draft',
      history: [{ stage: 'draft', at: '2025-09-22T09:00:00+08:00' }]
    })
  })

  it.each(LEGAL)('%s --%s--> %s', (from, action, to) => {
    const r = applyStageAction(AT[from](), ACTIONS[action], LATER, ctx)
    expect(r.ok && r.progress.stage).toBe(to)
    expect(allowedActions(AT[from]())).toContain(action)
  })

  const ILLEGAL = (Object.keys(AT) as Stage[]).flatMap((from) =>
    (Object.keys(ACTIONS) as StageAction['type'][])
      .filter((a) => !LEGAL.some(([f, x]) => f === from && x === a))
      .map((a) => [from, a] as const)
  )
  it.each(ILLEGAL)('refuses %s --%s--> with a Chinese message', (from, action) => {
    const r = applyStageAction(AT[from](), ACTIONS[action], LATER, ctx)
    expect(r).toMatchObject({ ok: false, code: 'ILLEGAL_TRANSITION' })
    expect(!r.ok && r.message).toContain(STAGE_LABELS[from])
    expect(allowedActions(AT[from]())).not.toContain(action)
  })

  it('explains that a filing past the platform review cannot be withdrawn', () => {
    const r = applyStageAction(AT.admin_review(), { type: 'cancel' }, LATER, ctx)
    expect(!r.ok && r.message).toContain('无法撤回')
  })

  it('sets the SMS deadline to the arrival + 24 h and clears it on resubmission', () => {
    expect(AT.sms_verification().smsDeadline).toBe('2025-09-24T15:20:00+08:00')
    const direct = run([submitted, [{ type: 'platform_pass' }, '2025-09-23T07:30:00Z']])
    expect(direct.smsDeadline).toBe('2025-09-24T15:30:00+08:00')
    const again = applyStageAction(AT.sms_expired(), { type: 'submit' }, LATER, ctx)
    expect(again.ok && again.progress.smsDeadline).toBeUndefined()
  })

  it.each([
    [
      'an SMS time in the future',
      { type: 'platform_pass', smsReceivedAt: '2025-09-23T16:00:00+08:00' },
      'SMS_TIME_IN_FUTURE'
    ],
    [
      'an SMS before the submission',
      { type: 'platform_pass', smsReceivedAt: '2025-09-22T09:59:00+08:00' },
      'SMS_TIME_BEFORE_SUBMIT'
    ]
  ] as const)('refuses %s', (_label, action, code) => {
    expect(applyStageAction(AT.platform_review(), action, '2025-09-23T15:30:00+08:00', ctx)).toMatchObject({
      ok: false,
      code
    })
  })

  it('refuses to expire the SMS before the deadline', () => {
    expect(
      applyStageAction(AT.sms_verification(), { type: 'sms_expire' }, '2025-09-24T15:19:00+08:00', ctx)
    ).toMatchObject({
      ok: false,
      code: 'SMS_NOT_EXPIRED'
    })
  })

  it('refuses times before the last step and unreadable times', () => {
    expect(applyStageAction(AT.platform_review(), { type: 'platform_reject', reasons: [] }, T0, ctx)).toMatchObject({
      code: 'TIME_BEFORE_LAST_STEP'
    })
    expect(applyStageAction(AT.draft(), { type: 'submit' }, 'soon', ctx)).toMatchObject({ code: 'INVALID_TIME' })
  })

  it.each([
    ['京ICP备2025012345号-1X', 'FILING_NUMBER_PROVINCE_MISMATCH'],
    ['津ICP备2025012345号-1', 'FILING_NUMBER_NOT_MINIPROGRAM'],
    ['津ICP备2025012345', 'FILING_NUMBER_FORMAT']
  ])('checks the filing number %s', (filingNumber, code) => {
    expect(applyStageAction(AT.admin_review(), { type: 'admin_pass', filingNumber }, LATER, ctx)).toMatchObject({
      ok: false,
      code
    })
  })

  it('stores the normalised filing number and keeps rejection reasons', () => {
    expect(AT.approved().filingNumber).toBe('津ICP备2025012345号-1X')
    expect(AT.platform_rejected().history.at(-1)).toMatchObject({
      stage: 'platform_rejected',
      reasons: ['备注过于简单']
    })
  })

  it('a cancellation filing skips the SMS check and may finish without a number', () => {
    const c = { ...ctx, filingType: 'cancel' as const }
    const p = run([submitted, [{ type: 'platform_pass' }, '2025-09-23T10:00:00+08:00']], newProgress(T0), c)
    expect(p.stage).toBe('admin_review')
    expect(run([[{ type: 'admin_pass', filingNumber: '' }, LATER]], p, c).stage).toBe('approved')
  })
})

describe('stageEtas', () => {
  it('counts working days across the 2025 National Day holiday', () => {
    const etas = stageEtas(AT.admin_review(), SAMPLE_PROFILE, '2025-09-24T09:00:00+08:00')
    const admin = etas.find((e) => e.stage === 'admin_review')!
    // Tianjin: 1–20 working days (typical 10) from 2025-09-23; 10-01..08 off, 09-28 and 10-11 worked
    expect(admin).toMatchObject({
      startedAt: '2025-09-23T16:00:00+08:00',
      minDate: '2025-09-24',
      etaDate: '2025-10-13',
      done: false
    })
    expect(admin.maxDate).toBe('2025-10-27')
    expect(etas.slice(0, 3).every((e) => e.done)).toBe(true)
    expect(etas.find((e) => e.stage === 'approved')).toMatchObject({ etaDate: '2025-10-13', done: false })
  })

  it('chains future stages from today for a draft, WeChat 1–2 working days first', () => {
    const etas = stageEtas(newProgress(T0), SAMPLE_PROFILE, '2025-09-26T12:00:00+08:00')
    expect(etas.map((e) => e.stage)).toEqual([
      'draft',
      'platform_review',
      'sms_verification',
      'admin_review',
      'approved'
    ])
    expect(etas[1]).toMatchObject({ minDate: '2025-09-28', etaDate: '2025-09-29', maxDate: '2025-09-29' })
    expect(etas[2]).toMatchObject({ etaDate: '2025-09-29', maxDate: '2025-09-30' })
  })

  it('uses the SMS deadline as the latest date of the SMS stage', () => {
    const sms = stageEtas(AT.sms_verification(), SAMPLE_PROFILE, '2025-09-23T16:00:00+08:00').find(
      (e) => e.stage === 'sms_verification'
    )!
    expect(sms).toMatchObject({ minDate: '2025-09-23', maxDate: '2025-09-24' })
  })

  it('flags dates in a year without a published arrangement', () => {
    const start = newProgress('2027-03-01T09:00:00+08:00')
    const etas = stageEtas(start, SAMPLE_PROFILE, '2027-03-01T09:00:00+08:00')
    expect(etas.filter((e) => e.stage !== 'draft').every((e) => e.provisional)).toBe(true)
    expect(stageEtas(AT.admin_review(), SAMPLE_PROFILE, '2025-09-24T09:00:00+08:00').some((e) => e.provisional)).toBe(
      false
    )
  })

  it('uses observed durations when given, and skips the SMS stage for cancellations', () => {
    const fast = stageEtas(AT.admin_review(), SAMPLE_PROFILE, '2025-09-24T09:00:00+08:00', { adminReviewDays: 3 })
    expect(fast.find((e) => e.stage === 'admin_review')!.etaDate).toBe('2025-09-26')
    const cancel = stageEtas(newProgress(T0), { ...SAMPLE_PROFILE, filingType: 'cancel' }, T0)
    expect(cancel.map((e) => e.stage)).not.toContain('sms_verification')
  })

  it('marks everything done once approved', () => {
    expect(stageEtas(AT.approved(), SAMPLE_PROFILE, LATER).every((e) => e.done)).toBe(true)
  })
})
