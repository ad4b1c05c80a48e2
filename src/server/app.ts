/**
 * The local HTTP server: the same handlers as the WeChat cloud functions behind `POST /api/<function>`,
 * session logins, the H5 app's static files, the in-process reminder job and (local mode only) the dev outbox.
 */
import * as http from 'http'
import { CLIENT_FUNCTIONS, type FunctionName } from '../cloud/actions'
import type { Deps } from '../cloud/context'
import { dispatch, errorEnvelope } from '../cloud/dispatch'
import { fail, HTTP_STATUS, ok, rateLimited, type Envelope } from '../cloud/envelope'
import { login, removeExpiredSessions, userForToken, type CodeExchanger } from '../cloud/handlers/session/login'
import { COLLECTIONS, type SessionRecord } from '../cloud/records'
import { runReminderJob, type ReminderJobOptions, type ReminderJobReport } from '../cloud/reminders/run'
import { sha256Hex } from '../cloud/crypto'
import { CallLimiter, limitedCall, userRateGuard, type LimitedCall } from '../cloud/rate-limit'
import { parseInstant } from '../domain/time'
import type { Identity, Sender } from '../cloud/ports'
import { outboxFor } from './outbox'
import { handlePlatformRoute } from './platform-routes'
import { connectionsOf, syncConnection } from '../cloud/platforms/sync'
import { SECURITY_HEADERS, serveStatic } from './static-files'
import { MAX_MEDIA_BASE64 } from '../cloud/schemas'

export interface ServerAppOptions {
  deps: Deps
  sender: Sender
  exchanger: CodeExchanger
  /** 'local' enables the dev endpoints (outbox, run-reminders); 'douyin' does not. */
  mode: 'local' | 'douyin'
  /** The built H5 app; omitted → API only. */
  staticRoot?: string
  /** Reminder job period; 0 disables the timer (tests run it by hand). */
  reminderEveryMs?: number
  jobOptions?: ReminderJobOptions
  maxBodyBytes?: number
  /** BEIAN_PLATFORM=fake: the fake platforms' consent and control pages under /api/platform/fake. */
  platformFake?: (req: http.IncomingMessage, res: http.ServerResponse, route: string) => Promise<boolean>
  /**
   * Limits of login / invites.accept / filings.create by client address and by user; default: the module's
   * policy on the system clock. Tests pass their own.
   */
  limiter?: CallLimiter
  /**
   * Behind a reverse proxy: how many proxies in front append to `X-Forwarded-For` (the client address is the
   * entry that many from the right). 0 (default): the socket's address, and the header is ignored.
   */
  trustedProxies?: number
}

export interface ServerApp {
  server: http.Server
  /** One reminder run now (skipped if one is already running). */
  runReminders(options?: ReminderJobOptions): Promise<ReminderJobReport | null>
  close(): Promise<void>
}

class BodyError extends Error {
  constructor(readonly status: 400 | 413 | 415) {
    super('bad body')
  }
}

/** The `submission` function's limit: one photo of at most 2 MB as base64 plus its JSON envelope. */
export const MEDIA_BODY_BYTES = MAX_MEDIA_BASE64 + 16 * 1024

/** Past this much, an over-size body is not drained any further: answer 413 and drop the connection. */
const DRAIN_LIMIT_BYTES = 64 * 1024 * 1024

function readJson(req: http.IncomingMessage, limit: number): Promise<unknown> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = []
    let size = 0
    req.on('data', (chunk: Buffer) => {
      size += chunk.length
      // past the limit: stop keeping it, but read on so the client is there to get the 413
      if (size <= limit) chunks.push(chunk)
      else if (size > DRAIN_LIMIT_BYTES) {
        req.pause()
        reject(new BodyError(413))
      }
    })
    req.on('end', () => {
      if (size > limit) return reject(new BodyError(413))
      if (!size) return resolve({})
      try {
        resolve(JSON.parse(Buffer.concat(chunks).toString('utf8')))
      } catch {
        reject(new BodyError(400))
      }
    })
    req.on('error', reject)
  })
}

const BODY_ERRORS = {
  400: '请求不是有效的 JSON',
  413: '请求内容过大',
  415: '请求内容须为 JSON（Content-Type: application/json）'
}

function sendJson(res: http.ServerResponse, envelope: Envelope<unknown>, status?: number, head = false): void {
  const body = JSON.stringify(envelope)
  const retryAfter =
    !envelope.ok && envelope.retryAfterSeconds ? { 'Retry-After': String(envelope.retryAfterSeconds) } : {}
  res.writeHead(status ?? (envelope.ok ? 200 : HTTP_STATUS[envelope.code]), {
    ...retryAfter,
    ...SECURITY_HEADERS,
    'Content-Type': 'application/json; charset=utf-8',
    'Content-Length': String(Buffer.byteLength(body)),
    'Cache-Control': 'no-store',
    // bearer tokens, no cookies: other origins (e.g. the H5 dev server) may call the API
    'Access-Control-Allow-Origin': '*'
  })
  res.end(head ? undefined : body)
}

