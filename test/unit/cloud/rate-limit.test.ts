/** @jest-environment node */
/**
 * Rate limits: the token bucket on its own (clock injected), the per-OPENID guard the cloud functions use, and
 * the local server under a login flood from one address.
 */
import fc from 'fast-check'
import { CLIENT_FUNCTIONS } from '../../../src/cloud/actions'
import { dispatch } from '../../../src/cloud/dispatch'
import { CallLimiter, TokenBuckets, userRateGuard, DEFAULT_RATE_POLICY } from '../../../src/cloud/rate-limit'
import type { ServerApp } from '../../../src/server/app'
import { makeEnv, PROFILE } from './helpers'
import { startTestPglite } from './pglite-test-store'
import { startLocalServer } from './local-server'

// the file's in-memory PostgreSQL starts before the first test (seconds on a loaded machine)
beforeAll(startTestPglite, 180_000)

describe('TokenBuckets', () => {
  it('allows a burst of `capacity`, then refuses with the seconds until a token is back', () => {
    let now = 0
    const buckets = new TokenBuckets({ capacity: 3, refillPerSecond: 0.5 }, () => now)
    expect([1, 2, 3].map(() => buckets.take('a').allowed)).toEqual([true, true, true])
    expect(buckets.take('a')).toEqual({ allowed: false, retryAfterSeconds: 2 })
    expect(buckets.take('b').allowed).toBe(true) // keys are separate
    now += 1000
    expect(buckets.take('a')).toEqual({ allowed: false, retryAfterSeconds: 1 })
    now += 1000
    expect(buckets.take('a').allowed).toBe(true)
    expect(buckets.take('a').allowed).toBe(false)
  })

  it('never allows more than capacity + elapsed × rate, whatever the timing', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 20 }),
        fc.double({ min: 0.01, max: 10, noNaN: true }),
        fc.array(fc.integer({ min: 0, max: 5000 }), { minLength: 1, maxLength: 200 }),
        (capacity, refillPerSecond, gaps) => {
          let now = 0
          const buckets = new TokenBuckets({ capacity, refillPerSecond }, () => now)
          let allowed = 0
          for (const gap of gaps) {
            now += gap
            const decision = buckets.take('k')
            if (decision.allowed) allowed++
            else expect(decision.retryAfterSeconds).toBeGreaterThanOrEqual(1)
          }
          expect(allowed).toBeLessThanOrEqual(Math.floor(capacity + (now / 1000) * refillPerSecond) + 1e-9)
        }
      )
    )
  })

  it('keeps at most maxKeys buckets, dropping the least recently used', () => {
    const buckets = new TokenBuckets({ capacity: 1, refillPerSecond: 1 }, () => 0, 3)
    for (const k of ['a', 'b', 'c', 'd']) buckets.take(k)
    expect(buckets.size).toBeLessThanOrEqual(3)
    expect(buckets.take('d').allowed).toBe(false) // the newest one is kept
  })
})

describe('per-user guard (the cloud functions key it by OPENID)', () => {
  it('refuses filings.create past the user budget with RATE_LIMITED, other users and actions unaffected', async () => {
    const env = makeEnv('wx')
    const limiter = new CallLimiter(() => env.clock.now().getTime())
    const budget = DEFAULT_RATE_POLICY['filings.create'].user.capacity
    const create = (user: string) =>
      dispatch(
        'filings',
        CLIENT_FUNCTIONS.filings,
        { action: 'create', data: { profile: PROFILE } },
        { userId: async () => user },
        env.deps,
        userRateGuard(limiter, 'filings')
      )
    for (let i = 0; i < budget; i++) expect((await create('openid-a')).ok).toBe(true)
    const refused = await create('openid-a')
    expect(refused).toMatchObject({ ok: false, code: 'RATE_LIMITED', message: '操作太频繁，请稍后再试' })
    expect(refused.ok === false && refused.retryAfterSeconds).toBeGreaterThan(0)
    expect((await create('openid-b')).ok).toBe(true)
    const list = await dispatch(
      'filings',
      CLIENT_FUNCTIONS.filings,
      { action: 'list' },
      { userId: async () => 'openid-a' },
      env.deps,
      userRateGuard(limiter, 'filings')
    )
    expect(list.ok).toBe(true)
    env.clock.advance(60_000) // tokens come back with time
    expect((await create('openid-a')).ok).toBe(true)
  })
})

describe('local server under a login flood', () => {
  let app: ServerApp
  let base: string

  beforeAll(async () => {
    const env = makeEnv('pglite')
    // a clock that does not move: no token comes back during the test
    const frozen = Date.parse('2025-03-03T09:00:00+08:00')
    const server = await startLocalServer(env.deps, { limiter: new CallLimiter(() => frozen), trustedProxies: 1 })
    app = server.app
    base = server.base
  })

  afterAll(async () => {
    await app.close()
  })

  const post = (route: string, body: unknown, headers: Record<string, string> = {}) =>
    fetch(`${base}/api/${route}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...headers },
      body: JSON.stringify(body)
    })

  it('answers 429 with Retry-After to the flooding address while health and other users keep answering', async () => {
    const other = await (await post('login', { code: 'other-user' }, { 'x-forwarded-for': '198.51.100.7' })).json()
    expect(other.ok).toBe(true)

    const flooder = { 'x-forwarded-for': '203.0.113.9' }
    const burst = DEFAULT_RATE_POLICY.login.address.capacity
    const statuses: number[] = []
    let refused: Response | undefined
    for (let i = 0; i < burst * 2; i++) {
      const res = await post('login', { code: `flood-${i}` }, flooder)
      statuses.push(res.status)
      if (res.status === 429) refused ??= res
      else await res.arrayBuffer()
      // the rest of the world, in between
      if (i % 20 === 0) {
        expect((await fetch(`${base}/api/health`)).status).toBe(200)
        const list = await post('filings', { action: 'list' }, { authorization: `Bearer ${other.data.token}` })
        expect(list.status).toBe(200)
      }
    }
    expect(statuses.filter((s) => s === 200)).toHaveLength(burst)
    expect(statuses.filter((s) => s === 429)).toHaveLength(burst)
    expect(Number(refused!.headers.get('retry-after'))).toBeGreaterThanOrEqual(1)
    expect(await refused!.json()).toMatchObject({ ok: false, code: 'RATE_LIMITED', message: '操作太频繁，请稍后再试' })

    // another address still logs in; a made-up extra X-Forwarded-For entry in front does not help the flooder
    expect((await post('login', { code: 'newcomer' }, { 'x-forwarded-for': '192.0.2.1' })).status).toBe(200)
    expect((await post('login', { code: 'spoof' }, { 'x-forwarded-for': '192.0.2.1, 203.0.113.9' })).status).toBe(429)
  })

  it('limits one user logging in from many addresses too', async () => {
    const budget = DEFAULT_RATE_POLICY.login.user.capacity
    const statuses: number[] = []
    for (let i = 0; i < budget + 3; i++) {
      const res = await post('login', { code: 'roaming-user' }, { 'x-forwarded-for': `10.0.${i}.1` })
      statuses.push(res.status)
      await res.arrayBuffer()
    }
    expect(statuses.filter((s) => s === 200)).toHaveLength(budget)
    expect(statuses.slice(budget)).toEqual([429, 429, 429])
  })
})
