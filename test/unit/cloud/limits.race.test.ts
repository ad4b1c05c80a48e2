/** @jest-environment node */
/**
 * Per-user and per-filing limits under racing requests: 3× the limit of creates, all at once, never store more
 * than the limit — on every store the contract suite covers (PgStore on PGlite, the wx-server-sdk adapter over
 * the cloud database fake, which interleaves concurrent calls like the network does).
 */
import { COLLECTIONS, type FilingRecord, type InviteRecord, type MemberRecord } from '../../../src/cloud/records'
import { makeEnv, PROFILE, STORE_KINDS, type TestEnv } from './helpers'
import { startTestPglite } from './pglite-test-store'

// the file's in-memory PostgreSQL starts before the first test (seconds on a loaded machine)
beforeAll(startTestPglite, 180_000)

const OWNER = 'racer'

async function turns(n: number): Promise<void> {
  for (let i = 0; i < n; i++) await new Promise((resolve) => setImmediate(resolve))
}

async function openInvites(env: TestEnv, filingId: string): Promise<number> {
  return env.store.collection<InviteRecord>(COLLECTIONS.invites).count({ filingId, state: 'open' })
}

describe.each(STORE_KINDS)('limits that hold under racing requests (%s store)', (kind) => {
  let env: TestEnv
  beforeEach(() => {
    env = makeEnv(kind)
  })

  it('3× the filing limit of concurrent creates stores exactly the limit', async () => {
    const limit = env.deps.settings.maxFilingsPerUser
    const results = await Promise.all(
      Array.from({ length: limit * 3 }, () => env.call(OWNER, 'filings', 'create', { profile: PROFILE }))
    )
    const stored = await env.store.collection<FilingRecord>(COLLECTIONS.filings).count({ ownerId: OWNER })
    expect(stored).toBe(limit)
    expect(results.filter((r) => r.ok)).toHaveLength(limit)
    expect(results.filter((r) => !r.ok && r.code === 'LIMIT_REACHED')).toHaveLength(limit * 2)
    // someone else is not affected
    expect((await env.call('bystander', 'filings', 'create', { profile: PROFILE })).ok).toBe(true)
  }, 60_000)

  it('a deleted filing gives its place back; a second race still stops at the limit', async () => {
    const limit = env.deps.settings.maxFilingsPerUser
    const made = []
    for (let i = 0; i < limit; i++) made.push(await env.ok(OWNER, 'filings', 'create', { profile: PROFILE }))
    await env.ok(OWNER, 'filings', 'remove', { id: made[0].id })
    await env.ok(OWNER, 'filings', 'remove', { id: made[1].id })
    const results = await Promise.all(
      Array.from({ length: 6 }, () => env.call(OWNER, 'filings', 'create', { profile: PROFILE }))
    )
    expect(results.filter((r) => r.ok)).toHaveLength(2)
    expect(await env.store.collection<FilingRecord>(COLLECTIONS.filings).count({ ownerId: OWNER })).toBe(limit)
  }, 60_000)

  it('3× the open-invite limit of concurrent creates leaves exactly the limit open', async () => {
    const limit = env.deps.settings.maxOpenInvitesPerFiling
    const filing = await env.ok(OWNER, 'filings', 'create', { profile: PROFILE })
    const results = await Promise.all(
      Array.from({ length: limit * 3 }, (_, i) =>
        env.call(OWNER, 'invites', 'create', {
          filingId: filing.id,
          role: i % 2 ? 'owner_principal' : 'app_principal'
        })
      )
    )
    expect(await openInvites(env, filing.id)).toBe(limit)
    expect(results.filter((r) => r.ok)).toHaveLength(limit)
    expect(results.filter((r) => !r.ok && r.code === 'LIMIT_REACHED')).toHaveLength(limit * 2)
  }, 60_000)

  it('revoked, accepted and expired invites free their places, and a race after that stops at the limit again', async () => {
    const limit = env.deps.settings.maxOpenInvitesPerFiling
    const filing = await env.ok(OWNER, 'filings', 'create', { profile: PROFILE })
    const made = []
    for (let i = 0; i < limit; i++)
      made.push(await env.ok(OWNER, 'invites', 'create', { filingId: filing.id, role: 'owner_principal' }))
    await env.ok(OWNER, 'invites', 'revoke', { inviteId: made[0].inviteId })
    await env.ok('invitee', 'invites', 'accept', { token: made[1].token })
    const race = () =>
      Promise.all(
        Array.from({ length: 6 }, () =>
          env.call(OWNER, 'invites', 'create', { filingId: filing.id, role: 'app_principal' })
        )
      )
    expect((await race()).filter((r) => r.ok)).toHaveLength(2)
    expect(await openInvites(env, filing.id)).toBe(limit)

    // all of them expire: every place is free again, and the limit still holds
    env.clock.advance(env.deps.settings.inviteTtlHours * 3600_000 + 1000)
    const after = await Promise.all(
      Array.from({ length: limit * 3 }, () =>
        env.call(OWNER, 'invites', 'create', { filingId: filing.id, role: 'app_principal' })
      )
    )
    expect(after.filter((r) => r.ok)).toHaveLength(limit)
  }, 60_000)

  it('a revoke racing an accept never leaves the invitee in', async () => {
    const filing = await env.ok(OWNER, 'filings', 'create', { profile: PROFILE })
    for (let round = 0; round < 16; round++) {
      const invite = await env.ok(OWNER, 'invites', 'create', { filingId: filing.id, role: 'owner_principal' })
      const invitee = `invitee-${round}`
      // the revoke starts a few event-loop turns later each round, so it lands at every step of the accept
      await Promise.all([
        env.call(invitee, 'invites', 'accept', { token: invite.token }),
        turns(round).then(() => env.call(OWNER, 'invites', 'revoke', { inviteId: invite.inviteId }))
      ])
      const members = await env.store
        .collection<MemberRecord>(COLLECTIONS.members)
        .count({ filingId: filing.id, userId: invitee })
      expect({ round, members }).toEqual({ round, members: 0 })
      expect((await env.call(invitee, 'filings', 'get', { id: filing.id })).ok).toBe(false)
    }
  }, 60_000)
})
