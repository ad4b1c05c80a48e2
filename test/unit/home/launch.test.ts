/** services/launch: which screen an entry link or QR code asks for. */
import fc from 'fast-check'
import { ROUTES } from '../../../src/constants/routes'
import {
  entryRoute,
  parseEntryQuery,
  prefetchFilingList,
  takeArrivedFilingList,
  takePrefetchedFilingList
} from '../../../src/services/launch'

jest.mock('../../../src/services/filings', () => ({ listFilings: jest.fn() }))
jest.mock('../../../src/services/navigation', () => ({ openPage: jest.fn() }))

const TOKEN = 'Abc_def-0123456789abcdefghijklmn'

describe('parseEntryQuery', () => {
  it.each<[string, Record<string, unknown> | undefined, ReturnType<typeof parseEntryQuery>]>([
    ['no query', undefined, undefined],
    ['empty query', {}, undefined],
    ['share card path', { invite: TOKEN }, { kind: 'invite', token: TOKEN }],
    ['mini-program code scene: the token alone', { scene: TOKEN }, { kind: 'invite', token: TOKEN }],
    ['scene URL-encoded pairs', { scene: encodeURIComponent(`invite=${TOKEN}`) }, { kind: 'invite', token: TOKEN }],
    ['scene with a platform', { scene: encodeURIComponent('platform=tt') }, { kind: 'platform', platform: 'tt' }],
    ['preset platform', { platform: 'alipay' }, { kind: 'platform', platform: 'alipay' }],
    ['invite wins over platform', { platform: 'tt', invite: TOKEN }, { kind: 'invite', token: TOKEN }],
    ['unknown platform', { platform: 'quickapp' }, undefined],
    ['blank invite', { invite: '   ' }, undefined],
    ['over-long invite is not ours', { invite: 'x'.repeat(129) }, undefined],
    ['a number is not a token', { invite: 42 }, undefined],
    ['malformed escape is kept as is', { invite: '%E0%A4%A' }, { kind: 'invite', token: '%E0%A4%A' }]
  ])('%s', (_name, query, expected) => {
    expect(parseEntryQuery(query)).toEqual(expected)
  })

  it('any base64url token reaches the join page unchanged, from the path or a code scene', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^[A-Za-z0-9_-]{22,64}$/), (token) => {
        for (const query of [{ invite: token }, { scene: token }, { scene: encodeURIComponent(token) }]) {
          const intent = parseEntryQuery(query)
          expect(intent).toEqual({ kind: 'invite', token })
          expect(entryRoute(intent!)).toBe(`${ROUTES.join}?invite=${token}`)
        }
      })
    )
  })
})

describe('entryRoute', () => {
  it('opens the wizard with the platform preset', () => {
    expect(entryRoute({ kind: 'platform', platform: 'tt' })).toBe(`${ROUTES.wizard}?platform=tt`)
  })
})

describe('prefetched filing list', () => {
  const listFilings = jest.requireMock('../../../src/services/filings').listFilings as jest.Mock

  beforeEach(() => {
    listFilings.mockReset()
    listFilings.mockImplementation(() => Promise.resolve({ ok: true, data: [] }))
    takePrefetchedFilingList()
  })
  afterEach(() => jest.useRealTimers())

  it('is requested once and taken once', () => {
    prefetchFilingList()
    prefetchFilingList()
    expect(listFilings).toHaveBeenCalledTimes(1)
    const first = takePrefetchedFilingList()
    expect(first).toBeInstanceOf(Promise)
    expect(takePrefetchedFilingList()).toBeUndefined()
  })

  it('is not used once stale: the page asks the server itself', () => {
    jest.useFakeTimers({ now: Date.parse('2026-11-24T10:00:00+08:00') })
    prefetchFilingList()
    jest.setSystemTime(Date.now() + 10_001)
    expect(takePrefetchedFilingList()).toBeUndefined()
  })

  it('a stale prefetch is replaced by a new request', () => {
    jest.useFakeTimers({ now: Date.parse('2026-11-24T10:00:00+08:00') })
    prefetchFilingList()
    jest.setSystemTime(Date.now() + 10_001)
    prefetchFilingList()
    expect(listFilings).toHaveBeenCalledTimes(2)
    expect(takePrefetchedFilingList()).toBeInstanceOf(Promise)
  })

  it('hands over the answer itself once it has arrived, once, and then nothing is left to take', async () => {
    const answer = { ok: true, data: [] }
    listFilings.mockImplementation(() => Promise.resolve(answer))
    prefetchFilingList()
    expect(takeArrivedFilingList()).toBeUndefined() // still travelling: left for the page to await
    await Promise.resolve()
    expect(takeArrivedFilingList()).toBe(answer)
    expect(takeArrivedFilingList()).toBeUndefined()
    expect(takePrefetchedFilingList()).toBeUndefined()
  })

  it('does not hand over a stale answer', async () => {
    jest.useFakeTimers({ now: Date.parse('2026-11-24T10:00:00+08:00') })
    prefetchFilingList()
    await Promise.resolve()
    jest.setSystemTime(Date.now() + 10_001)
    expect(takeArrivedFilingList()).toBeUndefined()
  })
})

describe('the list request index.html sends before the app code (H5)', () => {
  const listFilings = jest.requireMock('../../../src/services/filings').listFilings as jest.Mock
  const holder = globalThis as { __beianEarlyList?: { at: number; answer: Promise<unknown> } }
  const fromClient = { ok: true, data: [{ id: 'from-client' }] }

  beforeEach(() => {
    listFilings.mockReset()
    listFilings.mockImplementation(() => Promise.resolve(fromClient))
    takePrefetchedFilingList()
  })
  afterEach(() => {
    delete holder.__beianEarlyList
    jest.useRealTimers()
  })

  it('uses a clean answer as it came, without a second request', async () => {
    const early = { ok: true, data: [{ id: 'early' }] }
    holder.__beianEarlyList = { at: Date.now(), answer: Promise.resolve(early) }
    prefetchFilingList()
    expect(await takePrefetchedFilingList()).toBe(early)
    expect(listFilings).not.toHaveBeenCalled()
    expect(holder.__beianEarlyList).toBeUndefined()
  })

  it.each<[string, unknown]>([
    ['no session or a server error (the script leaves null)', null],
    ['an error envelope', { ok: false, code: 'UNAUTHENTICATED', message: '请先登录', fieldErrors: {} }],
    ['a body that is not a list', { ok: true, data: { id: 'x' } }]
  ])('%s: asks through the API client (which logs in again and retries)', async (_, body) => {
    holder.__beianEarlyList = { at: Date.now(), answer: Promise.resolve(body) }
    prefetchFilingList()
    expect(await takePrefetchedFilingList()).toBe(fromClient)
    expect(listFilings).toHaveBeenCalledTimes(1)
  })

  it('does not use a stale early request', async () => {
    jest.useFakeTimers({ now: Date.parse('2026-11-24T10:00:00+08:00') })
    holder.__beianEarlyList = { at: Date.now() - 10_001, answer: Promise.resolve({ ok: true, data: [] }) }
    prefetchFilingList()
    expect(await takePrefetchedFilingList()).toBe(fromClient)
  })
})
