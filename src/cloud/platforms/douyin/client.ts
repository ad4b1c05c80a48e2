/**
 * The Douyin service-provider client: the component ticket and V2 component token, authorisation code → V2
 * authorizer tokens (a new refresh token on every call, stored each time), and the ICP reads the sync needs —
 * query_record_status, register history/detail (douyin-icp-api.md §4, §8), and `icpCall` for the filing API.
 */
import type { CredentialDeps } from '../shared/credentials'
import {
  PermissionMissing,
  PlatformError,
  stripRid,
  type PlatformHttp,
  type PlatformRequest,
  type PlatformUpload
} from '../shared/http'
import { sendPaced, type RateLimiter } from '../shared/rate-limit'
import { TokenKeeper, withTokenRetry, type FetchedGrant } from '../shared/token-keeper'
import { findFilingNumber } from './filing-number'
import { UNCONFIRMED, type DouyinSymbolicStatus } from '../shared/unconfirmed'

export interface DouyinProviderConfig {
  componentAppId: string
  componentSecret: string
  /** https://open.douyin.com in production. */
  apiBase: string
}

export const DOUYIN_HOSTS = { apiBase: 'https://open.douyin.com' }

/** The component ticket lives 3 h. */
const TICKET_TTL_MS = 3 * 3_600_000
/** 28001003 invalid, 28001008 expired: drop the token and retry once. */
const TOKEN_ERRORS = new Set([28001003, 28001008])
/** A stale component token: the V1 codes (V2 codes UNCONFIRMED) and the access-token ones. */
const STALE_COMPONENT_TOKEN = new Set([40009, 40010, 28001003, 28001008])

type Json = Record<string, unknown>

/** A JSON call (query string with its `?`), or a multipart upload (URL and token header are added by icpCall). */
export type DouyinIcpCall =
  { method: 'GET' | 'POST'; query?: string; body?: Json } | { upload: Omit<PlatformUpload, 'url' | 'headers'> }

export interface DouyinRegisterHistoryItem {
  record_id: number
  registration_state: number
  registration_type: number
  launch_time?: number
  platform_audit_pass_time?: number
  acquisition_time?: number
}

export class DouyinProviderClient {
  private readonly tokens: TokenKeeper

  constructor(
    private readonly deps: CredentialDeps,
    private readonly config: DouyinProviderConfig,
    private readonly http: PlatformHttp,
    private readonly limiter?: RateLimiter
  ) {
    this.tokens = new TokenKeeper(deps, 'douyin')
  }

  async saveTicket(ticket: string): Promise<void> {
    await this.tokens.saveTicket(ticket, TICKET_TTL_MS)
  }

  async componentToken(): Promise<string> {
    const noTicket = new PlatformError('douyin', 40037, '尚未收到 component_ticket', 'tp_token')
    return this.tokens.componentToken(noTicket, async (ticket) => {
      const q = new URLSearchParams({
        component_appid: this.config.componentAppId,
        component_appsecret: this.config.componentSecret,
        component_ticket: ticket
      })
      const body = await this.request('douyin:component', 'tp_token', {
        method: 'GET',
        url: `${this.config.apiBase}/openapi/v2/auth/tp/token/?${q.toString()}`
      })
      const data = unwrap(body)
      return { token: String(data.component_access_token ?? ''), expiresIn: data.expires_in }
    })
  }

  /** 直接获取授权链接V2: the link the administrator opens (valid 24 h, one successful authorisation). */
  async authorisationLink(redirectUri: string): Promise<string> {
    const body = await this.withComponentToken('gen_link', {
      method: 'POST',
      url: `${this.config.apiBase}/api/tpapp/v3/auth/gen_link/`,
      body: { link_type: 1, redirect_uri: redirectUri }
    })
    return String(unwrap(body).link ?? '')
  }

  async exchangeAuthCode(authCode: string): Promise<{ authorizerAppId: string }> {
    const data = await this.authToken({ grant_type: 'app_to_tp_authorization_code', authorization_code: authCode })
    const appId = String(data.authorizer_appid ?? '')
    if (!appId) throw new PlatformError('douyin', -1, 'no authorizer_appid', 'get_auth_token')
    await this.tokens.storeAuthorizer(appId, grantOf(data))
    return { authorizerAppId: appId }
  }

  /** Every refresh returns a new refresh token and kills the old one: it is stored before the access token is used. */
  async authorizerToken(appId: string): Promise<string> {
    return this.tokens.authorizerToken(appId, UNCONFIRMED.douyinGrantGoneCodes.value, async (refreshToken) =>
      grantOf(await this.authToken({ grant_type: 'app_to_tp_refresh_token', authorizer_refresh_token: refreshToken }))
    )
  }

  async forgetAuthorizer(appId: string): Promise<void> {
    await this.tokens.forgetAuthorizer(appId)
  }

