/** @jest-environment node */
/**
 * Reminders materialised from the domain's plan whenever a filing changes, for the owner and the invited
 * principals, and sent by the job without ever changing the filing.
 */
import { planReminders } from '../../../src/domain'
import type { Filing } from '../../../src/domain/types'
import type { OutgoingMessage, SendResult, Sender } from '../../../src/cloud/ports'
import { COLLECTIONS, type DeliveryRecord } from '../../../src/cloud/records'
import { runReminderJob } from '../../../src/cloud/reminders/run'
import { isoShanghai } from '../../../src/cloud/time'
import { FORM, ID_NUMBER, MOBILE, PROFILE, STORE_KINDS, makeEnv, type TestEnv } from './helpers'
import { startTestPglite } from './pglite-test-store'

// the file's in-memory PostgreSQL starts before the first test (seconds on a loaded machine)
beforeAll(startTestPglite, 180_000)

const A = 'owner-a'
const P = 'principal-p'

class Outbox implements Sender {
  sent: OutgoingMessage[] = []
  constructor(private readonly answer: SendResult = { ok: true }) {}
  async send(m: OutgoingMessage): Promise<SendResult> {
    if (this.answer.ok) this.sent.push(m)
    return this.answer
  }
}

const deliveries = (env: TestEnv) => env.store.collection<DeliveryRecord>(COLLECTIONS.deliveries).find({})
const run = (env: TestEnv, sender: Sender) =>
  runReminderJob({ store: env.store, clock: env.clock, sender, logger: env.logger }, { backoffBaseMs: 1 })
const acceptAll = (env: TestEnv, user: string) =>
  env.ok(user, 'subscriptions', 'record', {
    results: [
      { template: 'sms_deadline', result: 'accept' },
      { template: 'review_progress', result: 'accept' },
      { template: 'todo_reminder', result: 'accept' }
    ]
  })

/** A filing in the SMS window, with the principal invited. */
async function inSmsWindow(kind: 'wx' | 'pglite') {
  const env = makeEnv(kind)
  const created = await env.ok(A, 'filings', 'create', { profile: PROFILE, form: FORM })
  const invite = await env.ok(A, 'invites', 'create', { filingId: created.id, role: 'owner_principal' })
  await env.ok(P, 'invites', 'accept', { token: invite.token })
  env.clock.advance(60_000)
  await env.ok(A, 'filings', 'advance', { id: created.id, version: 1, action: { type: 'submit' } })
  env.clock.advance(26 * 3600_000)
  const filing = await env.ok(A, 'filings', 'advance', {
    id: created.id,
    version: 2,
    action: { type: 'platform_pass' }
  })
  return { env, filing }
}

