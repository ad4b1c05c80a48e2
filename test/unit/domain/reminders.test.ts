/** @jest-environment node */
import fc from 'fast-check'
import {
  applyStageAction,
  formatWechatTime,
  isValidFieldValue,
  newProgress,
  planReminders,
  REMINDER_TEMPLATES,
  type Filing,
  type FilingProgress,
  type StageAction
} from '../../../src/domain'
import { SAMPLE_FILING } from '../../../src/domain/samples'

const ctx = { platform: 'weapp' as const, province: '12' }
function progress(steps: [StageAction, string][]): FilingProgress {
  let p = newProgress('2025-09-20T09:00:00+08:00')
  for (const [a, at] of steps) {
    const r = applyStageAction(p, a, at, ctx)
    if (!r.ok) throw new Error(r.message)
    p = r.progress
  }
  return p
}
const filing = (p: FilingProgress, over: Partial<Filing> = {}): Filing => ({
  ...SAMPLE_FILING,
  id: 'f1',
  progress: p,
  ...over
})

const SUBMIT: [StageAction, string] = [{ type: 'submit' }, '2025-09-22T10:00:00+08:00']
const SMS: [StageAction, string] = [
  { type: 'platform_pass', smsReceivedAt: '2025-09-23T15:20:00+08:00' },
  '2025-09-23T15:30:00+08:00'
]

function expectValidFields(reminders: ReturnType<typeof planReminders>) {
  for (const r of reminders) {
    const template = REMINDER_TEMPLATES[r.template]
    expect(Object.keys(r.fields).sort()).toEqual(template.fields.map((f) => f.key).sort())
    for (const f of template.fields)
      expect([f.key, r.fields[f.key], isValidFieldValue(f.type, r.fields[f.key])]).toEqual([
        f.key,
        r.fields[f.key],
        true
      ])
  }
}

