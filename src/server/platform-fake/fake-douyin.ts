/**
 * The Douyin service-provider platform, faked: the V2 component token (only the two newest alive, the older for
 * 5 minutes), authorisation links and codes, refresh tokens renewed on every use, the ICP routes behind permission 2
 * (28001003/28001008 for bad or expired tokens), and the test hooks that play the administrator and the principal.
 */
import type { PlatformResponse } from '../../cloud/platforms/shared/http'
import { UNCONFIRMED, type DouyinSymbolicStatus } from '../../cloud/platforms/shared/unconfirmed'
import { formatShanghai } from '../../domain/time'
import { DouyinIcpFake } from './douyin-icp'
import type { FakeContext } from './fake-options'
import type { DouyinPushDelivery } from './fake-pushes'
import { dyAnswer, dyOk, tok, type DyApp, type Json } from './fake-state'
import { FakeTokens, TOKEN_SECONDS } from './fake-tokens'

const AUTH_CODE_MS = 3_600_000

export class DouyinFake {
  readonly apps = new Map<string, DyApp>()
  readonly tokens: FakeTokens
  readonly icp: DouyinIcpFake
  /** The redirect_uri of the last gen_link: where consent sends the administrator back. */
  private lastRedirect = ''

  constructor(private readonly ctx: FakeContext) {
    this.tokens = new FakeTokens(() => ctx.now())
    this.icp = new DouyinIcpFake(
      ctx.media,
      () => ctx.now(),
      (app, status, type) => this.move(app, status, type)
    )
  }

  ticketPush(): DouyinPushDelivery {
    const ticket = this.tokens.issueTicket('dyticket', 3 * 3_600_000)
    return this.ctx.pushes.douyin({
      Ticket: ticket,
      FromUserName: 'ByteDanceMicroApp',
      CreateTime: chinaTime(this.ctx.now()),
      MsgType: 'Ticket',
      Event: 'PUSH'
    })
  }

  /**
   * The administrator agrees: the `AUTHORIZED` push, and the redirect to the last gen_link's redirect_uri with the
   * code (the real parameter name is UNCONFIRMED; the fake uses `authorization_code`).
   */
  consent(appId: string, permissions: number[]): { authCode: string; push: DouyinPushDelivery; redirect: string } {
    const authCode = this.tokens.issueCode('dyauthcode', appId, AUTH_CODE_MS)
    const app = this.apps.get(appId)
    if (app) Object.assign(app, { granted: true, permissions })
    else {
      const fresh = { refreshToken: '', status: 'not_filed' as const, records: [] }
      this.apps.set(appId, { appId, granted: true, permissions, ...fresh, faces: new Map(), faceSmsByDay: new Map() })
    }
    const push = this.ctx.pushes.douyin({
      Event: 'AUTHORIZED',
      AppId: appId,
      TpAppId: this.ctx.opts.douyin.componentAppId,
      AuthorizationCode: authCode,
      AuthorizationCodeExpiresIn: AUTH_CODE_MS / 1000
    })
    const redirect = this.lastRedirect ? new URL(this.lastRedirect) : undefined
    redirect?.searchParams.set('authorization_code', authCode)
    return { authCode, push, redirect: redirect?.toString() ?? '' }
  }

  revoke(appId: string): DouyinPushDelivery {
    const app = this.apps.get(appId)
    if (app) Object.assign(app, { granted: false, refreshToken: '' })
    this.tokens.revokeApp(appId)
    return this.ctx.pushes.douyin({ Event: 'UNAUTHORIZED', AppId: appId, TpAppId: this.ctx.opts.douyin.componentAppId })
  }

  setStatus(appId: string, status: DouyinSymbolicStatus): void {
    const app = this.apps.get(appId)
    if (!app) throw new Error(`fake: unknown app ${appId}`)
    this.move(app, status)
  }

  /** A new review opens a history record (registration_type 1 新增, 2 变更); filed assigns its number. */
  private move(app: DyApp, status: DouyinSymbolicStatus, registrationType = 1): void {
    if (status === 'platform_review' && app.status !== 'platform_review') {
      app.records.unshift({
        record_id: this.ctx.nextRecordId(),
        registration_state: 1,
        registration_type: registrationType,
        launch_time: Math.floor(this.ctx.now() / 1000)
      })
    }
    if (status === 'filed' && app.records[0] && !app.records[0].number) {
      app.records[0].number = `京ICP备${2026000000 + app.records[0].record_id}号-1X`
    }
    app.status = status
  }

  /** The principal passed / failed the 人证核验: the result push. */
  faceResult(appId: string, token: string, result: 'passed' | 'failed'): DouyinPushDelivery {
    const app = this.apps.get(appId)
    if (app) this.icp.finishFace(app, token, result)
    const f = UNCONFIRMED.douyinFacePushFields.value
    return this.ctx.pushes.douyin({
      AppId: appId,
      TpAppId: this.ctx.opts.douyin.componentAppId,
      Event: UNCONFIRMED.douyinFacePushEvent.value,
      [f.token]: token,
      [f.result]: result
    })
  }

