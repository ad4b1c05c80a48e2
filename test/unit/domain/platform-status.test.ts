/**
 * The platform-status mapping: every WeChat (status, sms_verify_status) pair and every Douyin state onto the stage
 * machine, rejections with the platform's own field/error/suggestion linked to their fix, and (property) any sequence
 * of observations — repeated, stale, out of order — leaves a legal stage history.
 */
import fc from 'fast-check'
import {
  applyPlatformObservation,
  douyinObservedState,
  linkAuditItem,
  planStageSync,
  wechatObservedState,
  type ObservedState,
  type PlatformObservation
} from '../../../src/domain/platform-status'
import { allowedActions, applyStageAction, newProgress } from '../../../src/domain/stages'
import { STAGES, type FilingProgress, type Stage, type StageAction } from '../../../src/domain/types'

const CTX = { platform: 'weapp' as const, province: '44' as const, filingType: 'new' as const }
const T0 = '2026-03-02T09:00:00+08:00'
const NUMBER = '粤ICP备2026000001号-1X'
const at = (hours: number) => new Date(Date.parse(T0) + hours * 3_600_000).toISOString()

describe('WeChat (status, sms_verify_status) table', () => {
  it.each<[number, number | undefined, ObservedState]>([
    [2, undefined, 'platform_review'],
    [2, 1, 'platform_review'], // sms_verify_status is only valid at 4
    [3, undefined, 'platform_rejected'],
    [4, undefined, 'admin_review_sms_unknown'],
    [4, 0, 'admin_review_sms_unknown'],
    [4, 1, 'sms_waiting'],
    [4, 2, 'sms_done'],
    [4, 3, 'sms_timeout'],
    [4, 9, 'admin_review_sms_unknown'],
    [5, undefined, 'admin_rejected'],
    [5, 2, 'admin_rejected'],
    [6, undefined, 'filed'],
    [1024, undefined, 'not_filed'],
    [1031, undefined, 'not_filed'],
    [0, undefined, 'not_filed']
  ])('(%p, %p) → %p', (status, sms, state) => {
    expect(wechatObservedState(status, sms)).toBe(state)
  })
})

describe('Douyin states', () => {
  it.each<[string | undefined, ObservedState]>([
    ['not_filed', 'not_filed'],
    ['platform_review', 'platform_review'],
    ['platform_rejected', 'platform_rejected'],
    ['admin_review', 'sms_waiting'],
    ['admin_rejected', 'admin_rejected'],
    ['filed', 'filed'],
    [undefined, 'not_filed'],
    ['something_new', 'not_filed']
  ])('%p → %p', (symbolic, state) => expect(douyinObservedState(symbolic)).toBe(state))
})

/** Progress at each stage, reached legally. */
function progressAt(stage: Stage): FilingProgress {
  const route: Record<Stage, StageAction[]> = {
    draft: [],
    platform_review: [{ type: 'submit' }],
    platform_rejected: [{ type: 'submit' }, { type: 'platform_reject', reasons: ['x'] }],
    sms_verification: [{ type: 'submit' }, { type: 'platform_pass' }],
    sms_expired: [{ type: 'submit' }, { type: 'platform_pass' }, { type: 'sms_expire' }],
    admin_review: [{ type: 'submit' }, { type: 'platform_pass' }, { type: 'sms_verified' }],
    admin_rejected: [
      { type: 'submit' },
      { type: 'platform_pass' },
      { type: 'sms_verified' },
      { type: 'admin_reject', reasons: ['x'] }
    ],
    approved: [
      { type: 'submit' },
      { type: 'platform_pass' },
      { type: 'sms_verified' },
      { type: 'admin_pass', filingNumber: NUMBER }
    ],
    cancelled: [{ type: 'cancel' }]
  }
  let p = newProgress(T0)
  route[stage].forEach((a, i) => {
    const r = applyStageAction(p, a, at(i * 30), CTX)
    if (!r.ok) throw new Error(r.message)
    p = r.progress
  })
  return p
}

const obs = (state: ObservedState, hours: number, extra: Partial<PlatformObservation> = {}): PlatformObservation => ({
  state,
  observedAt: at(hours),
  previousObservedAt: at(hours - 0.25),
  ...extra
})