describe.each(STORE_KINDS)('reminder planning over the %s store', (kind) => {
  it("stores one delivery per planned reminder and recipient, keyed by the domain's keys", async () => {
    const { env, filing } = await inSmsWindow(kind)
    const plan = planReminders(filing as Filing, isoShanghai(env.clock.now()))
    expect(plan.some((r) => r.kind === 'sms_window_open')).toBe(true)
    const expected = plan.flatMap((r) => {
      const users = [
        ...(r.recipients.includes('owner') ? [A] : []),
        ...(r.recipients.includes('owner_principal') ? [P] : [])
      ]
      return users.map((u) => `${r.key}→${u}`)
    })
    const stored = (await deliveries(env)).filter((d) => d.state === 'pending').map((d) => `${d.key}→${d.recipientId}`)
    expect(stored.sort()).toEqual(expected.sort())
    const sms = (await deliveries(env)).filter((d) => d.template === 'sms_deadline')
    expect(new Set(sms.map((d) => d.recipientId))).toEqual(new Set([A, P]))
  })

  it('the SMS warnings reach the owner and the invited principal once each; "the text arrived" only the principal', async () => {
    const { env } = await inSmsWindow(kind)
    for (let i = 0; i < 3; i++) {
      await acceptAll(env, A)
      await acceptAll(env, P)
    }
    const outbox = new Outbox()
    await run(env, outbox)
    await run(env, outbox)
    // the owner reported the text themself: only the principal hears of it
    expect(outbox.sent.map((m) => [m.toUserId, m.reminderKey.split(':')[1]])).toEqual([[P, 'sms_window_open']])
    for (const hours of [12, 8]) {
      env.clock.advance(hours * 3600_000)
      await run(env, outbox)
      await run(env, outbox)
    }
    const byKind = (k: string) => outbox.sent.filter((m) => m.reminderKey.includes(k)).map((m) => m.toUserId)
    expect(byKind('sms_window_12h').sort()).toEqual([A, P].sort())
    expect(byKind('sms_window_20h').sort()).toEqual([A, P].sort())
    const text = JSON.stringify(outbox.sent)
    for (const v of [ID_NUMBER, MOBILE, '张三', '李四']) expect(text).not.toContain(v)
  })

  it('one granted unit is kept for the last warning, and the schedule says what one more tap would cover', async () => {
    const { env, filing } = await inSmsWindow(kind)
    await env.ok(A, 'subscriptions', 'record', { results: [{ template: 'sms_deadline', result: 'accept' }] })
    const before = await env.ok(A, 'filings', 'schedule', { id: filing.id })
    const mine = (k: string) => before.reminders.find((r) => r.mine && r.kind === k)
    expect(mine('sms_window_20h')).toMatchObject({ status: 'scheduled', label: '短信核验仅剩约4小时' })
    expect(mine('sms_window_12h')).toMatchObject({ status: 'not_covered' })
    expect(mine('sms_window_12h')?.reason).toContain('备案短信核验提醒')
    expect(before.budget).toMatchObject({
      critical: 2,
      criticalCovered: 1,
      ask: ['sms_deadline'],
      askCovers: ['短信核验剩约12小时']
    })
    const outbox = new Outbox()
    env.clock.advance(12 * 3600_000)
    await run(env, outbox)
    expect(outbox.sent).toEqual([])
    env.clock.advance(8 * 3600_000)
    await run(env, outbox)
    expect(outbox.sent.map((m) => [m.toUserId, m.reminderKey.split(':')[1]])).toEqual([[A, 'sms_window_20h']])
    const after = await env.ok(A, 'filings', 'schedule', { id: filing.id })
    const afterMine = (k: string) => after.reminders.find((r) => r.mine && r.kind === k)
    expect(afterMine('sms_window_12h')).toMatchObject({ status: 'not_sent' })
    expect(afterMine('sms_window_20h')).toMatchObject({ status: 'sent' })
    expect(afterMine('sms_window_20h')?.sentAt).toBeDefined()
  })

  it('the principal without permission does not get it, and the schedule says so', async () => {
    const { env, filing } = await inSmsWindow(kind)
    await acceptAll(env, A)
    await acceptAll(env, A)
    const schedule = await env.ok(A, 'filings', 'schedule', { id: filing.id })
    const warnings = schedule.reminders.filter((r) => r.kind === 'sms_window_20h')
    expect(warnings.find((r) => r.mine)?.status).toBe('scheduled')
    expect(warnings.find((r) => !r.mine)).toMatchObject({ recipientRole: 'owner_principal', status: 'not_covered' })
    const theirs = await env.ok(P, 'filings', 'schedule', { id: filing.id })
    expect(theirs.reminders.every((r) => r.mine)).toBe(true)
    expect(theirs.budget.ask).toContain('sms_deadline')
    const outbox = new Outbox()
    env.clock.advance(20 * 3600_000)
    await run(env, outbox)
    expect(outbox.sent.length).toBeGreaterThan(0)
    expect(outbox.sent.every((m) => m.toUserId === A)).toBe(true)
  })

  it('moving on cancels the pending reminders of the old stage; sent ones stay sent', async () => {
    const { env, filing } = await inSmsWindow(kind)
    await acceptAll(env, A)
    await acceptAll(env, A)
    env.clock.advance(12 * 3600_000)
    await run(env, new Outbox())
    env.clock.advance(3600_000)
    await env.ok(A, 'filings', 'advance', { id: filing.id, version: filing.version, action: { type: 'sms_verified' } })
    const sms = (await deliveries(env)).filter((d) => d.template === 'sms_deadline')
    expect(sms.filter((d) => d.state === 'pending')).toEqual([])
    expect(sms.filter((d) => d.state === 'sent' && d.recipientId === A).length).toBeGreaterThan(0)
    expect(sms.filter((d) => d.state === 'cancelled').length).toBeGreaterThan(0)
    const schedule = await env.ok(A, 'filings', 'schedule', { id: filing.id })
    expect(schedule.reminders.find((r) => r.mine && r.kind === 'sms_window_20h')).toMatchObject({
      status: 'not_needed'
    })
    const later = new Outbox()
    env.clock.advance(30 * 3600_000)
    await run(env, later)
    expect(later.sent.filter((m) => m.template === 'sms_deadline')).toEqual([])
  })

  it('an SMS reminder still pending after the deadline is dropped, not sent late', async () => {
    const { env } = await inSmsWindow(kind)
    await acceptAll(env, A)
    env.clock.advance(25 * 3600_000)
    const outbox = new Outbox()
    const report = await run(env, outbox)
    expect(report.expired).toBeGreaterThan(0)
    expect(outbox.sent.filter((m) => m.template === 'sms_deadline')).toEqual([])
  })

  it('revoking the principal cancels their pending reminders', async () => {
    const { env, filing } = await inSmsWindow(kind)
    const [invite] = await env.ok(A, 'invites', 'list', { filingId: filing.id })
    await env.ok(A, 'invites', 'revoke', { inviteId: invite.inviteId })
    const theirs = (await deliveries(env)).filter((d) => d.recipientId === P)
    expect(theirs.length).toBeGreaterThan(0)
    expect(theirs.every((d) => d.state === 'cancelled')).toBe(true)
  })

  it.each([
    ['a refused send (47003)', { ok: false, errcode: 47003 } as SendResult],
    ['no permission (43101)', { ok: false, errcode: 43101 } as SendResult],
    ['a busy platform (-1)', { ok: false, errcode: -1 } as SendResult]
  ])('%s never changes the filing', async (_label, answer) => {
    const { env, filing } = await inSmsWindow(kind)
    await acceptAll(env, A)
    const before = await env.ok(A, 'filings', 'get', { id: filing.id, reveal: true })
    await run(env, new Outbox(answer))
    expect(await env.ok(A, 'filings', 'get', { id: filing.id, reveal: true })).toEqual(before)
  })
})
