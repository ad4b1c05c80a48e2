/** @jest-environment node */
import { STORE_KINDS, makeEnv } from './helpers'
import { startTestPglite } from './pglite-test-store'

// the file's in-memory PostgreSQL starts before the first test (seconds on a loaded machine)
beforeAll(startTestPglite, 180_000)

const U = 'user-u'

describe.each(STORE_KINDS)('subscriptions over the %s store', (kind) => {
  it('each accept adds one message to the quota; reject keeps it; ban clears it', async () => {
    const env = makeEnv(kind)
    const accept = { results: [{ template: 'sms_deadline', result: 'accept' }] }
    await env.ok(U, 'subscriptions', 'record', accept)
    await env.ok(U, 'subscriptions', 'record', accept)
    let status = await env.ok(U, 'subscriptions', 'status', {})
    expect(status.templates.sms_deadline).toEqual({ templateId: 'TPL_SMS', quota: 2, lastResult: 'accept' })
    await env.ok(U, 'subscriptions', 'record', { results: [{ template: 'sms_deadline', result: 'reject' }] })
    status = await env.ok(U, 'subscriptions', 'status', {})
    expect(status.templates.sms_deadline).toMatchObject({ quota: 2, lastResult: 'reject' })
    await env.ok(U, 'subscriptions', 'record', { results: [{ template: 'sms_deadline', result: 'ban' }] })
    status = await env.ok(U, 'subscriptions', 'status', {})
    expect(status.templates.sms_deadline).toMatchObject({ quota: 0, lastResult: 'ban' })
    expect(status.templates.review_progress).toEqual({ templateId: 'TPL_REVIEW', quota: 0, lastResult: undefined })
  })

  it('records up to three templates per request and caps the quota', async () => {
    const env = makeEnv(kind)
    env.deps.settings.maxQuotaPerTemplate = 3
    const all = {
      results: [
        { template: 'sms_deadline', result: 'accept' },
        { template: 'review_progress', result: 'accept' },
        { template: 'todo_reminder', result: 'filter' }
      ]
    }
    for (let i = 0; i < 5; i++) await env.ok(U, 'subscriptions', 'record', all)
    const status = await env.ok(U, 'subscriptions', 'status', {})
    expect(status.templates.sms_deadline.quota).toBe(3)
    expect(status.templates.review_progress.quota).toBe(3)
    expect(status.templates.todo_reminder.quota).toBe(0)
    expect(
      await env.call(U, 'subscriptions', 'record', {
        results: [...all.results, { template: 'sms_deadline', result: 'accept' }]
      })
    ).toMatchObject({ ok: false, code: 'INVALID' })
  })

  it('concurrent accepts are all counted', async () => {
    const env = makeEnv(kind)
    await Promise.all(
      Array.from({ length: 8 }, () =>
        env.ok(U, 'subscriptions', 'record', { results: [{ template: 'todo_reminder', result: 'accept' }] })
      )
    )
    expect((await env.ok(U, 'subscriptions', 'status', {})).templates.todo_reminder.quota).toBe(8)
  })

  it("one user's quota is not another's", async () => {
    const env = makeEnv(kind)
    await env.ok(U, 'subscriptions', 'record', { results: [{ template: 'sms_deadline', result: 'accept' }] })
    expect((await env.ok('other', 'subscriptions', 'status', {})).templates.sms_deadline.quota).toBe(0)
  })
})