/** `application/json`, with or without parameters (charset). */
function isJson(req: http.IncomingMessage): boolean {
  return /^application\/json\s*(;|$)/i.test(req.headers['content-type'] ?? '')
}

/** The client's address: the socket's, or with trusted proxies the matching `X-Forwarded-For` entry. */
export function clientAddress(req: http.IncomingMessage, trustedProxies: number): string {
  const socket = req.socket.remoteAddress ?? 'unknown'
  if (!trustedProxies) return socket
  const header = req.headers['x-forwarded-for']
  const hops = (Array.isArray(header) ? header.join(',') : (header ?? '')).split(',').map((h) => h.trim())
  const entry = hops.filter(Boolean).at(-trustedProxies)
  return entry && entry.length <= 64 ? entry : socket
}

function bearer(req: http.IncomingMessage): string | null {
  const m = /^Bearer ([A-Za-z0-9_-]{20,100})$/.exec(req.headers.authorization ?? '')
  return m ? m[1] : null
}

export function createServerApp(options: ServerAppOptions): ServerApp {
  const { deps, sender, exchanger, mode } = options
  const maxBody = options.maxBodyBytes ?? 256 * 1024
  const sessionDeps = { store: deps.store, clock: deps.clock, logger: deps.logger }
  const limiter = options.limiter ?? new CallLimiter(() => Date.now())
  const trustedProxies = options.trustedProxies ?? 0
  const overAddressLimit = (call: LimitedCall, req: http.IncomingMessage) => {
    const decision = limiter.fromAddress(call, clientAddress(req, trustedProxies))
    return decision.allowed ? null : rateLimited(decision.retryAfterSeconds)
  }

  const identityOf = (req: http.IncomingMessage): Identity => ({
    userId: async () => {
      const token = bearer(req)
      return token ? userForToken(sessionDeps, token) : null
    }
  })

  let running: Promise<ReminderJobReport> | null = null
  const runReminders = async (jobOptions: ReminderJobOptions = {}) => {
    if (running) return null
    running = runReminderJob(
      { store: deps.store, clock: deps.clock, sender, logger: deps.logger },
      { ...options.jobOptions, ...jobOptions }
    )
    try {
      return await running
    } finally {
      running = null
    }
  }

  const handleApi = async (req: http.IncomingMessage, res: http.ServerResponse, route: string) => {
    if (req.method === 'OPTIONS') {
      res.writeHead(204, {
        'Access-Control-Allow-Origin': '*',
        'Access-Control-Allow-Methods': 'GET, POST, OPTIONS',
        'Access-Control-Allow-Headers': 'Authorization, Content-Type',
        'Access-Control-Max-Age': '600'
      })
      return res.end()
    }
    // the platform connector: OAuth callback and encrypted event pushes (raw bodies, not JSON envelopes)
    if (
      route.startsWith('platform/') &&
      ((await options.platformFake?.(req, res, route)) || (await handlePlatformRoute(deps, req, res, route)))
    )
      return
    if (route === 'health' && (req.method === 'GET' || req.method === 'HEAD')) {
      // touches the store, so a broken data folder shows here and not on the first real request
      await deps.store.collection<SessionRecord>(COLLECTIONS.sessions).get('health-probe')
      return sendJson(res, ok({ status: 'ok' }), 200, req.method === 'HEAD')
    }
    if (route === 'dev/outbox' && req.method === 'GET' && mode === 'local') {
      const userId = await identityOf(req).userId()
      if (!userId) return sendJson(res, fail('UNAUTHENTICATED'))
      return sendJson(res, ok({ messages: await outboxFor(deps.store, userId) }))
    }
    if (req.method !== 'POST') return sendJson(res, fail('NOT_FOUND', '接口不存在'))
    if (!isJson(req)) throw new BodyError(415)
    // 提交备案 carries one photo as base64 (≤ 2 MB → ≤ 2.7 MB of text); every other call stays small
    const body = await readJson(req, route === 'submission' ? Math.max(maxBody, MEDIA_BODY_BYTES) : maxBody)
    if (route === 'login') {
      const refused = overAddressLimit('login', req)
      if (refused) return sendJson(res, refused)
      const perUser = (userId: string) => {
        const decision = limiter.byUserId('login', userId)
        return decision.allowed ? null : rateLimited(decision.retryAfterSeconds)
      }
      return sendJson(res, await login(sessionDeps, body, exchanger, perUser))
    }
    if (route === 'logout') {
      const token = bearer(req)
      if (token) await deps.store.collection<SessionRecord>(COLLECTIONS.sessions).removeWhere({ _id: sha256Hex(token) })
      return sendJson(res, ok({ loggedOut: true }))
    }
    if (route === 'reminders') return sendJson(res, fail('FORBIDDEN', '该功能只能由定时任务调用'))
    if (route === 'dev/run-reminders' && mode === 'local') {
      const userId = await identityOf(req).userId()
      if (!userId) return sendJson(res, fail('UNAUTHENTICATED'))
      const at = typeof body === 'object' && body !== null ? (body as { now?: unknown }).now : undefined
      const whenMs = typeof at === 'string' ? parseInstant(at) : undefined
      const when = whenMs === undefined ? undefined : new Date(whenMs)
      if (whenMs !== undefined && Number.isNaN(whenMs))
        return sendJson(res, fail('INVALID', undefined, { now: ['时间格式不正确'] }))
      // only the caller's own filings' reminders, so one tester cannot fire another's
      const report = await runReminders({ at: when, ownerId: userId })
      return report ? sendJson(res, ok(report)) : sendJson(res, fail('UNAVAILABLE', '提醒任务正在运行，请稍后再试'))
    }
    if (route === 'dev/sync-platform' && mode === 'local') {
      // polls the caller's own connected mini-programs now, not when they are next due (E2E tests, trying the fake)
      const userId = await identityOf(req).userId()
      if (!userId) return sendJson(res, fail('UNAUTHENTICATED'))
      const connector = deps.platforms
      if (!connector) return sendJson(res, fail('UNAVAILABLE', '没有配置平台连接（BEIAN_PLATFORM=fake）'))
      const mine = await connectionsOf(deps).find({ ownerId: userId, state: 'active' }, { limit: 100 })
      const outcomes = []
      for (const c of mine) outcomes.push(await syncConnection(deps, connector, c))
      return sendJson(res, ok({ synced: mine.length, outcomes }))
    }
    if (Object.prototype.hasOwnProperty.call(CLIENT_FUNCTIONS, route)) {
      const actions = CLIENT_FUNCTIONS[route as FunctionName]
      const call = limitedCall(
        route,
        typeof body === 'object' && body !== null ? (body as { action?: unknown }).action : undefined
      )
      const refused = call && overAddressLimit(call, req)
      if (refused) return sendJson(res, refused)
      return sendJson(res, await dispatch(route, actions, body, identityOf(req), deps, userRateGuard(limiter, route)))
    }
    return sendJson(res, fail('NOT_FOUND', '接口不存在'))
  }

  const server = http.createServer((req, res) => {
    const started = Date.now()
    let pathname = '/'
    try {
      pathname = new URL(req.url ?? '/', 'http://localhost').pathname
    } catch {
      pathname = '/'
    }
    res.on('finish', () => {
      // the path only: queries may carry invite tokens
      if (pathname.startsWith('/api/') && deps.settings) {
        deps.logger.info('http', {
          method: req.method,
          path: pathname.slice(0, 60),
          status: res.statusCode,
          ms: Date.now() - started
        })
      }
    })
    if (pathname.startsWith('/api/')) {
      handleApi(req, res, pathname.slice('/api/'.length)).catch((err) => {
        if (err instanceof BodyError) {
          // the rest of a refused body is not read: end the connection with the answer
          if (err.status !== 400) res.setHeader('Connection', 'close')
          return sendJson(res, fail('INVALID', BODY_ERRORS[err.status]), err.status)
        }
        sendJson(res, errorEnvelope(err, 'http', deps))
      })
      return
    }
    if (options.staticRoot) return serveStatic(options.staticRoot, req, res, pathname)
    sendJson(res, fail('NOT_FOUND', '接口不存在'))
  })

  let timer: NodeJS.Timeout | undefined
  if (options.reminderEveryMs) {
    timer = setInterval(() => {
      runReminders()
        .then((report) => {
          if (report && (report.claimed || report.budgetExhausted)) deps.logger.info('reminder_run', { ...report })
        })
        .then(() => removeExpiredSessions(sessionDeps))
        .catch((err) =>
          deps.logger.error('reminder_run_failed', { error: err instanceof Error ? err.name : 'unknown' })
        )
    }, options.reminderEveryMs)
    timer.unref()
  }

  return {
    server,
    runReminders,
    async close() {
      if (timer) clearInterval(timer)
      await new Promise<void>((resolve) => server.close(() => resolve()))
      if (running) await running.catch(() => undefined)
    }
  }
}
