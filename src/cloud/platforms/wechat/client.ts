/**
 * The WeChat third-party-platform ("component") client: the verify ticket, the component token kept fresh, the
 * pre-auth code and authorisation link, auth code → authorizer tokens, and the two ICP reads the sync needs
 * (wechat-icp-api.md §4, §9, §11). Tokens live in the store, encrypted; a 40001/42001 answer drops the token used
 * and retries once with a new one.
 */
import type { CredentialDeps } from '../shared/credentials'
import {
  GrantRevoked,
  PermissionMissing,
  PlatformError,
  stripRid,
  type PlatformHttp,
  type PlatformRequest,
  type PlatformUpload
} from '../shared/http'
import { sendPaced, type RateLimiter } from '../shared/rate-limit'
import { TokenKeeper, withTokenRetry } from '../shared/token-keeper'
import { UNCONFIRMED } from '../shared/unconfirmed'
import type { AuthorizerGrant, WechatComponentConfig, WechatEntranceInfo, WechatIcpCall } from './icp-types'

/** The verify ticket lives 12 h; pushes come every 10 minutes. */
const TICKET_TTL_MS = 12 * 3_600_000
const TOKEN_ERRORS = new Set([40001, 42001])
/** The ICP permission sets: 18 (开发与数据分析) or 156 (ICP). */
export const ICP_PERMISSION_SETS = [18, 156]

export type {
  AuthorizerGrant,
  WechatAuditItem,
  WechatComponentConfig,
  WechatEntranceInfo,
  WechatIcpCall
} from './icp-types'
export { WECHAT_HOSTS } from './icp-types'

type Json = Record<string, unknown>

export class WechatComponentClient {
  private readonly tokens: TokenKeeper

  constructor(
    private readonly deps: CredentialDeps,
    private readonly config: WechatComponentConfig,
    private readonly http: PlatformHttp,
    private readonly limiter?: RateLimiter
  ) {
    this.tokens = new TokenKeeper(deps, 'wechat')
  }

  // ---- ticket and component token ----

  async saveVerifyTicket(ticket: string): Promise<void> {
    await this.tokens.saveTicket(ticket, TICKET_TTL_MS)
  }

  async componentToken(): Promise<string> {
    const noTicket = new PlatformError('wechat', 61006, '尚未收到 component_verify_ticket', 'api_component_token')
    return this.tokens.componentToken(noTicket, async (ticket) => {
      const body = await this.post(
        'wechat:component',
        'api_component_token',
        '/cgi-bin/component/api_component_token',
        {
          component_appid: this.config.componentAppId,
          component_appsecret: this.config.componentSecret,
          component_verify_ticket: ticket
        }
      )
      return { token: String(body.component_access_token ?? ''), expiresIn: body.expires_in }
    })
  }

  /** A call made with the component token; a stale token is dropped and the call retried once. */
  private withComponentToken(api: string, path: string, body: Json, tokenParam = 'access_token'): Promise<Json> {
    return withTokenRetry(
      () => this.componentToken(),
      (code) => TOKEN_ERRORS.has(code),
      () => this.tokens.expire('component_token'),
      (token) => this.post('wechat:component', api, `${path}?${tokenParam}=${encodeURIComponent(token)}`, body)
    )
  }

  // ---- authorisation ----

  async preAuthCode(): Promise<{ preAuthCode: string; expiresInSeconds: number }> {
    const body = await this.withComponentToken('api_create_preauthcode', '/cgi-bin/component/api_create_preauthcode', {
      component_appid: this.config.componentAppId
    })
    return { preAuthCode: String(body.pre_auth_code ?? ''), expiresInSeconds: Number(body.expires_in ?? 600) }
  }

  /** The page the administrator opens: PC (shown as a QR code) or mobile (a link inside WeChat); auth_type 2 = mini-programs. */
  authorisationLinks(preAuthCode: string, redirectUri: string): { pc: string; mobile: string } {
    const q = (extra: Record<string, string>) =>
      new URLSearchParams({
        ...extra,
        component_appid: this.config.componentAppId,
        pre_auth_code: preAuthCode,
        redirect_uri: redirectUri,
        auth_type: '2'
      }).toString()
    return {
      pc: `${this.config.mpBase}/cgi-bin/componentloginpage?${q({})}`,
      mobile: `${this.config.mpBase}/safe/bindcomponent?${q({ action: 'bindcomponent', no_scan: '1' })}#wechat_redirect`
    }
  }

  /** auth_code → authorizer tokens (stored encrypted) and the granted permission sets. */
  async exchangeAuthCode(authCode: string): Promise<AuthorizerGrant> {
    const body = await this.withComponentToken(
      'api_query_auth',
      '/cgi-bin/component/api_query_auth',
      {
        component_appid: this.config.componentAppId,
        authorization_code: authCode
      },
      'component_access_token'
    )
    const info = (body.authorization_info ?? {}) as Json
    const appId = String(info.authorizer_appid ?? '')
    const access = String(info.authorizer_access_token ?? '')
    const refresh = String(info.authorizer_refresh_token ?? '')
    if (!appId || !refresh) throw new PlatformError('wechat', -1, 'incomplete authorization_info', 'api_query_auth')
    await this.tokens.storeAuthorizer(appId, { token: access, refresh, expiresIn: info.expires_in })
    const sets = (Array.isArray(info.func_info) ? info.func_info : [])
      .map((f) => Number(((f as Json).funcscope_category as Json | undefined)?.id))
      .filter((n) => Number.isInteger(n))
    return {
      authorizerAppId: appId,
      permissionSets: sets,
      hasIcpPermission: sets.some((s) => ICP_PERMISSION_SETS.includes(s))
    }
  }

