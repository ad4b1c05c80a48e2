/**
 * The connector's HTTP endpoints (hosted by the local server; the WeChat cloud deployment can host the same
 * functions behind an HTTP-triggered function):
 *   GET  /api/platform/<wechat|douyin>/callback   OAuth redirect → binds the AppID, answers a small HTML page
 *   POST /api/platform/wechat/events               授权事件接收 URL (encrypted XML) → `success`
 *   POST /api/platform/douyin/events               授权事件 / 消息与事件接收 URL (encrypted JSON) → `success`
 * A push that fails verification gets HTTP 400 and is not acted on; the platform retries real pushes.
 */
import * as http from 'http'
import type { Deps } from '../cloud/context'
import { handleCallback, handleDouyinPush, handleWechatPush, isPushRejected } from '../cloud/platforms/binding'
import type { PlatformConnector } from '../cloud/platforms/connector'
import { runPlatformSync, type SyncJobReport } from '../cloud/platforms/sync'
import { SECURITY_HEADERS } from './static-files'

const MAX_PUSH_BYTES = 64 * 1024

export function readText(req: http.IncomingMessage, limit = MAX_PUSH_BYTES): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = []
    let size = 0
    req.on('data', (c: Buffer) => {
      size += c.length
      if (size > limit) req.destroy()
      else chunks.push(c)
    })
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')))
    req.on('error', reject)
  })
}

function send(res: http.ServerResponse, status: number, body: string, type = 'text/plain; charset=utf-8'): void {
  res.writeHead(status, { ...SECURITY_HEADERS, 'Content-Type': type, 'Cache-Control': 'no-store' })
  res.end(body)
}

const escapeHtml = (s: string) =>
  s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!)

export function resultPage(title: string, text: string): string {
  return `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1"><title>${escapeHtml(title)}</title></head><body style="font-family:sans-serif;padding:24px"><h2>${escapeHtml(title)}</h2><p>${escapeHtml(text)}</p><p>可以关闭此页面，回到备案助手查看进度。</p></body></html>`
}

const CALLBACK_TEXT: Record<string, [string, string]> = {
  ok: ['连接成功', '小程序已连接，备案进度将自动同步。'],
  state: ['链接已失效', '授权链接已过期或已使用，请在备案助手中重新点击“连接小程序”。'],
  owned_elsewhere: ['无法连接', '该小程序已由其他账号连接，一个小程序同一时间只能连接到一个账号。'],
  permission_missing: ['缺少权限', '授权时没有勾选备案相关权限，请重新授权并勾选（微信：权限集 18 或 156）。'],
  platform: ['无法连接', '平台暂时无法完成授权，请稍后重试。'],
  filing: ['无法连接', '这份备案已不存在。']
}

/** Handles `/api/platform/…`; returns false when the route is not the connector's. */
export async function handlePlatformRoute(
  deps: Deps,
  req: http.IncomingMessage,
  res: http.ServerResponse,
  route: string
): Promise<boolean> {
  const m = /^platform\/(wechat|douyin)\/(callback|events)$/.exec(route)
  if (!m) return false
  const platform = m[1] as 'wechat' | 'douyin'
  const query = Object.fromEntries(new URL(req.url ?? '/', 'http://localhost').searchParams)
  if (!deps.platforms?.[platform]) {
    send(res, 503, 'connector not configured')
    return true
  }
  if (m[2] === 'callback' && req.method === 'GET') {
    let key = 'platform'
    try {
      const result = await handleCallback(deps, platform, query)
      key = result.ok ? 'ok' : result.reason
    } catch (err) {
      deps.logger.warn('platform_callback_failed', { platform, error: err instanceof Error ? err.name : 'unknown' })
    }
    const [title, text] = CALLBACK_TEXT[key] ?? CALLBACK_TEXT.platform
    send(res, 200, resultPage(title, text), 'text/html; charset=utf-8')
    return true
  }
  if (m[2] === 'events' && req.method === 'POST') {
    const body = await readText(req)
    try {
      if (platform === 'wechat') await handleWechatPush(deps, query, body)
      else await handleDouyinPush(deps, JSON.parse(body || '{}') as unknown)
      send(res, 200, 'success')
    } catch (err) {
      const reason = isPushRejected(err) ? err.reason : err instanceof SyntaxError ? 'format' : 'error'
      deps.logger.warn('platform_push_refused', { platform, reason })
      send(res, reason === 'error' ? 500 : 400, 'fail')
    }
    return true
  }
  send(res, 405, 'method not allowed')
  return true
}

/** The scheduled sync in the local server: one run at a time, every `everyMs`. */
export function startPlatformSync(
  deps: Deps,
  connector: PlatformConnector,
  everyMs: number
): { stop(): void; runOnce(): Promise<SyncJobReport | null> } {
  let running: Promise<SyncJobReport> | null = null
  const runOnce = async () => {
    if (running) return null
    running = runPlatformSync(deps, connector)
    try {
      return await running
    } finally {
      running = null
    }
  }
  const timer = setInterval(() => {
    runOnce()
      .then((r) => {
        if (r && r.due) deps.logger.info('platform_sync_run', { ...r })
      })
      .catch((err) =>
        deps.logger.error('platform_sync_run_failed', { error: err instanceof Error ? err.name : 'unknown' })
      )
  }, everyMs)
  timer.unref()
  return { stop: () => clearInterval(timer), runOnce }
}