describe('planReminders', () => {
  it('plans the +12 h and +20 h warnings after the SMS to everyone, and "the SMS arrived" only to the others', () => {
    const f = filing(progress([SUBMIT, SMS]))
    const plan = planReminders(f, '2025-09-23T15:31:00+08:00').filter((r) => r.template === 'sms_deadline')
    expect(plan.map((r) => [r.kind, r.dueAt, r.recipients])).toEqual([
      // the owner reported it at 15:30: the principals hear it then, the owner does not
      ['sms_window_open', '2025-09-23T15:30:00+08:00', ['owner_principal', 'app_principal']],
      ['sms_window_12h', '2025-09-24T03:20:00+08:00', ['owner', 'owner_principal', 'app_principal']],
      ['sms_window_20h', '2025-09-24T11:20:00+08:00', ['owner', 'owner_principal', 'app_principal']]
    ])
    for (const r of plan) {
      expect(r.expiresAt).toBe('2025-09-24T15:20:00+08:00')
      expect(r.fields.time2).toBe('2025年9月24日 15:20')
      // the stage starts when the text arrived
      expect(r.key).toBe(`f1:${r.kind}:2025-09-23T15:20:00+08:00`)
    }
    expectValidFields(plan)
  })

  it('never sends anyone news of a step they reported themselves', () => {
    const roles = ['owner', 'owner_principal', 'app_principal'] as const
    for (const by of roles) {
      let p = progress([SUBMIT])
      const r = applyStageAction(p, { type: 'platform_pass', smsReceivedAt: '2025-09-23T15:20:00+08:00' }, SMS[1], {
        ...ctx,
        now: SMS[1],
        by
      })
      if (!r.ok) throw new Error(r.message)
      p = r.progress
      const plan = planReminders(filing(p), '2025-09-23T15:31:00+08:00')
      const news = plan.filter((x) => x.kind === 'sms_window_open' || x.kind === 'principal_update')
      for (const n of news) expect(n.recipients).not.toContain(by)
      // an invitee's report reaches the owner
      if (by !== 'owner') expect(news.some((n) => n.recipients.includes('owner'))).toBe(true)
    }
  })

  it('tells everyone when the platform reported the SMS (a connected mini-program)', () => {
    const r = applyStageAction(progress([SUBMIT]), { type: 'platform_pass' }, '2025-09-23T15:20:00+08:00', {
      ...ctx,
      now: '2025-09-23T15:24:00+08:00',
      source: 'platform'
    })
    if (!r.ok) throw new Error(r.message)
    const open = planReminders(filing(r.progress), '2025-09-23T15:24:00+08:00').find(
      (x) => x.kind === 'sms_window_open'
    )!
    expect(open).toMatchObject({
      recipients: ['owner', 'owner_principal', 'app_principal'],
      dueAt: '2025-09-23T15:24:00+08:00'
    })
  })

  it('nudges about an expiring certificate the next morning, not the moment it is typed', () => {
    const plan = planReminders(
      filing(progress([]), {
        form: { ...SAMPLE_FILING.form, owner: { ...SAMPLE_FILING.form.owner, certificateValidUntil: '2025-10-01' } },
        updatedAt: '2025-09-20T09:00:00+08:00'
      }),
      '2025-09-20T09:00:00+08:00'
    )
    expect(plan.find((r) => r.kind === 'certificate_expiring')?.dueAt).toBe('2025-09-21T10:00:00+08:00')
  })

  it('gives the same keys when planned again, and none after the deadline', () => {
    const f = filing(progress([SUBMIT, SMS]))
    const a = planReminders(f, '2025-09-23T16:00:00+08:00').map((r) => r.key)
    const b = planReminders(f, '2025-09-24T09:00:00+08:00').map((r) => r.key)
    expect(b).toEqual(a)
    expect(planReminders(f, '2025-09-24T15:21:00+08:00').filter((r) => r.template === 'sms_deadline')).toEqual([])
  })

  it('skips the 12 h reminder when the user reports the SMS after it', () => {
    const late: [StageAction, string] = [
      { type: 'platform_pass', smsReceivedAt: '2025-09-23T01:00:00+08:00' },
      '2025-09-23T14:00:00+08:00'
    ]
    const kinds = planReminders(filing(progress([SUBMIT, late])), '2025-09-23T14:00:00+08:00').map((r) => r.kind)
    expect(kinds).toEqual(expect.arrayContaining(['sms_window_open', 'sms_window_20h']))
    expect(kinds).not.toContain('sms_window_12h')
  })

  it('plans the review ETA and the overdue reminder by working days', () => {
    const plan = planReminders(filing(progress([SUBMIT])), '2025-09-22T11:00:00+08:00')
    const eta = plan.find((r) => r.kind === 'platform_review_eta')!
    const overdue = plan.find((r) => r.kind === 'platform_review_overdue')!
    expect(eta).toMatchObject({ dueAt: '2025-09-24T10:00:00+08:00', recipients: ['owner'] })
    expect(eta.fields).toMatchObject({ phrase2: '平台初审', date3: '2025年9月24日' })
    // max 2 working days → 2025-09-24; overdue the next working day
    expect(overdue.dueAt).toBe('2025-09-25T10:00:00+08:00')
    expectValidFields(plan)
  })

  it('plans the provincial review reminders across holidays', () => {
    const p = progress([SUBMIT, SMS, [{ type: 'sms_verified' }, '2025-09-23T16:00:00+08:00']])
    const plan = planReminders(filing(p), '2025-09-24T09:00:00+08:00')
    expect(plan.find((r) => r.kind === 'admin_review_eta')!.dueAt).toBe('2025-10-13T10:00:00+08:00')
    expect(plan.find((r) => r.kind === 'admin_review_overdue')!.dueAt).toBe('2025-10-28T10:00:00+08:00')
  })

  it('warns about certificates expiring during the filing, once per certificate date', () => {
    const f = filing(progress([SUBMIT]), {
      form: { ...SAMPLE_FILING.form, appPrincipal: { ...SAMPLE_FILING.form.appPrincipal, idValidUntil: '2025-11-01' } }
    })
    const certs = planReminders(f, '2025-09-22T11:00:00+08:00').filter((r) => r.kind === 'certificate_expiring')
    expect(certs.map((r) => r.key)).toEqual(['f1:certificate_expiring:appPrincipal.idValidUntil:2025-11-01'])
    expect(certs[0].fields.thing1).toBe('更换小程序负责人证件')
    expectValidFields(certs)
    expect(
      planReminders(filing(progress([SUBMIT])), '2025-09-22T11:00:00+08:00').some(
        (r) => r.kind === 'certificate_expiring'
      )
    ).toBe(false)
  })

  it('nudges a draft untouched for 3 days', () => {
    const f = filing(newProgress('2025-09-20T09:00:00+08:00'), { updatedAt: '2025-09-20T09:30:00+08:00' })
    const stale = planReminders(f, '2025-09-21T09:00:00+08:00').find((r) => r.kind === 'stale_draft')!
    expect(stale).toMatchObject({
      key: 'f1:stale_draft:2025-09-20T09:00:00+08:00',
      dueAt: '2025-09-23T09:30:00+08:00',
      recipients: ['owner']
    })
    expect(stale.page).toContain('filing/self-check/index?id=f1')
    // a later edit moves the same reminder instead of planning a new one
    const edited = planReminders({ ...f, updatedAt: '2025-09-22T18:00:00+08:00' }, '2025-09-22T18:00:00+08:00')
    expect(edited.find((r) => r.kind === 'stale_draft')).toMatchObject({
      key: stale.key,
      dueAt: '2025-09-25T18:00:00+08:00'
    })
  })

  it('plans nothing for an approved filing', () => {
    const p = progress([
      SUBMIT,
      SMS,
      [{ type: 'sms_verified' }, '2025-09-23T16:00:00+08:00'],
      [{ type: 'admin_pass', filingNumber: '津ICP备2025012345号-1X' }, '2025-09-30T10:00:00+08:00']
    ])
    expect(planReminders(filing(p), '2025-10-01T10:00:00+08:00')).toEqual([])
  })

  it('keeps fields within limits and free of personal data for any mini-program name', () => {
    const personal = [
      SAMPLE_FILING.form.ownerPrincipal.name!,
      SAMPLE_FILING.form.appPrincipal.name!,
      SAMPLE_FILING.form.ownerPrincipal.idNumber!,
      SAMPLE_FILING.form.ownerPrincipal.mobile!
    ]
    fc.assert(
      fc.property(
        fc.string({ maxLength: 60 }),
        fc.constantFrom('2025-09-22T11:00:00+08:00', '2025-09-23T15:40:00+08:00'),
        (name, now) => {
          const p = progress(now.startsWith('2025-09-23') ? [SUBMIT, SMS] : [SUBMIT])
          const f = filing(p, {
            form: {
              ...SAMPLE_FILING.form,
              miniProgram: { ...SAMPLE_FILING.form.miniProgram, name: `${name}13612340001` }
            }
          })
          const plan = planReminders(f, now)
          expect(plan.length).toBeGreaterThan(0)
          expectValidFields(plan)
          const text = JSON.stringify(plan.map((r) => r.fields))
          for (const v of personal) expect(text).not.toContain(v)
        }
      ),
      { numRuns: 100 }
    )
  })

  it('formats time fields as WeChat wants', () => {
    expect(isValidFieldValue('time', formatWechatTime('2019-10-01T15:01:00+08:00'))).toBe(true)
    expect(isValidFieldValue('phrase', '审核超时了吗')).toBe(false)
    expect(isValidFieldValue('thing', '一'.repeat(21))).toBe(false)
    expect(isValidFieldValue('character_string', 'A'.repeat(33))).toBe(false)
  })
})
