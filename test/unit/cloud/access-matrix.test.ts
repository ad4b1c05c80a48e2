/** @jest-environment node */
/**
 * Two users and an invitee: B can never read, change, advance, export or delete A's filing,
 * and the invited principal sees only a masked, read-only copy.
 */
import { FORM, ID_NUMBER, MOBILE, PROFILE, STORE_KINDS, USCC, makeEnv, type TestEnv } from './helpers'
import { startTestPglite } from './pglite-test-store'

// the file's in-memory PostgreSQL starts before the first test (seconds on a loaded machine)
beforeAll(startTestPglite, 180_000)

const A = 'owner-a'
const B = 'stranger-b'
const P = 'principal-p'

async function setUp(kind: 'wx' | 'pglite') {
  const env = makeEnv(kind)
  const filing = await env.ok(A, 'filings', 'create', { profile: PROFILE, form: FORM })
  const invite = await env.ok(A, 'invites', 'create', { filingId: filing.id, role: 'owner_principal' })
  await env.ok(P, 'invites', 'accept', { token: invite.token })
  return { env, id: filing.id, inviteId: invite.inviteId }
}

type Probe = [string, (env: TestEnv, user: string, id: string, inviteId: string) => Promise<unknown>]

const WRITES: Probe[] = [
  ['filings.update', (env, u, id) => env.call(u, 'filings', 'update', { id, version: 1, title: '被改了' })],
  [
    'filings.advance',
    (env, u, id) => env.call(u, 'filings', 'advance', { id, version: 1, action: { type: 'submit' } })
  ],
  ['filings.remove', (env, u, id) => env.call(u, 'filings', 'remove', { id })],
  ['invites.create', (env, u, id) => env.call(u, 'invites', 'create', { filingId: id, role: 'app_principal' })],
  ['invites.list', (env, u, id) => env.call(u, 'invites', 'list', { filingId: id })],
  ['invites.revoke', (env, u, _id, inviteId) => env.call(u, 'invites', 'revoke', { inviteId })]
]
const READS: Probe[] = [
  ['filings.get', (env, u, id) => env.call(u, 'filings', 'get', { id })],
  ['filings.get reveal', (env, u, id) => env.call(u, 'filings', 'get', { id, reveal: true })],
  ['filings.schedule', (env, u, id) => env.call(u, 'filings', 'schedule', { id })]
]

describe.each(STORE_KINDS)('access matrix over the %s store', (kind) => {
  it.each([...READS, ...WRITES])('a stranger gets NOT_FOUND from %s', async (_name, probe) => {
    const { env, id, inviteId } = await setUp(kind)
    expect(await probe(env, B, id, inviteId)).toMatchObject({ ok: false, code: 'NOT_FOUND' })
  })

  it.each(WRITES)('the invitee cannot use %s', async (_name, probe) => {
    const { env, id, inviteId } = await setUp(kind)
    const res = (await probe(env, P, id, inviteId)) as { ok: boolean; code?: string }
    expect(res.ok).toBe(false)
    expect(['FORBIDDEN', 'NOT_FOUND']).toContain(res.code)
  })

  it("after every probe A's filing is exactly as it was", async () => {
    const { env, id, inviteId } = await setUp(kind)
    const before = await env.ok(A, 'filings', 'get', { id, reveal: true })
    for (const [, probe] of [...READS, ...WRITES]) {
      await probe(env, B, id, inviteId)
      await probe(env, P, id, inviteId)
    }
    expect(await env.ok(A, 'filings', 'get', { id, reveal: true })).toEqual(before)
    expect((await env.ok(A, 'invites', 'list', { filingId: id }))[0].state).toBe('accepted')
  })

  it("B's list, export and purge never include or touch A's filing", async () => {
    const { env, id } = await setUp(kind)
    await env.ok(B, 'filings', 'create', { profile: PROFILE, title: 'B 的备案' })
    expect((await env.ok(B, 'filings', 'list', {})).map((f) => f.title)).toEqual(['B 的备案'])
    const exported = JSON.stringify(await env.ok(B, 'filings', 'export', {}))
    expect(exported).not.toContain(id)
    for (const v of [ID_NUMBER, MOBILE, USCC]) expect(exported).not.toContain(v)
    await env.ok(B, 'filings', 'purge', { confirm: true })
    expect((await env.ok(A, 'filings', 'get', { id })).id).toBe(id)
  })

  it('the invitee sees a masked read-only view, even when asking to reveal', async () => {
    const { env, id } = await setUp(kind)
    for (const reveal of [false, true]) {
      const view = await env.ok(P, 'filings', 'get', { id, reveal })
      expect(view).toMatchObject({ access: 'owner_principal', revealed: false })
      const text = JSON.stringify(view.form)
      for (const v of [ID_NUMBER, MOBILE, USCC, '13700137000', '中关村大街1号', 'zhang@example.com'])
        expect(text).not.toContain(v)
    }
    expect((await env.ok(P, 'filings', 'list', {})).map((f) => [f.id, f.access])).toEqual([[id, 'owner_principal']])
    const exported = JSON.stringify(await env.ok(P, 'filings', 'export', {}))
    expect(exported).not.toContain(ID_NUMBER)
    expect(exported).not.toContain(MOBILE)
  })

  it("the invitee's purge removes only the invitee's own data", async () => {
    const { env, id } = await setUp(kind)
    await env.ok(P, 'filings', 'purge', { confirm: true })
    expect(await env.call(P, 'filings', 'get', { id })).toMatchObject({ ok: false, code: 'NOT_FOUND' })
    expect((await env.ok(A, 'filings', 'get', { id })).id).toBe(id)
  })
})
