/** @jest-environment node */
/** Bounded growth per user and per filing: sessions, closed invites, invite pages; whitespace-only reasons. */
import { MAX_CLOSED_INVITES_PER_FILING } from '../../../src/cloud/handlers/invites/create'
import { INVITES_PAGE_SIZE } from '../../../src/cloud/handlers/invites/list'
import {
  localCodeExchanger,
  login,
  MAX_SESSIONS_PER_USER,
  userForToken
} from '../../../src/cloud/handlers/session/login'
import { COLLECTIONS, type InviteRecord, type SessionRecord } from '../../../src/cloud/records'
import { makeEnv, PROFILE, STORE_KINDS } from './helpers'
import { startTestPglite } from './pglite-test-store'

// the file's in-memory PostgreSQL starts before the first test (seconds on a loaded machine)
beforeAll(startTestPglite, 180_000)

describe.each(STORE_KINDS)('bounded growth (%s store)', (kind) => {
  it('keeps the newest sessions of a user, ending the oldest', async () => {
    const env = makeEnv(kind)
    const deps = { store: env.store, clock: env.clock, logger: env.logger }
    const tokens: string[] = []
    for (let i = 0; i < MAX_SESSIONS_PER_USER + 5; i++) {
      env.clock.advance(1000)
      const res = await login(deps, { code: 'same-device' }, localCodeExchanger)
      if (!res.ok) throw new Error(JSON.stringify(res))
      tokens.push(res.data.token)
    }
    const sessions = env.store.collection<SessionRecord>(COLLECTIONS.sessions)
    expect(await sessions.count({})).toBe(MAX_SESSIONS_PER_USER)
    expect(await userForToken(deps, tokens[0])).toBeNull()
    expect(await userForToken(deps, tokens[tokens.length - 1])).not.toBeNull()
  })

  it('pages invites.list newest first and caps the revoked ones kept', async () => {
    const env = makeEnv(kind)
    const filing = await env.ok('owner', 'filings', 'create', { profile: PROFILE })
    const made: string[] = []
    for (let i = 0; i < MAX_CLOSED_INVITES_PER_FILING + 10; i++) {
      env.clock.advance(1000)
      const invite = await env.ok('owner', 'invites', 'create', { filingId: filing.id, role: 'app_principal' })
      await env.ok('owner', 'invites', 'revoke', { inviteId: invite.inviteId })
      made.push(invite.inviteId)
    }
    const stored = await env.store.collection<InviteRecord>(COLLECTIONS.invites).count({ filingId: filing.id })
    expect(stored).toBeLessThanOrEqual(MAX_CLOSED_INVITES_PER_FILING + 1)

    const first = await env.ok('owner', 'invites', 'list', { filingId: filing.id })
    expect(first).toHaveLength(INVITES_PAGE_SIZE)
    expect(first[0].inviteId).toBe(made[made.length - 1])
    const next = await env.ok('owner', 'invites', 'list', {
      filingId: filing.id,
      before: first[first.length - 1].createdAt,
      limit: 50
    })
    const seen = [...first, ...next].map((i) => i.inviteId)
    expect(new Set(seen).size).toBe(seen.length)
    expect(seen).toEqual([...made].reverse().slice(0, seen.length))
  })

  it('refuses rejection reasons of only whitespace', async () => {
    const env = makeEnv(kind)
    const filing = await env.ok('owner', 'filings', 'create', { profile: PROFILE })
    for (const reason of ['', '   ', '\t\n', '\u3000\u3000']) {
      const res = await env.call('owner', 'filings', 'advance', {
        id: filing.id,
        version: filing.version,
        action: { type: 'platform_reject', reasons: [reason] }
      })
      expect({ reason, ok: res.ok, code: res.ok ? null : res.code }).toEqual({ reason, ok: false, code: 'INVALID' })
    }
  })
})