  /** WeChat may hand out a new refresh token with the access token; whichever is current is kept. */
  async authorizerToken(appId: string): Promise<string> {
    return this.tokens.authorizerToken(appId, UNCONFIRMED.wechatGrantGoneCodes.value, async (refreshToken) => {
      const body = await this.withComponentToken('api_authorizer_token', '/cgi-bin/component/api_authorizer_token', {
        component_appid: this.config.componentAppId,
        authorizer_appid: appId,
        authorizer_refresh_token: refreshToken
      })
      const refresh = typeof body.authorizer_refresh_token === 'string' ? body.authorizer_refresh_token : undefined
      return { token: String(body.authorizer_access_token ?? ''), refresh, expiresIn: body.expires_in }
    })
  }

  async forgetAuthorizer(appId: string): Promise<void> {
    await this.tokens.forgetAuthorizer(appId)
  }

  // ---- ICP reads ----

  async getIcpEntranceInfo(appId: string): Promise<WechatEntranceInfo> {
    const body = await this.icpCall(appId, 'get_icp_entrance_info', { method: 'GET' })
    const info = (body.info ?? {}) as Json
    const audit = Array.isArray(info.audit_data) ? (info.audit_data as Json[]) : []
    return {
      status: Number(info.status),
      ...(info.sms_verify_status !== undefined ? { sms_verify_status: Number(info.sms_verify_status) } : {}),
      audit_data: audit.map((a) => ({
        key_name: String(a.key_name ?? ''),
        error: String(a.error ?? ''),
        suggest: String(a.suggest ?? '')
      })),
      ...(info.available !== undefined ? { available: Number(info.available) } : {}),
      ...(info.is_canceling !== undefined ? { is_canceling: Boolean(info.is_canceling) } : {})
    }
  }

  /** The 小程序备案号 of a filed mini-program (icp_applets may be an object or an array: both accepted). */
  async getMiniProgramFilingNumber(appId: string): Promise<string | undefined> {
    const body = await this.icpCall(appId, 'get_online_icp_order', { method: 'GET' })
    const applets = body.icp_applets
    const first = (Array.isArray(applets) ? applets[0] : applets) as Json | undefined
    const number = (first?.base_info as Json | undefined)?.record_number
    return typeof number === 'string' && number ? number : undefined
  }

  /**
   * One ICP call made as the mini-program (`/wxa/icp/<api>`): a JSON GET/POST or a multipart upload. A stale token
   * is dropped and the call retried once; 48001 and a dead grant become PermissionMissing / GrantRevoked.
   */
  async icpCall(appId: string, api: string, call: WechatIcpCall): Promise<Json> {
    const send = (token: string) => {
      const url = `${this.config.apiBase}/wxa/icp/${api}?access_token=${encodeURIComponent(token)}`
      const req = 'upload' in call ? { upload: { ...call.upload, url } } : { method: call.method, url, body: call.body }
      return this.request(`wechat:${api}`, api, req)
    }
    try {
      return await withTokenRetry(
        () => this.authorizerToken(appId),
        (code) => TOKEN_ERRORS.has(code),
        () => this.tokens.expire('authorizer', appId),
        send
      )
    } catch (err) {
      if (!(err instanceof PlatformError)) throw err
      if (err.errcode === 48001) throw new PermissionMissing('wechat', appId, err.errcode)
      if (UNCONFIRMED.wechatGrantGoneCodes.value.includes(err.errcode))
        throw new GrantRevoked('wechat', appId, err.errcode)
      throw err
    }
  }

  // ---- transport ----

  private post(limit: string, api: string, pathAndQuery: string, body: Json): Promise<Json> {
    return this.request(limit, api, { method: 'POST', url: `${this.config.apiBase}${pathAndQuery}`, body })
  }

  private async request(limit: string, api: string, req: PlatformRequest | { upload: PlatformUpload }): Promise<Json> {
    const send = () => ('upload' in req ? this.http.upload(req.upload) : this.http.request(req))
    // 45011: over the platform's per-second limit
    const tooFrequent = (body: unknown) => (body as Json | undefined)?.errcode === 45011
    const res = await sendPaced(this.deps.clock, this.limiter, limit, send, tooFrequent)
    const body = (res.body && typeof res.body === 'object' ? res.body : {}) as Json
    const errcode = Number(body.errcode ?? 0)
    if (res.status !== 200 || errcode !== 0) {
      const hints = Array.isArray(body.hints) ? { hints: body.hints as unknown[] } : {}
      throw new PlatformError('wechat', errcode || -res.status, stripRid(body.errmsg), api, hints)
    }
    return body
  }
}
