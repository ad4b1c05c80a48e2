/**
 * The `/api/<route>` handler of the local server: CORS preflight, health, login/logout, the local-mode dev routes
 * and every client cloud function, each behind its rate limits.
 */
import type * as http from 'http'
import { CLIENT_FUNCTIONS, type FunctionName } from '../cloud/actions'
import { dispatch } from '../cloud/dispatch'
import { fail, ok, rateLimited } from '../cloud/envelope'
import { login } from '../cloud/handlers/session/login'
import { COLLECTIONS, type SessionRecord } from '../cloud/records'
import type { ReminderJobOptions, ReminderJobReport } from '../cloud/reminders/run'
import { sha256Hex } from '../cloud/crypto'
import { limitedCall, userRateGuard, type CallLimiter, type LimitedCall } from '../cloud/rate-limit'
import { parseInstant } from '../domain/time'
import type { Identity } from '../cloud/ports'
import { outboxFor } from './outbox'
import { handlePlatformRoute } from './platform-routes'
import { connectionsOf, syncConnection } from '../cloud/platforms/sync'
import { BodyError, bearer, isJson, MEDIA_BODY_BYTES, readJson, sendJson } from './http-io'
import type { ServerAppOptions } from './app'

/** What the routes share, built once by createServerApp. */
export interface ApiContext {
  options: ServerAppOptions
  maxBody: number
  limiter: CallLimiter
  sessionDeps: Pick<ServerAppOptions['deps'], 'store' | 'clock' | 'logger'>
  overAddressLimit: (call: LimitedCall, req: http.IncomingMessage) => ReturnType<typeof rateLimited> | null
  identityOf: (req: http.IncomingMessage) => Identity
  runReminders: (options?: ReminderJobOptions) => Promise<ReminderJobReport | null>
}

type Res = http.ServerResponse

export async function handleApi(ctx: ApiContext, req: http.IncomingMessage, res: Res, route: string): Promise<void> {
  const { deps, mode } = ctx.options
  if (req.method === 'OPTIONS') {
    res.writeHead(204, {
      'Access-Control-Allow-Origin': '*',
      'Access-Control-Allow-Methods': 'GET, POST, OPTIONS',
      'Access-Control-Allow-Headers': 'Authorization, Content-Type',
      'Access-Control-Max-Age': '600'
    })
    res.end()
    return
  }
  // the platform connector: OAuth callback and encrypted event pushes (raw bodies, not JSON envelopes)
  if (
    route.startsWith('platform/') &&
    ((await ctx.options.platformFake?.(req, res, route)) || (await handlePlatformRoute(deps, req, res, route)))
  )
    return
  if (route === 'health' && (req.method === 'GET' || req.method === 'HEAD')) {
    // touches the store, so a broken data folder shows here and not on the first real request
    await deps.store.collection<SessionRecord>(COLLECTIONS.sessions).get('health-probe')
    return sendJson(res, ok({ status: 'ok' }), 200, req.method === 'HEAD')
  }
  if (route === 'dev/outbox' && req.method === 'GET' && mode === 'local') {
    const userId = await ctx.identityOf(req).userId()
    if (!userId) return sendJson(res, fail('UNAUTHENTICATED'))
    return sendJson(res, ok({ messages: await outboxFor(deps.store, userId) }))
  }
  if (req.method !== 'POST') return sendJson(res, fail('NOT_FOUND', '接口不存在'))
  if (!isJson(req)) throw new BodyError(415)
  // 提交备案 carries one photo as base64 (≤ 2 MB → ≤ 2.7 MB of text); every other call stays small
  const body = await readJson(req, route === 'submission' ? Math.max(ctx.maxBody, MEDIA_BODY_BYTES) : ctx.maxBody)
  return handlePost(ctx, req, res, route, body)
}

/** A JSON POST, its body already read. */
async function handlePost(ctx: ApiContext, req: http.IncomingMessage, res: Res, route: string, body: unknown) {
  const { deps, mode } = ctx.options
  if (route === 'login') {
    const refused = ctx.overAddressLimit('login', req)
    if (refused) return sendJson(res, refused)
    const perUser = (userId: string) => {
      const decision = ctx.limiter.byUserId('login', userId)
      return decision.allowed ? null : rateLimited(decision.retryAfterSeconds)
    }
    return sendJson(res, await login(ctx.sessionDeps, body, ctx.options.exchanger, perUser))
  }
  if (route === 'logout') {
    const token = bearer(req)
    if (token) await deps.store.collection<SessionRecord>(COLLECTIONS.sessions).removeWhere({ _id: sha256Hex(token) })
    return sendJson(res, ok({ loggedOut: true }))
  }
  if (route === 'reminders') return sendJson(res, fail('FORBIDDEN', '该功能只能由定时任务调用'))
  if (route === 'dev/run-reminders' && mode === 'local') return runRemindersForCaller(ctx, req, res, body)
  if (route === 'dev/sync-platform' && mode === 'local') return syncPlatformForCaller(ctx, req, res)
  if (Object.prototype.hasOwnProperty.call(CLIENT_FUNCTIONS, route)) {
    const actions = CLIENT_FUNCTIONS[route as FunctionName]
    const call = limitedCall(
      route,
      typeof body === 'object' && body !== null ? (body as { action?: unknown }).action : undefined
    )
    const refused = call && ctx.overAddressLimit(call, req)
    if (refused) return sendJson(res, refused)
    const guard = userRateGuard(ctx.limiter, route)
    return sendJson(res, await dispatch(route, actions, body, ctx.identityOf(req), deps, guard))
  }
  return sendJson(res, fail('NOT_FOUND', '接口不存在'))
}

async function runRemindersForCaller(ctx: ApiContext, req: http.IncomingMessage, res: Res, body: unknown) {
  const userId = await ctx.identityOf(req).userId()
  if (!userId) return sendJson(res, fail('UNAUTHENTICATED'))
  const at = typeof body === 'object' && body !== null ? (body as { now?: unknown }).now : undefined
  const whenMs = typeof at === 'string' ? parseInstant(at) : undefined
  const when = whenMs === undefined ? undefined : new Date(whenMs)
  if (whenMs !== undefined && Number.isNaN(whenMs))
    return sendJson(res, fail('INVALID', undefined, { now: ['时间格式不正确'] }))
  // only the caller's own filings' reminders, so one tester cannot fire another's
  const report = await ctx.runReminders({ at: when, ownerId: userId })
  return report ? sendJson(res, ok(report)) : sendJson(res, fail('UNAVAILABLE', '提醒任务正在运行，请稍后再试'))
}

/** Polls the caller's own connected mini-programs now, not when they are next due (E2E tests, trying the fake). */
async function syncPlatformForCaller(ctx: ApiContext, req: http.IncomingMessage, res: Res) {
  const { deps } = ctx.options
  const userId = await ctx.identityOf(req).userId()
  if (!userId) return sendJson(res, fail('UNAUTHENTICATED'))
  const connector = deps.platforms
  if (!connector) return sendJson(res, fail('UNAVAILABLE', '没有配置平台连接（BEIAN_PLATFORM=fake）'))
  const mine = await connectionsOf(deps).find({ ownerId: userId, state: 'active' }, { limit: 100 })
  const outcomes = []
  for (const c of mine) outcomes.push(await syncConnection(deps, connector, c))
  return sendJson(res, ok({ synced: mine.length, outcomes }))
}
