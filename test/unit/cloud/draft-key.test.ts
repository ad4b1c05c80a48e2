/** @jest-environment node */
/**
 * filings.draftKey: the per-user key of the on-device draft encryption. Derived from the data key, so it is the
 * same for the same user every time (a relaunch can open yesterday's draft) and different for anyone else.
 */
import { createHmac, randomBytes } from 'crypto'
import fc from 'fast-check'
import { dataKey, staticKeyProvider } from '../../../src/cloud/crypto'
import { ConfigurationError } from '../../../src/cloud/envelope'
import { STORE_KINDS, makeEnv } from './helpers'
import { startTestPglite } from './pglite-test-store'

// the file's in-memory PostgreSQL starts before the first test (seconds on a loaded machine)
beforeAll(startTestPglite, 180_000)

const decoded = (key: string) => Buffer.from(key, 'base64')

describe.each(STORE_KINDS)('filings.draftKey over the %s store', (kind) => {
  it('gives the same user the same 32-byte key on every call', async () => {
    const env = makeEnv(kind)
    const first = await env.ok('user-a', 'filings', 'draftKey', {})
    env.clock.advance(7 * 24 * 3600_000)
    const again = await env.ok('user-a', 'filings', 'draftKey', {})
    expect(decoded(first.key)).toHaveLength(32)
    expect(again.key).toBe(first.key)
  })

  it('gives different users different keys', async () => {
    const env = makeEnv(kind)
    await fc.assert(
      fc.asyncProperty(
        fc.uniqueArray(fc.string({ minLength: 1, maxLength: 40 }), { minLength: 2, maxLength: 6 }),
        async (users) => {
          const keys = await Promise.all(users.map((u) => env.ok(u, 'filings', 'draftKey', {})))
          expect(new Set(keys.map((k) => k.key)).size).toBe(users.length)
        }
      ),
      { numRuns: 25 }
    )
  })

  it('is HMAC-SHA256 of the current data key and the user id, never the data key itself', async () => {
    const raw = randomBytes(32)
    const env = makeEnv(kind, { keys: staticKeyProvider(dataKey(raw)) })
    const { key } = await env.ok('user-a', 'filings', 'draftKey', {})
    const expected = createHmac('sha256', raw).update('draft-key:v1:user-a').digest()
    expect(decoded(key).equals(expected)).toBe(true)
    expect(decoded(key).equals(raw)).toBe(false)
  })

  it('changes with the data key: another deployment cannot open this one’s drafts', async () => {
    const a = await makeEnv(kind).ok('user-a', 'filings', 'draftKey', {})
    const b = await makeEnv(kind).ok('user-a', 'filings', 'draftKey', {})
    expect(a.key).not.toBe(b.key)
  })

  it('refuses an unauthenticated caller', async () => {
    const env = makeEnv(kind)
    expect(await env.call(null, 'filings', 'draftKey', {})).toMatchObject({ ok: false, code: 'UNAUTHENTICATED' })
  })

  it.each([
    [{ userId: 'user-b' }, 'userId'],
    [{ label: 'draft-key:v2:' }, 'label'],
    [{ key: 'x' }, 'key']
  ])('takes no input: %j is refused', async (data, field) => {
    const env = makeEnv(kind)
    const res = await env.call('user-a', 'filings', 'draftKey', data)
    expect(res).toMatchObject({ ok: false, code: 'INVALID', fieldErrors: { [field]: ['不允许的字段'] } })
  })

  it('answers UNAVAILABLE, without logging the key, when no data key is configured', async () => {
    const env = makeEnv(kind, {
      keys: {
        current: () => {
          throw new ConfigurationError('未配置数据密钥 BEIAN_DATA_KEY')
        },
        byId: () => undefined
      }
    })
    expect(await env.call('user-a', 'filings', 'draftKey', {})).toMatchObject({ ok: false, code: 'UNAVAILABLE' })
  })

  it('never writes anything: the key exists only in the answer', async () => {
    const env = makeEnv(kind)
    const { key } = await env.ok('user-a', 'filings', 'draftKey', {})
    const stored = JSON.stringify(await env.store.collection('filings').find({}))
    expect(stored).not.toContain(key)
    expect(env.logger.lines.join('\n')).not.toContain(key)
  })
})
