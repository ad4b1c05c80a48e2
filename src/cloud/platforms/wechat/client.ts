/**
 * The WeChat third-party-platform ("component") client: the verify ticket, the component token kept fresh, the
 * pre-auth code and authorisation link, auth code → authorizer tokens, and the two ICP reads the sync needs
 * (wechat-icp-api.md §4, §9, §11). Tokens live in the store, encrypted; a 40001/42001 answer drops the token used
 * and retries once with a new one.
 */
import {
  credentialId,
  expireCredential,
  isFresh,
  readCredential,
  removeCredential,
  SingleFlight,
  writeCredential,
  type CredentialDeps
} from '../shared/credentials'
import {
  GrantRevoked,
  PermissionMissing,
  PlatformError,
  stripRid,
  type PlatformHttp,
  type PlatformRequest,
  type PlatformUpload
} from '../shared/http'
import type { RateLimiter } from '../shared/rate-limit'
import { UNCONFIRMED } from '../shared/unconfirmed'
import type { AuthorizerGrant, WechatComponentConfig, WechatEntranceInfo, WechatIcpCall } from './icp-types'

/** Refresh this long before the 2 h end (the doc suggests ~1 h 50 min). */
export const TOKEN_MARGIN_MS = 10 * 60_000
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
  private readonly flights = new SingleFlight()

  constructor(
    private readonly deps: CredentialDeps,
    private readonly config: WechatComponentConfig,
    private readonly http: PlatformHttp,
    private readonly limiter?: RateLimiter
  ) {}

  // ---- ticket and component token ----

  async saveVerifyTicket(ticket: string): Promise<void> {
    await writeCredential(this.deps, credentialId('wechat', 'ticket'), {
      platform: 'wechat',
      kind: 'ticket',
      secret: ticket,
      expiresAt: new Date(this.deps.clock.now().getTime() + TICKET_TTL_MS)
    })
  }

  async componentToken(): Promise<string> {
    const id = credentialId('wechat', 'component_token')
    const stored = await readCredential(this.deps, id)
    if (stored?.secret && isFresh(stored.record, this.deps.clock.now(), TOKEN_MARGIN_MS)) return stored.secret
    return this.flights.run(id, async () => {
      const ticket = await readCredential(this.deps, credentialId('wechat', 'ticket'))
      if (!ticket?.secret)
        throw new PlatformError('wechat', 61006, '尚未收到 component_verify_ticket', 'api_component_token')
      const body = await this.post(
        'wechat:component',
        'api_component_token',
        '/cgi-bin/component/api_component_token',
        {
          component_appid: this.config.componentAppId,
          component_appsecret: this.config.componentSecret,
          component_verify_ticket: ticket.secret
        }
      )
      const token = String(body.component_access_token ?? '')
      if (!token) throw new PlatformError('wechat', -1, 'no component_access_token', 'api_component_token')
      await writeCredential(this.deps, id, {
        platform: 'wechat',
        kind: 'component_token',
        secret: token,
        expiresAt: this.expiry(body.expires_in)
      })
      return token
    })
  }

  /** A call made with the component token; a stale token is dropped and the call retried once. */
  private async withComponentToken(api: string, path: string, body: Json, tokenParam = 'access_token'): Promise<Json> {
    for (let attempt = 0; ; attempt++) {
      const token = await this.componentToken()
      try {
        return await this.post('wechat:component', api, `${path}?${tokenParam}=${encodeURIComponent(token)}`, body)
      } catch (err) {
        if (attempt === 0 && err instanceof PlatformError && TOKEN_ERRORS.has(err.errcode)) {
          await expireCredential(this.deps, credentialId('wechat', 'component_token'))
          continue
        }
        throw err
      }
    }
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
    await writeCredential(this.deps, credentialId('wechat', 'authorizer', appId), {
      platform: 'wechat',
      kind: 'authorizer',
      appId,
      secret: access,
      refresh,
      expiresAt: this.expiry(info.expires_in)
    })
    const sets = (Array.isArray(info.func_info) ? info.func_info : [])
      .map((f) => Number(((f as Json).funcscope_category as Json | undefined)?.id))
      .filter((n) => Number.isInteger(n))
    return {
      authorizerAppId: appId,
      permissionSets: sets,
      hasIcpPermission: sets.some((s) => ICP_PERMISSION_SETS.includes(s))
    }
  }

  async authorizerToken(appId: string): Promise<string> {
    const id = credentialId('wechat', 'authorizer', appId)
    const stored = await readCredential(this.deps, id)
    if (!stored?.refresh) throw new GrantRevoked('wechat', appId, 0)
    if (stored.secret && isFresh(stored.record, this.deps.clock.now(), TOKEN_MARGIN_MS)) return stored.secret
    return this.flights.run(id, async () => {
      let body: Json
      try {
        body = await this.withComponentToken('api_authorizer_token', '/cgi-bin/component/api_authorizer_token', {
          component_appid: this.config.componentAppId,
          authorizer_appid: appId,
          authorizer_refresh_token: stored.refresh
        })
      } catch (err) {
        if (err instanceof PlatformError && UNCONFIRMED.wechatGrantGoneCodes.value.includes(err.errcode)) {
          throw new GrantRevoked('wechat', appId, err.errcode)
        }
        throw err
      }
      const access = String(body.authorizer_access_token ?? '')
      await writeCredential(this.deps, id, {
        platform: 'wechat',
        kind: 'authorizer',
        appId,
        secret: access,
        // WeChat may hand out a new refresh token; keep whichever is current
        refresh:
          typeof body.authorizer_refresh_token === 'string' && body.authorizer_refresh_token
            ? body.authorizer_refresh_token
            : stored.refresh,
        expiresAt: this.expiry(body.expires_in)
      })
      return access
    })
  }

  async forgetAuthorizer(appId: string): Promise<void> {
    await removeCredential(this.deps, credentialId('wechat', 'authorizer', appId))
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
    for (let attempt = 0; ; attempt++) {
      const token = await this.authorizerToken(appId)
      const url = `${this.config.apiBase}/wxa/icp/${api}?access_token=${encodeURIComponent(token)}`
      try {
        return await this.request(
          `wechat:${api}`,
          api,
          'upload' in call ? { upload: { ...call.upload, url } } : { method: call.method, url, body: call.body }
        )
      } catch (err) {
        if (!(err instanceof PlatformError)) throw err
        if (attempt === 0 && TOKEN_ERRORS.has(err.errcode)) {
          await expireCredential(this.deps, credentialId('wechat', 'authorizer', appId))
          continue
        }
        if (err.errcode === 48001) throw new PermissionMissing('wechat', appId, err.errcode)
        if (UNCONFIRMED.wechatGrantGoneCodes.value.includes(err.errcode))
          throw new GrantRevoked('wechat', appId, err.errcode)
        throw err
      }
    }
  }

  // ---- transport ----

  private post(limit: string, api: string, pathAndQuery: string, body: Json): Promise<Json> {
    return this.request(limit, api, { method: 'POST', url: `${this.config.apiBase}${pathAndQuery}`, body })
  }

  private async request(limit: string, api: string, req: PlatformRequest | { upload: PlatformUpload }): Promise<Json> {
    const send = () => ('upload' in req ? this.http.upload(req.upload) : this.http.request(req))
    await this.limiter?.take(limit)
    let res = await send()
    if ((res.body as Json | undefined)?.errcode === 45011) {
      // 45011, over the platform's per-second limit (our pacing and its window disagree at the edges): once more, a second later
      await this.deps.clock.sleep(1000)
      await this.limiter?.take(limit)
      res = await send()
    }
    const body = (res.body && typeof res.body === 'object' ? res.body : {}) as Json
    const errcode = Number(body.errcode ?? 0)
    if (res.status !== 200 || errcode !== 0) {
      const hints = Array.isArray(body.hints) ? { hints: body.hints as unknown[] } : {}
      throw new PlatformError('wechat', errcode || -res.status, stripRid(body.errmsg), api, hints)
    }
    return body
  }

  private expiry(expiresIn: unknown): Date {
    const seconds = Number(expiresIn) > 0 ? Number(expiresIn) : 7200
    return new Date(this.deps.clock.now().getTime() + seconds * 1000)
  }
}
