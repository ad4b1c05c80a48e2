/**
 * The WeChat third-party platform, faked: the component-token and authorisation routes (40001/42001 for bad or
 * expired tokens, 61005/61006 tickets, 61010 codes, 61023 refresh tokens dead on revocation), the ICP routes behind
 * permission set 18/156 (48001) and a daily quota (45009), and the test hooks that play the administrator.
 */
import type { PlatformResponse } from '../../cloud/platforms/shared/http'
import type { FakeContext } from './fake-options'
import type { WechatPushDelivery } from './fake-pushes'
import { chinaDay, tok, wxAnswer, wxOk, type Json, type WxApp } from './fake-state'
import { FakeTokens, TOKEN_SECONDS } from './fake-tokens'
import { WechatIcpFake, wechatNumberAbbr } from './wechat-icp'

export class WechatFake {
  readonly apps = new Map<string, WxApp>()
  readonly tokens: FakeTokens
  readonly icp: WechatIcpFake

  constructor(private readonly ctx: FakeContext) {
    this.tokens = new FakeTokens(() => ctx.now())
    this.icp = new WechatIcpFake(ctx.media, () => ctx.now())
  }

  /** The 10-minute ticket push (valid 12 h). */
  ticketPush(): WechatPushDelivery {
    const ticket = this.tokens.issueTicket('ticket@@@', 12 * 3_600_000)
    return this.ctx.pushes.wechat({ InfoType: 'component_verify_ticket', ComponentVerifyTicket: ticket })
  }

  /** The administrator scans and agrees: the redirect's auth code and the `authorized` push. */
  consent(
    preAuthCode: string,
    appId: string,
    sets: number[]
  ): { authCode: string; push: WechatPushDelivery } | { error: string } {
    if (!this.tokens.takeCode('preauthcode@@@', preAuthCode)) return { error: 'pre_auth_code invalid or used' }
    const authCode = this.tokens.issueCode('queryauthcode@@@', appId, 600_000)
    const granted = { granted: true, sets, refreshToken: tok('refreshtoken@@@') }
    const app = this.apps.get(appId)
    if (app) Object.assign(app, granted)
    else this.apps.set(appId, { appId, ...granted, status: 1024, audit: [], dayCalls: new Map() })
    const push = this.ctx.pushes.wechat({
      InfoType: 'authorized',
      AuthorizerAppid: appId,
      AuthorizationCode: authCode,
      AuthorizationCodeExpiredTime: Math.floor(this.ctx.now() / 1000) + 600,
      PreAuthCode: preAuthCode
    })
    return { authCode, push }
  }

  /** The merchant revokes in the MP console: every token and the refresh token die. */
  revoke(appId: string): WechatPushDelivery {
    const app = this.apps.get(appId)
    if (app) app.granted = false
    this.tokens.revokeApp(appId)
    return this.ctx.pushes.wechat({ InfoType: 'unauthorized', AuthorizerAppid: appId })
  }

  /**
   * Moves the ICP state machine (2 → 3 | 4; at 4 sms 1 → 2 | 3; 4 → 5 | 6). On 6 numbers are assigned. Returns the
   * `notify_apply_icpfiling_result` push for 3, 5 and 6 (whether 2/4 are pushed is UNCONFIRMED: not sent).
   */
  setStatus(
    appId: string,
    status: number,
    extra: { sms?: number; audit?: WxApp['audit']; recordNumber?: string }
  ): WechatPushDelivery | undefined {
    const app = this.apps.get(appId)
    if (!app) throw new Error(`fake: unknown app ${appId}`)
    app.status = status
    app.sms = status === 4 ? extra.sms : undefined
    app.audit = status === 3 || status === 5 ? (extra.audit ?? []) : []
    if (status === 6 && !app.appletNumber) {
      app.appletNumber =
        extra.recordNumber ?? `${wechatNumberAbbr(app)}ICP备${2026000000 + this.ctx.nextRecordId()}号-1X`
      app.subjectNumber = app.appletNumber.replace(/-\d+X$/, '')
    }
    if (![3, 5, 6].includes(status)) return undefined
    return this.ctx.pushes.wechat({
      InfoType: 'notify_apply_icpfiling_result',
      authorizer_appid: appId,
      beian_status: status
    })
  }

  /** The administrator finished the face check (3) or failed it (2): the `notify_icpfiling_verify_result` push. */
  faceResult(taskId: string, passed: boolean): WechatPushDelivery | undefined {
    const t = this.icp.finishFace(taskId, passed)
    if (!t) return undefined
    return this.ctx.pushes.wechat({
      InfoType: 'notify_icpfiling_verify_result',
      task_id: taskId,
      verify_appid: t.appId,
      result: passed ? 3 : 2
    })
  }

