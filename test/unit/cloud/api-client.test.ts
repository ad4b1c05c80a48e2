/**
 * The typed client (src/services/api.ts) with Taro's H5 layer: HTTP with a bearer token on H5 and Douyin,
 * callFunction on WeChat; transient failures retried with backoff, 4xx returned as is, never a throw.
 */
import Taro, * as TaroApis from '@tarojs/taro'
import { api, forgetSession } from '../../../src/services/api'

type RequestOptions = { url: string; method: string; data: any; header: Record<string, string> }
type Reply = { statusCode: number; data: unknown } | Error

const taro = Taro as unknown as Record<string, any>
// The jest stand-in's default export lacks the H5 API functions the real build puts on it: add the ones used here.
for (const name of ['request', 'getStorageSync', 'setStorageSync', 'removeStorageSync', 'login']) {
  taro[name] ??= (TaroApis as unknown as Record<string, unknown>)[name]
}
let calls: RequestOptions[] = []
let replies: ((o: RequestOptions) => Reply)[] = []
const originalEnv = process.env.TARO_ENV

function script(...r: ((o: RequestOptions) => Reply)[]) {
  replies = r
}

const loginOk = () => ({
  statusCode: 200,
  data: { ok: true, data: { token: 'T'.repeat(43), expiresAt: '2099-01-01T00:00:00.000Z' } }
})
const listOk = () => ({ statusCode: 200, data: { ok: true, data: [] } })

async function reply(options: RequestOptions): Promise<{ statusCode: number; data: unknown }> {
  calls.push(options)
  const next = replies.shift()
  if (!next) throw new Error('no scripted reply')
  const r = next(options)
  if (r instanceof Error) throw r
  return r
}

// H5 posts with the browser's fetch, Douyin with Taro.request: both answer from the same script
const originalFetch = globalThis.fetch
async function fetchStandIn(url: string, init: { method: string; headers: Record<string, string>; body: string }) {
  const r = await reply({ url, method: init.method, data: JSON.parse(init.body), header: init.headers })
  return { status: r.statusCode, text: async () => (typeof r.data === 'string' ? r.data : JSON.stringify(r.data)) }
}

beforeEach(() => {
  jest.useFakeTimers()
  calls = []
  forgetSession()
  taro.removeStorageSync('beian.api.device')
  jest.spyOn(taro, 'request').mockImplementation((o: unknown) => reply(o as RequestOptions))
  globalThis.fetch = jest.fn(fetchStandIn) as unknown as typeof fetch
})

afterEach(() => {
  jest.useRealTimers()
  jest.restoreAllMocks()
  globalThis.fetch = originalFetch
  process.env.TARO_ENV = originalEnv
})

async function settle<T>(promise: Promise<T>): Promise<T> {
  let done = false
  const result = promise.finally(() => (done = true))
  while (!done) await jest.runAllTimersAsync()
  return result
}

describe('api client over HTTP (H5)', () => {
  it('logs in once with a stable device code and sends the bearer token', async () => {
    script(loginOk, listOk, listOk)
    expect(await settle(api.filings.list({}))).toEqual({ ok: true, data: [] })
    expect(await settle(api.filings.list({}))).toEqual({ ok: true, data: [] })
    expect(calls.map((c) => c.url)).toEqual(['/api/login', '/api/filings', '/api/filings'])
    expect(calls[0].data.code).toMatch(/^h5-[0-9a-f]{32}$/)
    expect(calls[1]).toMatchObject({
      method: 'POST',
      data: { action: 'list', data: {} },
      header: { Authorization: `Bearer ${'T'.repeat(43)}` }
    })
    // the browser's own fetch: Taro.request's polyfills stay out of the H5 start-up bundle
    expect(taro.request).not.toHaveBeenCalled()
  })

  it('treats a proxy error page (not JSON) as a transient failure', async () => {
    script(loginOk, ...Array.from({ length: 3 }, () => () => ({ statusCode: 502, data: '<html>Bad Gateway</html>' })))
    expect(await settle(api.filings.list({}))).toMatchObject({ ok: false, code: 'UNAVAILABLE', fieldErrors: {} })
    expect(calls.filter((c) => c.url === '/api/filings')).toHaveLength(3)
  })

  it('retries 5xx and network failures with backoff, then answers', async () => {
    script(
      loginOk,
      () => ({ statusCode: 503, data: {} }),
      () => new Error('request:fail'),
      listOk
    )
    expect(await settle(api.filings.list({}))).toEqual({ ok: true, data: [] })
    expect(calls.filter((c) => c.url === '/api/filings')).toHaveLength(3)
  })

  it('does not retry a 4xx and returns its envelope', async () => {
    const conflict = { ok: false, code: 'CONFLICT', message: '记录已在别处修改，请刷新后再试', fieldErrors: {} }
    script(loginOk, () => ({ statusCode: 409, data: conflict }))
    expect(await settle(api.filings.update({ id: 'a'.repeat(24), version: 1, title: 'x' }))).toEqual(conflict)
    expect(calls).toHaveLength(2)
  })

  it('gives up after three transient failures with an error envelope, never a throw', async () => {
    script(loginOk, ...Array.from({ length: 3 }, () => () => new Error('timeout')))
    expect(await settle(api.filings.list({}))).toMatchObject({ ok: false, code: 'UNAVAILABLE', fieldErrors: {} })
  })

  it('logs in again once when the session is gone (401)', async () => {
    const unauth = { ok: false, code: 'UNAUTHENTICATED', message: '请先登录', fieldErrors: {} }
    script(loginOk, () => ({ statusCode: 401, data: unauth }), loginOk, listOk)
    expect(await settle(api.filings.list({}))).toEqual({ ok: true, data: [] })
    expect(calls.map((c) => c.url)).toEqual(['/api/login', '/api/filings', '/api/login', '/api/filings'])
  })
})

describe('api client on Douyin', () => {
  it('logs in with the tt.login code against the absolute API base', async () => {
    process.env.TARO_ENV = 'tt'
    jest.spyOn(taro, 'login').mockResolvedValue({ code: 'tt-code-1', errMsg: 'login:ok' })
    script(loginOk, listOk)
    await settle(api.filings.list({}))
    expect(calls[0]).toMatchObject({ url: 'http://127.0.0.1:8787/api/login', data: { code: 'tt-code-1' } })
    expect(calls[1].url).toBe('http://127.0.0.1:8787/api/filings')
  })
})

describe('api client on WeChat', () => {
  it('calls the cloud function with { action, data }, retrying a call that did not run', async () => {
    process.env.TARO_ENV = 'weapp'
    const callFunction = jest
      .fn()
      .mockRejectedValueOnce(Object.assign(new Error('cloud.callFunction:fail'), { errCode: -404011 }))
      .mockResolvedValueOnce({ result: { ok: true, data: { templates: {} } } })
    taro.cloud = { callFunction }
    expect(await settle(api.subscriptions.status({}))).toEqual({ ok: true, data: { templates: {} } })
    expect(callFunction).toHaveBeenCalledTimes(2)
    expect(callFunction).toHaveBeenLastCalledWith({ name: 'subscriptions', data: { action: 'status', data: {} } })
    expect(taro.request).not.toHaveBeenCalled()
    expect(globalThis.fetch).not.toHaveBeenCalled()
  })
})
