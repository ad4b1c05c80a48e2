/**
 * The local HTTP server: the same handlers as the WeChat cloud functions behind `POST /api/<function>`,
 * session logins, the H5 app's static files, the in-process reminder job and (local mode only) the dev outbox.
 */
import * as http from 'http'
import type { Deps } from '../cloud/context'
import { errorEnvelope } from '../cloud/dispatch'
import { fail, rateLimited } from '../cloud/envelope'
import { removeExpiredSessions, userForToken, type CodeExchanger } from '../cloud/handlers/session/login'
import { runReminderJob, type ReminderJobOptions, type ReminderJobReport } from '../cloud/reminders/run'
import { CallLimiter, type LimitedCall } from '../cloud/rate-limit'
import type { Identity, Sender } from '../cloud/ports'
import { serveStatic } from './static-files'
import { BODY_ERRORS, BodyError, bearer, clientAddress, sendJson } from './http-io'
import { handleApi, type ApiContext } from './api-routes'

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

export { clientAddress, MEDIA_BODY_BYTES } from './http-io'

export function createServerApp(options: ServerAppOptions): ServerApp {
  const { deps, sender } = options
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

  const api: ApiContext = { options, maxBody, limiter, sessionDeps, overAddressLimit, identityOf, runReminders }
  const server = http.createServer((req, res) => serveRequest(api, req, res))

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

/** One request: `/api/…` to the routes (logged by path and status only), anything else to the H5 app's files. */
function serveRequest(api: ApiContext, req: http.IncomingMessage, res: http.ServerResponse): void {
  const { deps, staticRoot } = api.options
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
    handleApi(api, req, res, pathname.slice('/api/'.length)).catch((err) => {
      if (err instanceof BodyError) {
        // the rest of a refused body is not read: end the connection with the answer
        if (err.status !== 400) res.setHeader('Connection', 'close')
        return sendJson(res, fail('INVALID', BODY_ERRORS[err.status]), err.status)
      }
      sendJson(res, errorEnvelope(err, 'http', deps))
    })
    return
  }
  if (staticRoot) return serveStatic(staticRoot, req, res, pathname)
  sendJson(res, fail('NOT_FOUND', '接口不存在'))
}