describe('planStageSync: from each stage to each observed state', () => {
  const EXPECTED: Record<string, string> = {
    'draft>platform_review': 'submit',
    'draft>sms_waiting': 'submit platform_pass',
    'draft>sms_done': 'submit platform_pass sms_verified',
    'draft>filed': 'submit platform_pass sms_verified admin_pass',
    'draft>platform_rejected': 'submit platform_reject',
    'draft>admin_rejected': 'submit platform_pass sms_verified admin_reject',
    'draft>sms_timeout': 'submit platform_pass sms_expire',
    'draft>admin_review_sms_unknown': 'submit',
    'platform_review>sms_waiting': 'platform_pass',
    'platform_review>sms_done': 'platform_pass sms_verified',
    'platform_review>platform_rejected': 'platform_reject',
    'platform_review>sms_timeout': 'platform_pass sms_expire',
    'platform_review>admin_rejected': 'platform_pass sms_verified admin_reject',
    'platform_review>filed': 'platform_pass sms_verified admin_pass',
    'sms_verification>admin_rejected': 'sms_verified admin_reject',
    'sms_verification>sms_done': 'sms_verified',
    'sms_verification>sms_timeout': 'sms_expire',
    'sms_verification>filed': 'sms_verified admin_pass',
    'admin_review>filed': 'admin_pass',
    'admin_review>admin_rejected': 'admin_reject',
    'platform_rejected>platform_review': 'submit',
    'platform_rejected>sms_waiting': 'submit platform_pass',
    'sms_expired>platform_review': 'submit',
    'admin_rejected>platform_review': 'submit',
    'admin_rejected>platform_rejected': 'submit platform_reject'
  }
  const SAME_STAGE: Partial<Record<ObservedState, Stage>> = {
    platform_rejected: 'platform_rejected',
    sms_timeout: 'sms_expired',
    admin_rejected: 'admin_rejected'
  }
  const STATES: ObservedState[] = [
    'not_filed',
    'platform_review',
    'platform_rejected',
    'admin_review_sms_unknown',
    'sms_waiting',
    'sms_done',
    'sms_timeout',
    'admin_rejected',
    'filed'
  ]
  const cases = STAGES.flatMap((s) => STATES.map((o) => [s, o] as const))
  it.each(cases)('%s + %s', (stage, state) => {
    const plan = planStageSync(progressAt(stage), obs(state, 200, { filingNumber: NUMBER, audit: [] }))
    const key = `${stage}>${state}`
    const restarts = ['platform_rejected', 'sms_expired', 'admin_rejected'].includes(stage)
    const repeat = SAME_STAGE[state] === stage
    // from a closed stage every other platform state is a new cycle, planned as from a draft; the rest is stale
    const expected = EXPECTED[key] ?? (restarts && !repeat ? (EXPECTED[`draft>${state}`] ?? '') : '')
    expect(plan.actions.map((a) => a.action.type).join(' ')).toBe(expected)
  })

  it('dates the steps between polls at the previous poll and the observed step at the observation', () => {
    const plan = planStageSync(progressAt('platform_review'), obs('sms_done', 100))
    expect(plan.actions).toEqual([
      {
        action: { type: 'platform_pass', smsReceivedAt: '2026-03-06T12:45:00+08:00' },
        at: '2026-03-06T12:45:00+08:00'
      },
      { action: { type: 'sms_verified' }, at: '2026-03-06T13:00:00+08:00' }
    ])
  })

  it('the SMS deadline is 24 h after the previous poll, the earliest the text can have come', () => {
    const r = applyPlatformObservation(progressAt('platform_review'), obs('sms_waiting', 100), CTX)
    expect(r.progress.stage).toBe('sms_verification')
    expect(r.progress.smsDeadline).toBe('2026-03-07T12:45:00+08:00')
  })

  it('filed without a 备案号 yet: goes as far as 管局审核 and says the number is pending', () => {
    const plan = planStageSync(progressAt('sms_verification'), obs('filed', 100))
    expect(plan.actions.map((a) => a.action.type)).toEqual(['sms_verified'])
    expect(plan.pending).toBe('filing_number')
  })

  it('a rejection carries the platform’s field, error and suggestion, linked to the self-check field', () => {
    const audit = [
      { field: '主办单位证件有效期', error: '证件有效期不足', suggestion: '请更换有效期内的证件' },
      { field: '小程序备注', error: '描述过于简单', suggestion: '' }
    ]
    const r = applyPlatformObservation(progressAt('platform_review'), obs('platform_rejected', 50, { audit }), CTX)
    expect(r.progress.stage).toBe('platform_rejected')
    expect(r.progress.history.at(-1)!.reasons).toEqual([
      '主办单位证件有效期：证件有效期不足（建议：请更换有效期内的证件）',
      '小程序备注：描述过于简单'
    ])
    const linked = linkAuditItem(audit[0])
    expect(linked.fieldPath).toBe('owner.certificateValidUntil')
    expect(linked.reasonId).toBe('certificate_validity')
    expect(linkAuditItem(audit[1]).fieldPath).toBe('miniProgram.description')
  })

  it('a cancellation filing skips the SMS step', () => {
    const p = progressAt('platform_review')
    const plan = planStageSync(p, obs('sms_waiting', 100), 'cancel')
    expect(plan.actions.map((a) => a.action.type)).toEqual(['platform_pass'])
    const r = applyPlatformObservation(p, obs('filed', 200), { ...CTX, filingType: 'cancel' })
    expect(r.progress.stage).toBe('approved')
  })
})

