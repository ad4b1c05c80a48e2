/** @jest-environment node */
import { COLLECTIONS, type InviteRecord } from '../../../src/cloud/records'
import { sha256Hex } from '../../../src/cloud/crypto'
import { FORM, PROFILE, STORE_KINDS, everythingStored, makeEnv } from './helpers'
import { startTestPglite } from './pglite-test-store'

// the file's in-memory PostgreSQL starts before the first test (seconds on a loaded machine)
beforeAll(startTestPglite, 180_000)

const A = 'owner-a'
const P = 'principal-p'
const Q = 'someone-q'

describe.each(STORE_KINDS)('invites over the %s store', (kind) => {
  async function setUp() {
    const env = makeEnv(kind)
    const filing = await env.ok(A, 'filings', 'create', { profile: PROFILE, form: FORM })
    return { env, id: filing.id }
  }

  it('issues a ≥128-bit token, stores only its hash, and builds the invite path', async () => {
    const { env, id } = await setUp()
    const invite = await env.ok(A, 'invites', 'create', { filingId: id, role: 'owner_principal' })
    expect(invite.token).toMatch(/^[A-Za-z0-9_-]{32}$/)
    expect(Buffer.from(invite.token, 'base64url').length * 8).toBeGreaterThanOrEqual(128)
    expect(invite.path).toBe(`pages/index/index?invite=${invite.token}`)
    const stored = await everythingStored(env)
    expect(stored).not.toContain(invite.token)
    expect(stored).toContain(sha256Hex(invite.token))
    expect(JSON.stringify(await env.ok(A, 'invites', 'list', { filingId: id }))).not.toContain(invite.token)
  })

  it('is single use: the second accept (by anyone) is GONE', async () => {
    const { env, id } = await setUp()
    const { token } = await env.ok(A, 'invites', 'create', { filingId: id, role: 'owner_principal' })
    const [first, second] = await Promise.all([
      env.call(P, 'invites', 'accept', { token }),
      env.call(Q, 'invites', 'accept', { token })
    ])
    expect([first.ok, second.ok].filter(Boolean)).toHaveLength(1)
    expect([first, second].find((r) => !r.ok)).toMatchObject({ code: 'GONE' })
    expect(await env.call(P, 'invites', 'accept', { token })).toMatchObject({ ok: false, code: 'GONE' })
  })

  it('expires after 72 hours', async () => {
    const { env, id } = await setUp()
    const { token } = await env.ok(A, 'invites', 'create', { filingId: id, role: 'app_principal' })
    env.clock.advance(72 * 3600_000)
    expect(await env.call(P, 'invites', 'accept', { token })).toMatchObject({ ok: false, code: 'GONE' })
    expect((await env.ok(A, 'invites', 'list', { filingId: id }))[0].state).toBe('expired')
  })

  it('accepting gives a masked read-only view with the invited role', async () => {
    const { env, id } = await setUp()
    const { token } = await env.ok(A, 'invites', 'create', { filingId: id, role: 'app_principal' })
    env.clock.advance(71 * 3600_000)
    const view = await env.ok(P, 'invites', 'accept', { token })
    expect(view).toMatchObject({ id, access: 'app_principal', revealed: false })
    expect(JSON.stringify(view)).not.toContain(FORM.appPrincipal.idNumber)
  })

  it('revoking an open invite makes it unusable; revoking an accepted one removes the member', async () => {
    const { env, id } = await setUp()
    const open = await env.ok(A, 'invites', 'create', { filingId: id, role: 'owner_principal' })
    await env.ok(A, 'invites', 'revoke', { inviteId: open.inviteId })
    expect(await env.call(P, 'invites', 'accept', { token: open.token })).toMatchObject({ ok: false, code: 'GONE' })

    const used = await env.ok(A, 'invites', 'create', { filingId: id, role: 'owner_principal' })
    await env.ok(P, 'invites', 'accept', { token: used.token })
    expect((await env.ok(P, 'filings', 'get', { id })).access).toBe('owner_principal')
    await env.ok(A, 'invites', 'revoke', { inviteId: used.inviteId })
    expect(await env.call(P, 'filings', 'get', { id })).toMatchObject({ ok: false, code: 'NOT_FOUND' })
  })

  it('the owner cannot accept their own invite; malformed and unknown tokens are refused', async () => {
    const { env, id } = await setUp()
    const { token } = await env.ok(A, 'invites', 'create', { filingId: id, role: 'owner_principal' })
    expect(await env.call(A, 'invites', 'accept', { token })).toMatchObject({ ok: false, code: 'INVALID' })
    expect(await env.call(P, 'invites', 'accept', { token: 'short' })).toMatchObject({ ok: false, code: 'INVALID' })
    expect(await env.call(P, 'invites', 'accept', { token: 'A'.repeat(32) })).toMatchObject({ ok: false, code: 'GONE' })
  })

  it('limits open invites per filing', async () => {
    const { env, id } = await setUp()
    env.deps.settings.maxOpenInvitesPerFiling = 2
    await env.ok(A, 'invites', 'create', { filingId: id, role: 'owner_principal' })
    await env.ok(A, 'invites', 'create', { filingId: id, role: 'owner_principal' })
    expect(await env.call(A, 'invites', 'create', { filingId: id, role: 'owner_principal' })).toMatchObject({
      ok: false,
      code: 'LIMIT_REACHED'
    })
  })

  it('returns a mini-program code image when asked and available; a failing code maker does not fail the invite', async () => {
    const { env, id } = await setUp()
    const scenes: string[] = []
    env.deps.codeMaker = {
      make: async (scene, page) => {
        scenes.push(`${page}|${scene}`)
        return { contentType: 'image/png', base64: 'iVBORw0KGgo=' }
      }
    }
    const withCode = await env.ok(A, 'invites', 'create', { filingId: id, role: 'owner_principal', withCode: true })
    expect(withCode.code).toEqual({ contentType: 'image/png', base64: 'iVBORw0KGgo=' })
    expect(scenes).toEqual([`pages/index/index|${withCode.token}`])
    expect(withCode.token.length).toBeLessThanOrEqual(32)
    env.deps.codeMaker = { make: async () => Promise.reject(new Error('45009')) }
    const noCode = await env.ok(A, 'invites', 'create', { filingId: id, role: 'owner_principal', withCode: true })
    expect(noCode.code).toBeUndefined()
    const invites = await env.store.collection<InviteRecord>(COLLECTIONS.invites).find({})
    expect(invites).toHaveLength(2)
  })
})