  /** The routes under api.weixin.qq.com the connector calls. */
  route(path: string, api: string, q: Record<string, string>, body: Json): PlatformResponse {
    if (path === '/cgi-bin/component/api_component_token') return this.componentToken(body)
    if (path.startsWith('/cgi-bin/component/')) {
      const refused = this.refuseComponentCall(q, body)
      return refused ?? this.authorisation(api, body)
    }
    if (path.startsWith('/wxa/icp/')) {
      const app = this.icpApp(q.access_token, api)
      return 'appId' in app ? this.icp.api(app, api, body) : app
    }
    return { status: 404, body: { errcode: -1, errmsg: 'not found' } }
  }

  private componentToken(body: Json): PlatformResponse {
    const s = this.ctx.opts.wechat
    if (body.component_appid !== s.componentAppId) return wxAnswer(40013, 'invalid appid')
    if (body.component_appsecret !== s.componentSecret) return wxAnswer(40125, 'invalid appsecret')
    const exp = this.tokens.ticketExpiry(String(body.component_verify_ticket))
    if (exp === undefined) return wxAnswer(61006, 'component ticket is invalid')
    if (exp < this.ctx.now()) return wxAnswer(61005, 'component ticket is expired')
    const token = this.tokens.issueComponentToken('componenttoken')
    return wxOk({ component_access_token: token, expires_in: TOKEN_SECONDS })
  }

  private refuseComponentCall(q: Record<string, string>, body: Json): PlatformResponse | undefined {
    const exp = this.tokens.componentTokenExpiry(q.access_token ?? q.component_access_token ?? '')
    if (exp === undefined) return wxAnswer(40001, 'invalid credential')
    if (exp <= this.ctx.now()) return wxAnswer(42001, 'access_token expired')
    if (body.component_appid !== this.ctx.opts.wechat.componentAppId) return wxAnswer(40013, 'invalid appid')
    return undefined
  }

  private authorisation(api: string, body: Json): PlatformResponse {
    if (api === 'api_create_preauthcode') {
      const seconds = this.ctx.opts.preAuthCodeSeconds ?? 600
      return wxOk({ pre_auth_code: this.tokens.issueCode('preauthcode@@@', '', seconds * 1000), expires_in: seconds })
    }
    if (api === 'api_query_auth') {
      const code = this.tokens.takeCode('queryauthcode@@@', String(body.authorization_code))
      if (!code) return wxAnswer(61010, 'code is expired or invalid')
      const app = this.apps.get(code.appId)!
      return wxOk({
        authorization_info: {
          authorizer_appid: app.appId,
          authorizer_access_token: this.tokens.issueAccessToken('authorizeraccess', app.appId),
          expires_in: TOKEN_SECONDS,
          authorizer_refresh_token: app.refreshToken,
          func_info: app.sets.map((id) => ({ funcscope_category: { id }, confirm_info: { need_confirm: 0 } }))
        }
      })
    }
    if (api === 'api_authorizer_token') {
      const app = this.apps.get(String(body.authorizer_appid))
      if (!app || !app.granted || app.refreshToken !== body.authorizer_refresh_token) {
        return wxAnswer(61023, 'refresh_token is invalid')
      }
      return wxOk({
        authorizer_access_token: this.tokens.issueAccessToken('authorizeraccess', app.appId),
        expires_in: TOKEN_SECONDS,
        authorizer_refresh_token: app.refreshToken
      })
    }
    return wxAnswer(-1, 'system error')
  }

  /** A WeChat ICP call's app, or the answer refusing its token / permission / daily quota. */
  icpApp(token: string | undefined, api: string): WxApp | PlatformResponse {
    const t = this.tokens.accessToken(token ?? '')
    if (!t) return wxAnswer(40001, 'invalid credential, access_token is invalid or not latest')
    if (t.expiresAt <= this.ctx.now()) return wxAnswer(42001, 'access_token expired')
    const app = this.apps.get(t.appId)!
    if (!app.granted) return wxAnswer(40001, 'invalid credential')
    if (!app.sets.some((x) => x === 18 || x === 156)) return wxAnswer(48001, 'api unauthorized')
    const day = chinaDay(this.ctx.now()) + api
    const used = (app.dayCalls.get(day) ?? 0) + 1
    app.dayCalls.set(day, used)
    const quota = this.ctx.opts.dailyQuotaPerApp
    if (quota && used > quota) return wxAnswer(45009, 'reach max api daily quota limit')
    return app
  }
}