describe('property: any sequence of observations leaves a legal stage history', () => {
  const state = fc.constantFrom<ObservedState>(
    'not_filed',
    'platform_review',
    'platform_rejected',
    'admin_review_sms_unknown',
    'sms_waiting',
    'sms_done',
    'sms_timeout',
    'admin_rejected',
    'filed'
  )
  const step = fc.record({ state, gapMinutes: fc.integer({ min: 0, max: 3 * 24 * 60 }), withNumber: fc.boolean() })

  /** Replays a history against the machine's own FROM table: each entry must be reachable from the one before. */
  function assertLegal(p: FilingProgress) {
    let replay = newProgress(p.history[0].at)
    for (const entry of p.history.slice(1)) {
      const legal = allowedActions(replay)
      expect(legal.length).toBeGreaterThan(0)
      expect(Date.parse(entry.at)).toBeGreaterThanOrEqual(Date.parse(replay.history.at(-1)!.at))
      replay = { ...replay, stage: entry.stage, history: [...replay.history, entry] }
    }
    expect(replay.stage).toBe(p.stage)
  }

  it('holds for random, repeated and stale observations', () => {
    fc.assert(
      fc.property(
        fc.constantFrom<Stage>('draft', 'platform_review', 'sms_verification', 'admin_rejected'),
        fc.array(step, { maxLength: 25 }),
        (start, steps) => {
          let p = progressAt(start)
          let t = 300 * 60
          let previous: string | undefined
          for (const s of steps) {
            t += s.gapMinutes
            const observation: PlatformObservation = {
              state: s.state,
              observedAt: at(t / 60),
              ...(previous ? { previousObservedAt: previous } : {}),
              ...(s.withNumber ? { filingNumber: NUMBER } : {})
            }
            const r = applyPlatformObservation(p, observation, CTX)
            // the only refusal a physically impossible sequence can meet: an SMS time-out before 24 h have passed
            if (r.refused) expect(r.refused.code).toBe('SMS_NOT_EXPIRED')
            expect(r.progress.history.length).toBeGreaterThanOrEqual(p.history.length)
            p = r.progress
            assertLegal(p)
            // observing the same thing again changes nothing
            const again = applyPlatformObservation(
              p,
              { ...observation, observedAt: at(t / 60 + 0.1), previousObservedAt: observation.observedAt },
              CTX
            )
            if (!r.refused) expect(again.applied).toEqual([])
            previous = observation.observedAt
          }
        }
      ),
      { numRuns: 300 }
    )
  })
})

describe('synced entries', () => {
  it('are recorded with source "platform"; user entries keep theirs', () => {
    const r = applyPlatformObservation(progressAt('platform_review'), obs('sms_done', 100), CTX)
    expect(r.progress.history.slice(-2).map((h) => h.source)).toEqual(['platform', 'platform'])
    expect(r.progress.history[1].source).toBe('user')
  })
})