  private async authToken(params: Record<string, string>): Promise<Json> {
    const body = await this.withComponentToken('get_auth_token', {
      method: 'GET',
      url: `${this.config.apiBase}/api/tpapp/v2/auth/get_auth_token/?${new URLSearchParams(params).toString()}`
    })
    return unwrap(body)
  }

  // ---- ICP reads ----

  async queryRecordStatus(appId: string): Promise<{ status: number; symbolic: DouyinSymbolicStatus | undefined }> {
    const data = unwrap(await this.icpGet(appId, 'query_record_status', ''))
    const status = Number(data.status)
    return { status, symbolic: UNCONFIRMED.douyinRecordStatus.value[status] }
  }

  async registerHistory(
    appId: string,
    page = 1,
    pageSize = 20
  ): Promise<{ total: number; items: DouyinRegisterHistoryItem[] }> {
    const data = unwrap(await this.icpGet(appId, 'get_register_history', `?page=${page}&page_size=${pageSize}`))
    const list = Array.isArray(data.register_history_list)
      ? (data.register_history_list as DouyinRegisterHistoryItem[])
      : []
    return { total: Number(data.total ?? list.length), items: list }
  }

  async registerDetail(appId: string, recordId: number): Promise<Json> {
    return unwrap(await this.icpGet(appId, 'get_register_detail', `?record_id=${recordId}`))
  }

  /** The 备案号 of the newest filing: its field is UNCONFIRMED, so the detail is searched for a valid number. */
  async latestFilingNumber(appId: string): Promise<string | undefined> {
    const { items } = await this.registerHistory(appId, 1, 1)
    if (!items[0]) return undefined
    return findFilingNumber(await this.registerDetail(appId, items[0].record_id))
  }

  private icpGet(appId: string, api: string, query: string): Promise<Json> {
    return this.icpCall(appId, api, { method: 'GET', query })
  }

  /**
   * One ICP call as the mini-program (`/api/apps/v1/icp_record/<api>/`): JSON or multipart. A stale token is
   * dropped and the call retried once; a missing permission becomes PermissionMissing.
   */
  async icpCall(appId: string, api: string, call: DouyinIcpCall): Promise<Json> {
    const url = `${this.config.apiBase}/api/apps/v1/icp_record/${api}/${'query' in call ? (call.query ?? '') : ''}`
    const send = (token: string) => {
      const headers = { 'access-token': token }
      const req =
        'upload' in call
          ? { upload: { ...call.upload, url, headers } }
          : { method: call.method, url, headers, body: call.body }
      return this.request(`douyin:${api}`, api, req)
    }
    try {
      return await withTokenRetry(
        () => this.authorizerToken(appId),
        (code) => TOKEN_ERRORS.has(code),
        () => this.tokens.expire('authorizer', appId),
        send
      )
    } catch (err) {
      if (err instanceof PlatformError && UNCONFIRMED.douyinPermissionCodes.value.includes(err.errcode))
        throw new PermissionMissing('douyin', appId, err.errcode)
      throw err
    }
  }

  private withComponentToken(api: string, req: PlatformRequest): Promise<Json> {
    return withTokenRetry(
      () => this.componentToken(),
      (code) => STALE_COMPONENT_TOKEN.has(code),
      () => this.tokens.expire('component_token'),
      (token) => this.request('douyin:component', api, { ...req, headers: { ...req.headers, 'access-token': token } })
    )
  }

  private async request(limit: string, api: string, req: PlatformRequest | { upload: PlatformUpload }): Promise<Json> {
    const send = () => ('upload' in req ? this.http.upload(req.upload) : this.http.request(req))
    const res = await sendPaced(this.deps.clock, this.limiter, limit, send, isTooFrequent)
    const body = (res.body && typeof res.body === 'object' ? res.body : {}) as Json
    // ICP envelope: err_no/err_msg; token endpoints: errno/message (or error_code)
    const code = Number(body.err_no ?? body.errno ?? body.error_code ?? 0)
    if (res.status !== 200 || code !== 0) {
      const message = body.err_msg ?? body.message
      throw new PlatformError('douyin', code || -res.status, stripRid(message), api, {
        fullMessage: typeof message === 'string' ? message : ''
      })
    }
    return body
  }
}

/** Douyin always answers both tokens; one missing is a broken answer, not a withdrawn grant. */
function grantOf(data: Json): FetchedGrant {
  const token = String(data.authorizer_access_token ?? '')
  const refresh = String(data.authorizer_refresh_token ?? '')
  if (!token || !refresh) throw new PlatformError('douyin', -1, 'incomplete authorizer token', 'get_auth_token')
  return { token, refresh, expiresIn: data.expires_in }
}

function unwrap(body: Json): Json {
  return body.data && typeof body.data === 'object' && !Array.isArray(body.data) ? (body.data as Json) : body
}

/** 28003017: quota used up (the fake also answers it above the per-second limit). */
function isTooFrequent(body: unknown): boolean {
  return !!body && typeof body === 'object' && (body as Json).err_no === 28003017
}
