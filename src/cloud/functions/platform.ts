/**
 * Cloud function `platform`: the connector's server side on WeChat cloud development.
 *  - HTTP-triggered (云开发 HTTP 访问服务, path `/platform`): `…/platform/<wechat|douyin>/events` (the event URLs) and
 *    `…/platform/<wechat|douyin>/callback` (the OAuth redirect) — the same handlers as the local server;
 *  - its timer trigger (every minute): one sync round (`runPlatformSync`) within the function's time.
 * Secrets come from the function's environment (BEIAN_PUBLIC_URL, WECHAT_COMPONENT_*, DOUYIN_COMPONENT_*, BEIAN_DATA_KEY).
 */
import { wxCloud, wxDeps } from '../adapters/wx-runtime'
import { handleCallback, handleDouyinPush, handleWechatPush, isPushRejected } from '../platforms/binding'
import { connectorFromEnv } from '../platforms/from-env'
import { runPlatformSync } from '../platforms/sync'

interface HttpEvent {
  path?: string
  httpMethod?: string
  queryStringParameters?: Record<string, string>
  body?: string
  isBase64Encoded?: boolean
}

const text = (statusCode: number, body: string, type = 'text/plain; charset=utf-8') => ({
  statusCode,
  headers: { 'Content-Type': type, 'Cache-Control': 'no-store' },
  body,
  isBase64Encoded: false
})

export async function main(event: unknown) {
  const cloud = wxCloud()
  const deps = wxDeps(cloud)
  const connector = connectorFromEnv(deps)
  if (!connector) return text(503, 'connector not configured')
  deps.platforms = connector
  const e = (event ?? {}) as HttpEvent & { Type?: string }
  // a timer call carries no OPENID and Type 'Timer'
  if (e.Type === 'Timer' && !cloud.getWXContext().OPENID) {
    const report = await runPlatformSync(deps, connector, { limit: 5000, budgetMs: 45_000 })
    deps.logger.info('platform_sync_run', { ...report })
    return { ok: true, data: report }
  }
  const m = /(wechat|douyin)\/(callback|events)\/?$/.exec(e.path ?? '')
  if (!m) return text(404, 'not found')
  const platform = m[1] as 'wechat' | 'douyin'
  const query = e.queryStringParameters ?? {}
  const body = e.body ? (e.isBase64Encoded ? Buffer.from(e.body, 'base64').toString('utf8') : e.body) : ''
  if (m[2] === 'callback') {
    const result = await handleCallback(deps, platform, query).catch(() => ({ ok: false as const, reason: 'platform' }))
    return text(
      200,
      result.ok ? '连接成功，可以回到备案助手查看进度。' : '连接未完成，请在备案助手中重新点击“连接小程序”。'
    )
  }
  try {
    if (platform === 'wechat') await handleWechatPush(deps, query, body)
    else await handleDouyinPush(deps, JSON.parse(body || '{}') as unknown)
    return text(200, 'success')
  } catch (err) {
    return text(isPushRejected(err) || err instanceof SyntaxError ? 400 : 500, 'fail')
  }
}