  /** The routes under open.douyin.com the connector calls. */
  route(path: string, api: string, q: Record<string, string>, body: Json, accessToken: string): PlatformResponse {
    if (path === '/openapi/v2/auth/tp/token/') return this.componentToken(q)
    if (path.startsWith('/api/tpapp/')) {
      const exp = this.tokens.componentTokenExpiry(accessToken)
      if (exp === undefined) return dyAnswer(40010, 'component token 不正确')
      if (exp <= this.ctx.now()) return dyAnswer(40009, 'component token 过期')
      return this.authorisation(api, q, body)
    }
    if (path.startsWith('/api/apps/v1/icp_record/')) {
      const app = this.icpApp(accessToken)
      return 'appId' in app ? this.icp.api(app, api, q, body) : app
    }
    return { status: 404, body: { err_no: 9999, err_msg: 'not found' } }
  }

  private componentToken(q: Record<string, string>): PlatformResponse {
    const s = this.ctx.opts.douyin
    // V2 error codes UNCONFIRMED: the V1 ones are used (40037 ticket, 40038 secret)
    const refuse = (errno: number, message: string) => ({ status: 200, body: { errno, message } })
    if (q.component_appid !== s.componentAppId) return refuse(40003, '找不到第三方小程序应用')
    if (q.component_appsecret !== s.componentSecret) return refuse(40038, '无效的 secret')
    const exp = this.tokens.ticketExpiry(q.component_ticket ?? '')
    if (exp === undefined || exp < this.ctx.now()) return refuse(40037, '无效的 ticket')
    this.tokens.retireOlderComponentTokens(300_000)
    const token = this.tokens.issueComponentToken('clt.')
    return { status: 200, body: { component_access_token: token, expires_in: TOKEN_SECONDS } }
  }

  private authorisation(api: string, q: Record<string, string>, body: Json): PlatformResponse {
    if (api === 'gen_link') {
      this.lastRedirect = String(body.redirect_uri ?? '')
      const base = this.ctx.opts.douyinLinkBase ?? 'https://fake.open.douyin.com/authorize'
      return dyOk({ link: `${base}?link=${tok('l')}` })
    }
    if (api === 'retrieve_auth_code') {
      const app = this.apps.get(String(body.authorization_appid ?? ''))
      if (!app || !app.granted) return dyAnswer(40022, '小程序未授权给该第三方')
      const code = this.tokens.issueCode('dyauthcode', app.appId, AUTH_CODE_MS)
      return dyOk({ authorization_code: code, expires_in: AUTH_CODE_MS / 1000 })
    }
    if (api === 'get_auth_token') return this.authToken(q)
    return dyAnswer(40000, '系统错误')
  }

  private authToken(q: Record<string, string>): PlatformResponse {
    let app: DyApp | undefined
    if (q.grant_type === 'app_to_tp_authorization_code') {
      const code = this.tokens.takeCode('dyauthcode', q.authorization_code ?? '')
      if (!code) return dyAnswer(40001, '参数错误')
      app = this.apps.get(code.appId)
    } else if (q.grant_type === 'app_to_tp_refresh_token') {
      app = [...this.apps.values()].find((a) => a.refreshToken && a.refreshToken === q.authorizer_refresh_token)
      if (!app || !app.granted) return dyAnswer(40021, 'refresh token 不正确或过期')
    } else return dyAnswer(40040, '无效 grant_type')
    if (!app) return dyAnswer(40004, '找不到授权小程序')
    // every call: a new refresh token, the old one dead
    app.refreshToken = tok('rft.')
    return dyOk({
      authorizer_appid: app.appId,
      authorizer_access_token: this.tokens.issueAccessToken('isvact.', app.appId),
      expires_in: TOKEN_SECONDS,
      authorizer_refresh_token: app.refreshToken,
      refresh_expires_in: 2592000
    })
  }

  /** A Douyin ICP call's app, or the answer refusing its token or permission. */
  icpApp(token: string | undefined): DyApp | PlatformResponse {
    const t = this.tokens.accessToken(token ?? '')
    if (!t) return dyAnswer(28001003, 'access_token无效')
    if (t.expiresAt <= this.ctx.now()) return dyAnswer(28001008, 'access_token过期')
    const app = this.apps.get(t.appId)!
    if (!app.granted) return dyAnswer(28001003, 'access_token无效')
    if (!app.permissions.includes(2)) return dyAnswer(28001014, '应用未授权任何能力')
    return app
  }
}

/** Douyin's `CreateTime`: China time as `YYYY-MM-DD HH:mm:ss` (the connector does not read it). */
function chinaTime(ms: number): string {
  return formatShanghai(ms, 'YYYY-MM-DD HH:mm:ss')
}
