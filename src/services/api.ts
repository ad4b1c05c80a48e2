/**
 * The one client of the back end. WeChat: `Taro.cloud.callFunction`; H5 and Douyin: `POST /api/<function>` on the
 * local/Douyin server with a bearer token from `POST /api/login`. Transient failures (network, time-out, 5xx,
 * a cloud call that did not run) are retried with backoff; everything else comes back as the envelope as is.
 * It never throws: every answer is `{ ok: true, data }` or `{ ok: false, code, message, fieldErrors }`.
 */
import Taro from '@tarojs/taro'
import type { ApiAction, ApiFunction, ApiInput, ApiOutput, Envelope, ErrorEnvelope } from './api-types'
import { noteChangeSent } from './change-count'

const TOKEN_KEY = 'beian.api.token'
const DEVICE_KEY = 'beian.api.device'
const ATTEMPTS = 3
const BACKOFF_MS = 400
const TIMEOUT_MS = 15_000

type Transport = 'cloud' | 'http'

function transport(): Transport {
  return process.env.TARO_ENV === 'weapp' ? 'cloud' : 'http'
}

/** '' = same origin (H5 served by the server); Douyin needs an absolute URL. */
export function apiBase(): string {
  const configured = (process.env.BEIAN_API_BASE || '').replace(/\/+$/, '')
  if (configured) return configured
  return process.env.TARO_ENV === 'tt' ? 'http://127.0.0.1:8787' : ''
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

function errorEnvelope(code: ErrorEnvelope['code'], message: string): ErrorEnvelope {
  return { ok: false, code, message, fieldErrors: {} }
}

const NETWORK_ERROR = errorEnvelope('UNAVAILABLE', '网络不可用，请检查网络后重试')

function isEnvelope(value: unknown): value is Envelope<unknown> {
  return typeof value === 'object' && value !== null && typeof (value as { ok?: unknown }).ok === 'boolean'
}

/** A call's outcome: a final envelope, or a transient failure worth another try. */
type Attempt = { final: Envelope<unknown> } | { transient: ErrorEnvelope }

// ---- WeChat cloud ----

async function callCloud(fn: string, action: string, data: unknown): Promise<Attempt> {
  try {
    const res = await Taro.cloud.callFunction({ name: fn, data: { action, data } })
    const result = (res as { result?: unknown }).result
    return isEnvelope(result) ? { final: result } : { transient: errorEnvelope('INTERNAL', '服务返回了无法识别的结果') }
  } catch {
    // the call did not complete (network, cold start time-out, function error): try again
    return { transient: NETWORK_ERROR }
  }
}

// ---- HTTP (H5, Douyin) ----

function storage(key: string): string {
  try {
    return (Taro.getStorageSync(key) as string) || ''
  } catch {
    return ''
  }
}

function store(key: string, value: string): void {
  try {
    if (value) Taro.setStorageSync(key, value)
    else Taro.removeStorageSync(key)
  } catch {
    // storage full or unavailable: the session simply does not survive a relaunch
  }
}

function randomHex(bytes: number): string {
  const buf = new Uint8Array(bytes)
  const c = (globalThis as { crypto?: { getRandomValues?: (a: Uint8Array) => Uint8Array } }).crypto
  if (c?.getRandomValues) c.getRandomValues(buf)
  else for (let i = 0; i < bytes; i++) buf[i] = Math.floor(Math.random() * 256)
  return Array.from(buf, (b) => b.toString(16).padStart(2, '0')).join('')
}

/** The code `POST /api/login` exchanges: Douyin's `tt.login` code, or on H5 this browser's own random id. */
async function loginCode(): Promise<string> {
  if (process.env.TARO_ENV === 'tt') return (await Taro.login()).code
  let device = storage(DEVICE_KEY)
  if (!device) {
    device = `h5-${randomHex(16)}`
    store(DEVICE_KEY, device)
  }
  return device
}

interface HttpResult {
  status: number
  body: unknown
}

/**
 * H5: the browser's own fetch. Taro.request would bring its fetch, AbortController and JSONP polyfills (≈ 50 KB
 * before minifying) into the start-up bundle, which every supported browser (browserslist) does not need.
 */
async function fetchPost(url: string, body: unknown, header: Record<string, string>): Promise<HttpResult> {
  const abort = typeof AbortController === 'function' ? new AbortController() : undefined
  const timer = abort ? setTimeout(() => abort.abort(), TIMEOUT_MS) : undefined
  try {
    const res = await fetch(url, { method: 'POST', headers: header, body: JSON.stringify(body), signal: abort?.signal })
    const text = await res.text()
    let parsed: unknown = text
    try {
      parsed = JSON.parse(text)
    } catch {
      // not JSON (a proxy's error page): kept as text, which no envelope check accepts
    }
    return { status: res.status, body: parsed }
  } finally {
    clearTimeout(timer)
  }
}

async function post(path: string, body: unknown, token?: string): Promise<HttpResult | null> {
  const url = `${apiBase()}/api/${path}`
  const header = { 'Content-Type': 'application/json', ...(token ? { Authorization: `Bearer ${token}` } : {}) }
  try {
    // a build-time constant: webpack drops the branch not taken (an if/else, so it can), and with it Taro.request on H5
    if (process.env.TARO_ENV === 'h5') {
      return await fetchPost(url, body, header)
    } else {
      const res = await Taro.request({ url, method: 'POST', data: body, header, timeout: TIMEOUT_MS, dataType: 'json' })
      return { status: res.statusCode, body: res.data }
    }
  } catch {
    return null
  }
}

let loggingIn: Promise<string | null> | null = null

/** One login at a time; the token is kept in storage. */
function ensureToken(): Promise<string | null> {
  const saved = storage(TOKEN_KEY)
  if (saved) return Promise.resolve(saved)
  loggingIn ??= (async () => {
    for (let attempt = 0; attempt < ATTEMPTS; attempt++) {
      if (attempt) await sleep(BACKOFF_MS * 2 ** (attempt - 1))
      const res = await post('login', { code: await loginCode() })
      const body = res?.body as Envelope<{ token: string }> | undefined
      if (res && res.status < 500 && body?.ok) {
        store(TOKEN_KEY, body.data.token)
        return body.data.token
      }
      if (res && res.status < 500) return null
    }
    return null
  })().finally(() => (loggingIn = null))
  return loggingIn
}

async function callHttp(fn: string, action: string, data: unknown, retriedLogin = false): Promise<Attempt> {
  const token = await ensureToken()
  if (!token) return { transient: errorEnvelope('UNAUTHENTICATED', '登录失败，请稍后重试') }
  const res = await post(fn, { action, data }, token)
  if (!res) return { transient: NETWORK_ERROR }
  if (res.status === 401 && !retriedLogin) {
    // the session expired or the server's data was reset: log in again once
    store(TOKEN_KEY, '')
    return callHttp(fn, action, data, true)
  }
  if (res.status >= 500)
    return {
      transient:
        isEnvelope(res.body) && !res.body.ok ? res.body : errorEnvelope('UNAVAILABLE', '服务暂时不可用，请稍后再试')
    }
  return { final: isEnvelope(res.body) ? res.body : errorEnvelope('INTERNAL', '服务返回了无法识别的结果') }
}

/** Actions that only read: every other call may change what a list fetched before it shows. */
const READ_ONLY = new Set([
  'filings.get',
  'filings.list',
  'filings.export',
  'filings.draftKey',
  'subscriptions.status',
  'invites.list',
  'submission.faceStatus',
  'connector.agency'
])
/** Calls one action; retries transient failures with exponential backoff. */
export async function callApi<F extends ApiFunction, A extends ApiAction<F>>(
  fn: F,
  action: A,
  data: ApiInput<F, A>
): Promise<Envelope<ApiOutput<F, A>>> {
  if (!READ_ONLY.has(`${fn}.${String(action)}`)) noteChangeSent()
  let last: ErrorEnvelope = NETWORK_ERROR
  for (let attempt = 0; attempt < ATTEMPTS; attempt++) {
    if (attempt) await sleep(BACKOFF_MS * 2 ** (attempt - 1))
    const outcome = transport() === 'cloud' ? await callCloud(fn, action, data) : await callHttp(fn, action, data)
    if ('final' in outcome) return outcome.final as Envelope<ApiOutput<F, A>>
    last = outcome.transient
  }
  return last
}

type Client<F extends ApiFunction> = {
  [A in ApiAction<F>]: (data: ApiInput<F, A>) => Promise<Envelope<ApiOutput<F, A>>>
}

function client<F extends ApiFunction>(fn: F, actions: readonly ApiAction<F>[]): Client<F> {
  const out = {} as Record<string, (data: unknown) => Promise<unknown>>
  for (const action of actions) out[action] = (data) => callApi(fn, action, data as never)
  return out as Client<F>
}

/** `api.filings.get({ id })`, `api.invites.accept({ token })`, … */
export const api = {
  filings: client('filings', [
    'create',
    'get',
    'list',
    'update',
    'advance',
    'remove',
    'schedule',
    'export',
    'purge',
    'draftKey'
  ]),
  subscriptions: client('subscriptions', ['record', 'status']),
  invites: client('invites', ['create', 'accept', 'revoke', 'list']),
  connector: client('connector', ['connect', 'status', 'disconnect', 'readNotices', 'agency']),
  submission: client('submission', [
    'prepare',
    'uploadMedia',
    'startFace',
    'faceStatus',
    'submit',
    'withdraw',
    'cancel',
    'saveExtras'
  ])
}

/** Forgets the HTTP session (after `purge`, or to switch users on H5); `device` also drops the H5 device id. */
export function forgetSession(options: { device?: boolean } = {}): void {
  store(TOKEN_KEY, '')
  if (options.device) store(DEVICE_KEY, '')
}
