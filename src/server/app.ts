/**
 * The local HTTP server: the same handlers as the WeChat cloud functions behind `POST /api/<function>`,
 * session logins, the H5 app's static files, the in-process reminder job and (local mode only) the dev outbox.
 */
import * as http from 'http'
import { CLIENT_FUNCTIONS, type FunctionName } from '../cloud/actions'
import type { Deps } from '../cloud/context'
import { dispatch, errorEnvelope } from '../cloud/dispatch'
import { fail, HTTP_STATUS, ok, type Envelope } from '../cloud/envelope'
import { login, removeExpiredSessions, userForToken, type CodeExchanger } from '../cloud/handlers/session/login'
import { COLLECTIONS, type SessionRecord } from '../cloud/records'
import { runReminderJob, type ReminderJobOptions, type ReminderJobReport } from '../cloud/reminders/run'
import { sha256Hex } from '../cloud/crypto'
import { parseInstant } from '../domain/time'
import type { Identity, Sender } from '../cloud/ports'
import { outboxFor } from './outbox'
import { SECURITY_HEADERS, serveStatic } from './static-files'

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
}

export interface ServerApp {
  server: http.Server
  /** One reminder run now (skipped if one is already running). */
  runReminders(options?: ReminderJobOptions): Promise<ReminderJobReport | null>
  close(): Promise<void>
}

class BodyError extends Error {
  constructor(readonly status: number) {
    super('bad body')
  }
}

function readJson(req: http.IncomingMessage, limit: number): Promise<unknown> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = []
    let size = 0
    req.on('data', (chunk: Buffer) => {
      size += chunk.length
      // past the limit: stop keeping it, drain the rest to answer 413; cut off a client that keeps going
      if (size <= limit) chunks.push(chunk)
      else if (size > limit * 16) req.destroy()
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

function sendJson(res: http.ServerResponse, envelope: Envelope<unknown>, status?: number): void {
  const body = JSON.stringify(envelope)
  res.writeHead(status ?? (envelope.ok ? 200 : HTTP_STATUS[envelope.code]), {
    ...SECURITY_HEADERS,
    'Content-Type': 'application/json; charset=utf-8',
    'Content-Length': String(Buffer.byteLength(body)),
    'Cache-Control': 'no-store',
    // bearer tokens, no cookies: other origins (e.g. the H5 dev server) may call the API
    'Access-Control-Allow-Origin': '*'
  })
  res.end(body)
}

function bearer(req: http.IncomingMessage): string | null {
  const m = /^Bearer ([A-Za-z0-9_-]{20,100})$/.exec(req.headers.authorization ?? '')
  return m ? m[1] : null
}

export function createServerApp(options: ServerAppOptions): ServerApp {
  const { deps, sender, exchanger, mode } = options
  const maxBody = options.maxBodyBytes ?? 256 * 1024
  const sessionDeps = { store: deps.store, clock: deps.clock, logger: deps.logger }

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
    if (route === 'health' && req.method === 'GET') return sendJson(res, ok({ status: 'ok' }))
    if (route === 'dev/outbox' && req.method === 'GET' && mode === 'local') {
      const userId = await identityOf(req).userId()
      if (!userId) return sendJson(res, fail('UNAUTHENTICATED'))
      return sendJson(res, ok({ messages: await outboxFor(deps.store, userId) }))
    }
    if (req.method !== 'POST') return sendJson(res, fail('NOT_FOUND', '接口不存在'))
    const body = await readJson(req, maxBody)
    if (route === 'login') return sendJson(res, await login(sessionDeps, body, exchanger))
    if (route === 'logout') {
      const token = bearer(req)
      if (token) await deps.store.collection<SessionRecord>(COLLECTIONS.sessions).removeWhere({ _id: sha256Hex(token) })
      return sendJson(res, ok({ loggedOut: true }))
    }
    if (route === 'reminders') return sendJson(res, fail('FORBIDDEN', '该功能只能由定时任务调用'))
    if (route === 'dev/run-reminders' && mode === 'local') {
      const userId = await identityOf(req).userId()
      if (!userId) return sendJson(res, fail('UNAUTHENTICATED'))
      const at = (body as { now?: unknown }).now
      const whenMs = typeof at === 'string' ? parseInstant(at) : undefined
      const when = whenMs === undefined ? undefined : new Date(whenMs)
      if (whenMs !== undefined && Number.isNaN(whenMs))
        return sendJson(res, fail('INVALID', undefined, { now: ['时间格式不正确'] }))
      // only the caller's own filings' reminders, so one tester cannot fire another's
      const report = await runReminders({ at: when, ownerId: userId })
      return report ? sendJson(res, ok(report)) : sendJson(res, fail('UNAVAILABLE', '提醒任务正在运行，请稍后再试'))
    }
    if (Object.prototype.hasOwnProperty.call(CLIENT_FUNCTIONS, route)) {
      const actions = CLIENT_FUNCTIONS[route as FunctionName]
      return sendJson(res, await dispatch(route, actions, body, identityOf(req), deps))
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
          return sendJson(res, fail('INVALID', err.status === 413 ? '请求内容过大' : '请求不是有效的 JSON'), err.status)
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
