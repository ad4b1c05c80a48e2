/**
 * Douyin (抖音) mode: `tt.login` codes are exchanged through code2Session, and reminders are sent with the
 * notify-user v2 open API. `fetch` is injected (tests never reach Douyin).
 */
import type { CodeExchanger } from '../cloud/handlers/session/login'
import type { Logger, Sender } from '../cloud/ports'

export type FetchLike = (
  url: string,
  init: { method: string; headers: Record<string, string>; body: string; signal?: AbortSignal }
) => Promise<{ ok: boolean; status: number; json(): Promise<unknown> }>

export interface DouyinConfig {
  appId: string
  secret: string
  /** TemplateKind → Douyin msg_id. */
  templateIds: Partial<Record<string, string>>
}

const CODE2SESSION = 'https://developer.toutiao.com/api/apps/v2/jscode2session'
const CLIENT_TOKEN = 'https://open.douyin.com/oauth/client_token/'
const NOTIFY_USER = 'https://open.douyin.com/api/notification/v2/subscription/notify_user/'
/** Douyin's "system error, retry" answer; treated like WeChat's -1. */
const DOUYIN_RETRYABLE = new Set([28001005, 28001003])

export function douyinCodeExchanger(config: DouyinConfig, fetchFn: FetchLike, logger: Logger): CodeExchanger {
  return {
    async exchange(code) {
      const body = JSON.stringify({ appid: config.appId, secret: config.secret, code })
      const res = await fetchFn(CODE2SESSION, { method: 'POST', headers: { 'content-type': 'application/json' }, body })
      const data = (await res.json()) as { err_no?: number; data?: { openid?: string } }
      if (data.err_no || !data.data?.openid) {
        logger.warn('douyin_login_refused', { errNo: data.err_no ?? -1 })
        return null
      }
      // the session_key is never stored: the server's own session token replaces it
      return `tt:${data.data.openid}`
    }
  }
}

export function douyinSender(config: DouyinConfig, fetchFn: FetchLike, now: () => number = Date.now): Sender {
  let token: { value: string; expiresAt: number } | undefined
  const accessToken = async (): Promise<string> => {
    if (token && token.expiresAt > now()) return token.value
    const body = JSON.stringify({
      client_key: config.appId,
      client_secret: config.secret,
      grant_type: 'client_credential'
    })
    const res = await fetchFn(CLIENT_TOKEN, { method: 'POST', headers: { 'content-type': 'application/json' }, body })
    const data = (await res.json()) as { data?: { access_token?: string; expires_in?: number; error_code?: number } }
    if (!data.data?.access_token) throw new Error(`douyin client_token ${data.data?.error_code ?? res.status}`)
    token = {
      value: data.data.access_token,
      expiresAt: now() + Math.max(60, (data.data.expires_in ?? 7200) - 300) * 1000
    }
    return token.value
  }
  return {
    async send(message) {
      if (!message.toUserId.startsWith('tt:')) return { ok: false, errcode: 40003, errmsg: 'not a Douyin user' }
      const msgId = config.templateIds[message.template]
      if (!msgId) return { ok: false, errcode: 40037, errmsg: 'template id not configured' }
      const body = JSON.stringify({
        open_id: message.toUserId.slice(3),
        msg_id: msgId,
        data: message.fields,
        page: message.page
      })
      const res = await fetchFn(NOTIFY_USER, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'access-token': await accessToken() },
        body
      })
      if (res.status >= 500) return { ok: false, errcode: -1 }
      const data = (await res.json()) as { err_no?: number; err_msg?: string }
      if (!data.err_no) return { ok: true }
      if (DOUYIN_RETRYABLE.has(data.err_no)) {
        token = undefined
        return { ok: false, errcode: -1, errmsg: data.err_msg }
      }
      return { ok: false, errcode: data.err_no, errmsg: data.err_msg }
    }
  }
}
