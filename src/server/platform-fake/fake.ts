/* eslint-disable max-lines -- one file on purpose for now: tokens, codes, quotas and per-app ICP state interlock on every call, as on the real platforms */
/**
 * Faithful fakes of the WeChat third-party-platform and Douyin service-provider APIs the connector uses, written from
 * the references' checklists (wechat-icp-api.md §16, douyin-icp-api.md §9): tickets pushed encrypted as the real
 * ones, tokens that expire (2 h), single-use codes, refresh tokens that die on revocation (61023-style), 40001/42001
 * and 28001003/28001008 for bad or expired tokens, 48001 for a missing permission set, per-second limits and daily
 * quotas, and a per-app ICP state machine driven by test hooks. `handle` answers one request in process (tests);
 * `server.ts` puts it behind HTTP for `npm start` with BEIAN_PLATFORM=fake.
 */
import { randomBytes } from 'crypto'
import type { Clock } from '../../cloud/ports'
import { sealDouyinPush, type DouyinPushSecrets } from '../../cloud/platforms/douyin/push'
import type { PlatformHttp, PlatformRequest, PlatformResponse, PlatformUpload } from '../../cloud/platforms/shared/http'
import { UNCONFIRMED, type DouyinSymbolicStatus } from '../../cloud/platforms/shared/unconfirmed'
import { sealWechatPush, type WechatPushSecrets } from '../../cloud/platforms/wechat/push'
import { DouyinIcpFake } from './douyin-icp'
import {
  chinaDay,
  dyAnswer,
  FakeMediaStore,
  tok,
  wxAnswer,
  type DyApp,
  type Json,
  type UploadFailure,
  type WxApp
} from './fake-state'
import { WechatIcpFake, wechatNumberAbbr } from './wechat-icp'

export interface FakeSecrets extends WechatPushSecrets {
  componentSecret: string
}

export interface PlatformFakeOptions {
  clock: Clock
  wechat: FakeSecrets
  douyin: FakeSecrets
  /** Simulated network + server time per call (waits with `wait`, default the clock's sleep). */
  latencyMs?: number
  wait?: (ms: number) => Promise<void>
  /** Calls per second per API before the fake answers "too frequent" (absent = unlimited). */
  perSecond?: Record<string, number>
  /** Calls per mini-program per day of get_icp_entrance_info (wechat §8: number UNCONFIRMED). */
  dailyQuotaPerApp?: number
  /** Where the Douyin authorisation links point (the fake's consent page when run with the server). */
  douyinLinkBase?: string
  /** Lifetime of WeChat pre-auth codes (the doc says both 600 and 1800 s). */
  preAuthCodeSeconds?: number
}

export type WechatPushDelivery = ReturnType<typeof sealWechatPush>
export type DouyinPushDelivery = ReturnType<typeof sealDouyinPush>

const TOKEN_SECONDS = 7200

export class PlatformFake {
  readonly calls: { api: string; at: number }[] = []
  private readonly wxTickets = new Map<string, number>()
  private readonly wxComponentTokens = new Map<string, number>()
  private readonly wxPreAuthCodes = new Map<string, { expiresAt: number; used: boolean }>()
  private readonly wxAuthCodes = new Map<string, { appId: string; used: boolean; expiresAt: number }>()
  private readonly wxAccessTokens = new Map<string, { appId: string; expiresAt: number }>()
  readonly wxApps = new Map<string, WxApp>()
  private readonly dyTickets = new Map<string, number>()
  private readonly dyComponentTokens = new Map<string, number>()
  private readonly dyAuthCodes = new Map<string, { appId: string; used: boolean; expiresAt: number }>()
  private readonly dyAccessTokens = new Map<string, { appId: string; expiresAt: number }>()
  readonly dyApps = new Map<string, DyApp>()
  private readonly perSecondWindow = new Map<string, { second: number; count: number }>()
  private nonce = 0
  /** The redirect_uri of the last gen_link: where consent sends the administrator back. */
  private lastDouyinRedirect = ''
  private nextRecordId = 1000
  /** Test hook: the next N calls of an API answer with this error. */
  private readonly injected = new Map<string, { code: number; times: number }>()
  /** Photos of both platforms (hashes and sizes only). */
  readonly media = new FakeMediaStore()
  readonly wxIcp = new WechatIcpFake(this.media, () => this.now())
  readonly dyIcp = new DouyinIcpFake(
    this.media,
    () => this.now(),
    (app, status, type) => this.moveDouyin(app, status, type)
  )

  readonly http: PlatformHttp = {
    request: (req) => this.handle(req),
    upload: (req) => this.handleUpload(req)
  }

  /** `opts` is read on every call: tests and the bench may change latency and limits between phases. */
  constructor(private readonly opts: PlatformFakeOptions) {}

  private now(): number {
    return this.opts.clock.now().getTime()
  }

  // ================= test hooks: WeChat =================

  /** The 10-minute ticket push (valid 12 h). */
  wechatTicketPush(): WechatPushDelivery {
    const ticket = tok('ticket@@@')
    this.wxTickets.set(ticket, this.now() + 12 * 3_600_000)
    return this.wechatPush({ InfoType: 'component_verify_ticket', ComponentVerifyTicket: ticket })
  }

  /** The administrator scans and agrees: the redirect's auth code and the `authorized` push. */
  wechatConsent(
    preAuthCode: string,
    appId: string,
    sets: number[] = [18]
  ): { authCode: string; push: WechatPushDelivery } | { error: string } {
    const code = this.wxPreAuthCodes.get(preAuthCode)
    if (!code || code.used || code.expiresAt < this.now()) return { error: 'pre_auth_code invalid or used' }
    code.used = true
    const authCode = tok('queryauthcode@@@')
    this.wxAuthCodes.set(authCode, { appId, used: false, expiresAt: this.now() + 600_000 })
    const app = this.wxApps.get(appId)
    if (app) Object.assign(app, { granted: true, sets, refreshToken: tok('refreshtoken@@@') })
    else
      this.wxApps.set(appId, {
        appId,
        granted: true,
        sets,
        refreshToken: tok('refreshtoken@@@'),
        status: 1024,
        audit: [],
        dayCalls: new Map()
      })
    const push = this.wechatPush({
      InfoType: 'authorized',
      AuthorizerAppid: appId,
      AuthorizationCode: authCode,
      AuthorizationCodeExpiredTime: Math.floor(this.now() / 1000) + 600,
      PreAuthCode: preAuthCode
    })
    return { authCode, push }
  }

  /** The merchant revokes in the MP console: every token and the refresh token die. */
  wechatRevoke(appId: string): WechatPushDelivery {
    const app = this.wxApps.get(appId)
    if (app) app.granted = false
    for (const [t, v] of this.wxAccessTokens) if (v.appId === appId) this.wxAccessTokens.delete(t)
    return this.wechatPush({ InfoType: 'unauthorized', AuthorizerAppid: appId })
  }

  /**
   * Moves the ICP state machine (2 → 3 | 4; at 4 sms 1 → 2 | 3; 4 → 5 | 6). On 6 numbers are assigned. Returns the
   * `notify_apply_icpfiling_result` push for 3, 5 and 6 (whether 2/4 are pushed is UNCONFIRMED: not sent).
   */
  wechatSetStatus(
    appId: string,
    status: number,
    extra: { sms?: number; audit?: WxApp['audit']; recordNumber?: string } = {}
  ): WechatPushDelivery | undefined {
    const app = this.wxApps.get(appId)
    if (!app) throw new Error(`fake: unknown app ${appId}`)
    app.status = status
    app.sms = status === 4 ? extra.sms : undefined
    app.audit = status === 3 || status === 5 ? (extra.audit ?? []) : []
    if (status === 6 && !app.appletNumber) {
      app.appletNumber = extra.recordNumber ?? `${wechatNumberAbbr(app)}ICP备${2026000000 + this.nextRecordId++}号-1X`
      app.subjectNumber = app.appletNumber.replace(/-\d+X$/, '')
    }
    if ([3, 5, 6].includes(status)) {
      return this.wechatPush({
        InfoType: 'notify_apply_icpfiling_result',
        authorizer_appid: appId,
        beian_status: status
      })
    }
    return undefined
  }

  // ================= test hooks: Douyin =================

  douyinTicketPush(): DouyinPushDelivery {
    const ticket = tok('dyticket')
    this.dyTickets.set(ticket, this.now() + 3 * 3_600_000)
    return this.douyinPush({
      Ticket: ticket,
      FromUserName: 'ByteDanceMicroApp',
      CreateTime: new Date(this.now()).toISOString().replace('T', ' ').slice(0, 19),
      MsgType: 'Ticket',
      Event: 'PUSH'
    })
  }

  latestWechatTicket(): string {
    return [...this.wxTickets.keys()].pop() ?? ''
  }

  /** The ticket of the last push (tests that skip the push handler). */
  latestDouyinTicket(): string {
    return [...this.dyTickets.keys()].pop() ?? ''
  }

  /**
   * The administrator agrees: the `AUTHORIZED` push, and the redirect to the last gen_link's redirect_uri with the
   * code (the real parameter name is UNCONFIRMED; the fake uses `authorization_code`).
   */
  douyinConsent(
    appId: string,
    permissions: number[] = [1, 2]
  ): { authCode: string; push: DouyinPushDelivery; redirect: string } {
    const authCode = tok('dyauthcode')
    this.dyAuthCodes.set(authCode, { appId, used: false, expiresAt: this.now() + 3_600_000 })
    const app = this.dyApps.get(appId)
    if (app) Object.assign(app, { granted: true, permissions })
    else
      this.dyApps.set(appId, {
        appId,
        granted: true,
        permissions,
        refreshToken: '',
        status: 'not_filed',
        records: [],
        faces: new Map(),
        faceSmsByDay: new Map()
      })
    const push = this.douyinPush({
      Event: 'AUTHORIZED',
      AppId: appId,
      TpAppId: this.opts.douyin.componentAppId,
      AuthorizationCode: authCode,
      AuthorizationCodeExpiresIn: 3600
    })
    const redirect = this.lastDouyinRedirect ? new URL(this.lastDouyinRedirect) : undefined
    redirect?.searchParams.set('authorization_code', authCode)
    return { authCode, push, redirect: redirect?.toString() ?? '' }
  }

  douyinRevoke(appId: string): DouyinPushDelivery {
    const app = this.dyApps.get(appId)
    if (app) Object.assign(app, { granted: false, refreshToken: '' })
    for (const [t, v] of this.dyAccessTokens) if (v.appId === appId) this.dyAccessTokens.delete(t)
    return this.douyinPush({ Event: 'UNAUTHORIZED', AppId: appId, TpAppId: this.opts.douyin.componentAppId })
  }

  douyinSetStatus(appId: string, status: DouyinSymbolicStatus): void {
    const app = this.dyApps.get(appId)
    if (!app) throw new Error(`fake: unknown app ${appId}`)
    this.moveDouyin(app, status)
  }

  /** A new review opens a history record (registration_type 1 新增, 2 变更); filed assigns its number. */
  private moveDouyin(app: DyApp, status: DouyinSymbolicStatus, registrationType = 1): void {
    if (status === 'platform_review' && app.status !== 'platform_review') {
      app.records.unshift({
        record_id: this.nextRecordId++,
        registration_state: 1,
        registration_type: registrationType,
        launch_time: Math.floor(this.now() / 1000)
      })
    }
    if (status === 'filed' && app.records[0] && !app.records[0].number) {
      app.records[0].number = `京ICP备${2026000000 + app.records[0].record_id}号-1X`
    }
    app.status = status
  }

  /** The principal passed / failed the 人证核验, or its link ran out; the result push (none for expiry). */
  douyinFaceResult(appId: string, token: string, result: 'passed' | 'failed'): DouyinPushDelivery {
    const app = this.dyApps.get(appId)
    if (app) this.dyIcp.finishFace(app, token, result)
    const f = UNCONFIRMED.douyinFacePushFields.value
    return this.douyinPush({
      AppId: appId,
      TpAppId: this.opts.douyin.componentAppId,
      Event: UNCONFIRMED.douyinFacePushEvent.value,
      [f.token]: token,
      [f.result]: result
    })
  }

  douyinFaceExpire(appId: string, token: string): void {
    const app = this.dyApps.get(appId)
    if (app) this.dyIcp.finishFace(app, token, 'expired')
  }

  /** The administrator finished the face check (3) or failed it (2): the `notify_icpfiling_verify_result` push. */
  wechatFaceResult(taskId: string, passed: boolean): WechatPushDelivery | undefined {
    const t = this.wxIcp.finishFace(taskId, passed)
    if (!t) return undefined
    return this.wechatPush({
      InfoType: 'notify_icpfiling_verify_result',
      task_id: taskId,
      verify_appid: t.appId,
      result: passed ? 3 : 2
    })
  }

  wechatFaceExpire(taskId: string): void {
    const t = this.wxIcp.faceTasks.get(taskId)
    if (t) t.expired = true
  }

  /** The latest face task / token the fake issued for an app (for the control page and tests). */
  latestFaceTask(platform: 'wechat' | 'douyin', appId: string): string | undefined {
    if (platform === 'wechat') return [...this.wxIcp.faceTasks.values()].filter((t) => t.appId === appId).pop()?.taskId
    return [...(this.dyApps.get(appId)?.faces.keys() ?? [])].pop()
  }

  /** The account's subject name: applications must carry it (86355 otherwise). */
  setSubjectName(platform: 'wechat' | 'douyin', appId: string, name: string | undefined): void {
    const app = platform === 'wechat' ? this.wxApps.get(appId) : this.dyApps.get(appId)
    if (app) app.subjectName = name
  }

  /** The principal answered the 注销 SMS (→ not filed) or ignored it (→ still filed). */
  wechatFinishCancel(appId: string, confirmed: boolean): void {
    const app = this.wxApps.get(appId)
    if (app) this.wxIcp.finishCancel(app, confirmed)
  }

  /** The next upload of this app fails: refused, dropped before arriving, or stored with its answer lost. */
  failNextUpload(appId: string, how: UploadFailure): void {
    this.media.failNext.set(appId, how)
  }

  /** Expire every access token now (component and authorizer) — as if 2 h had passed for them alone. */
  expireAccessTokens(): void {
    for (const m of [this.wxComponentTokens, this.dyComponentTokens]) for (const k of m.keys()) m.set(k, 0)
    for (const m of [this.wxAccessTokens, this.dyAccessTokens]) for (const v of m.values()) v.expiresAt = 0
  }

  /** The next `times` calls of `api` answer `code`. */
  injectError(api: string, code: number, times = 1): void {
    this.injected.set(api, { code, times })
  }

  callsOf(api: string): number {
    return this.calls.filter((c) => c.api === api).length
  }

  // ================= pushes =================

  private nextNonce(): { ts: string; nonce: string } {
    return { ts: String(Math.floor(this.now() / 1000)), nonce: String(100000 + this.nonce++) }
  }

  private wechatPush(fields: Record<string, string | number>): WechatPushDelivery {
    const { ts, nonce } = this.nextNonce()
    return sealWechatPush(
      this.opts.wechat,
      { AppId: this.opts.wechat.componentAppId, CreateTime: Number(ts), ...fields },
      ts,
      nonce
    )
  }

  private douyinPush(message: Json): DouyinPushDelivery {
    const { ts, nonce } = this.nextNonce()
    return sealDouyinPush(this.opts.douyin as DouyinPushSecrets, message, ts, nonce)
  }

  // ================= the APIs =================

  async handle(req: PlatformRequest): Promise<PlatformResponse> {
    const url = new URL(req.url)
    const q = Object.fromEntries(url.searchParams)
    const body = (req.body ?? {}) as Json
    const path = url.pathname
    const douyin = path.startsWith('/openapi/') || path.startsWith('/api/')
    const api = path.replace(/\/$/, '').split('/').pop() ?? ''
    this.calls.push({ api, at: this.now() })
    const wx = (errcode: number, errmsg: string): PlatformResponse => ({
      status: 200,
      body: { errcode, errmsg: `${errmsg} rid: ${randomBytes(4).toString('hex')}` }
    })
    const dy = (err_no: number, err_msg: string): PlatformResponse => ({
      status: 200,
      body: { err_no, err_msg, log_id: `${Date.now()}${this.nonce++}`, data: {} }
    })
    // limits count requests as they arrive; the answer comes after the simulated latency
    const latency = this.opts.latencyMs
      ? (this.opts.wait ?? ((ms) => this.opts.clock.sleep(ms)))(this.opts.latencyMs)
      : Promise.resolve()
    const response = this.answer(douyin, api, path, q, body, req.headers ?? {}, wx, dy)
    await latency
    return response
  }

  private answer(
    douyin: boolean,
    api: string,
    path: string,
    q: Record<string, string>,
    body: Json,
    headers: Record<string, string>,
    wx: (code: number, msg: string) => PlatformResponse,
    dy: (code: number, msg: string) => PlatformResponse
  ): PlatformResponse {
    const injected = this.injected.get(api)
    if (injected && injected.times > 0) {
      injected.times--
      return douyin ? dy(injected.code, 'injected') : wx(injected.code, 'injected')
    }
    const limit = this.opts.perSecond?.[`${douyin ? 'douyin' : 'wechat'}:${api}`]
    if (limit) {
      const second = Math.floor(this.now() / 1000)
      const w = this.perSecondWindow.get(api)
      if (!w || w.second !== second) this.perSecondWindow.set(api, { second, count: 1 })
      else if (++w.count > limit)
        return douyin ? dy(28003017, 'quota已用完') : wx(45011, 'api minute-quota reach limit')
    }
    return douyin ? this.douyinApi(path, api, q, body, headers, dy) : this.wechatApi(path, api, q, body, wx)
  }

  private wechatApi(
    path: string,
    api: string,
    q: Record<string, string>,
    body: Json,
    wx: (code: number, msg: string) => PlatformResponse
  ): PlatformResponse {
    const ok = (data: Json): PlatformResponse => ({ status: 200, body: { errcode: 0, errmsg: 'ok', ...data } })
    const s = this.opts.wechat
    const componentOk = () => {
      const t = q.access_token ?? q.component_access_token
      const exp = t ? this.wxComponentTokens.get(t) : undefined
      if (exp === undefined) return 40001
      return exp <= this.now() ? 42001 : 0
    }
    if (path === '/cgi-bin/component/api_component_token') {
      if (body.component_appid !== s.componentAppId) return wx(40013, 'invalid appid')
      if (body.component_appsecret !== s.componentSecret) return wx(40125, 'invalid appsecret')
      const exp = this.wxTickets.get(String(body.component_verify_ticket))
      if (exp === undefined) return wx(61006, 'component ticket is invalid')
      if (exp < this.now()) return wx(61005, 'component ticket is expired')
      const token = tok('componenttoken')
      this.wxComponentTokens.set(token, this.now() + TOKEN_SECONDS * 1000)
      return ok({ component_access_token: token, expires_in: TOKEN_SECONDS })
    }
    if (path.startsWith('/cgi-bin/component/')) {
      const c = componentOk()
      if (c) return wx(c, c === 40001 ? 'invalid credential' : 'access_token expired')
      if (body.component_appid !== s.componentAppId) return wx(40013, 'invalid appid')
      if (api === 'api_create_preauthcode') {
        const code = tok('preauthcode@@@')
        const seconds = this.opts.preAuthCodeSeconds ?? 600
        this.wxPreAuthCodes.set(code, { expiresAt: this.now() + seconds * 1000, used: false })
        return ok({ pre_auth_code: code, expires_in: seconds })
      }
      if (api === 'api_query_auth') {
        const code = this.wxAuthCodes.get(String(body.authorization_code))
        if (!code || code.used || code.expiresAt < this.now()) return wx(61010, 'code is expired or invalid')
        code.used = true
        const app = this.wxApps.get(code.appId)!
        return ok({
          authorization_info: {
            authorizer_appid: app.appId,
            authorizer_access_token: this.issueWxAccess(app.appId),
            expires_in: TOKEN_SECONDS,
            authorizer_refresh_token: app.refreshToken,
            func_info: app.sets.map((id) => ({ funcscope_category: { id }, confirm_info: { need_confirm: 0 } }))
          }
        })
      }
      if (api === 'api_authorizer_token') {
        const app = this.wxApps.get(String(body.authorizer_appid))
        if (!app || !app.granted || app.refreshToken !== body.authorizer_refresh_token) {
          return wx(61023, 'refresh_token is invalid')
        }
        return ok({
          authorizer_access_token: this.issueWxAccess(app.appId),
          expires_in: TOKEN_SECONDS,
          authorizer_refresh_token: app.refreshToken
        })
      }
      return wx(-1, 'system error')
    }
    if (path.startsWith('/wxa/icp/')) {
      const app = this.wxIcpApp(q.access_token, api, wx)
      return 'appId' in app ? this.wxIcp.api(app, api, body) : app
    }
    return { status: 404, body: { errcode: -1, errmsg: 'not found' } }
  }

  /** A WeChat ICP call's app, or the answer refusing its token / permission / daily quota. */
  private wxIcpApp(
    token: string | undefined,
    api: string,
    wx: (code: number, msg: string) => PlatformResponse
  ): WxApp | PlatformResponse {
    const t = this.wxAccessTokens.get(token ?? '')
    if (!t) return wx(40001, 'invalid credential, access_token is invalid or not latest')
    if (t.expiresAt <= this.now()) return wx(42001, 'access_token expired')
    const app = this.wxApps.get(t.appId)!
    if (!app.granted) return wx(40001, 'invalid credential')
    if (!app.sets.some((x) => x === 18 || x === 156)) return wx(48001, 'api unauthorized')
    const day = chinaDay(this.now()) + api
    const used = (app.dayCalls.get(day) ?? 0) + 1
    app.dayCalls.set(day, used)
    if (this.opts.dailyQuotaPerApp && used > this.opts.dailyQuotaPerApp)
      return wx(45009, 'reach max api daily quota limit')
    return app
  }

  private dyIcpApp(
    token: string | undefined,
    dy: (code: number, msg: string) => PlatformResponse
  ): DyApp | PlatformResponse {
    const t = this.dyAccessTokens.get(token ?? '')
    if (!t) return dy(28001003, 'access_token无效')
    if (t.expiresAt <= this.now()) return dy(28001008, 'access_token过期')
    const app = this.dyApps.get(t.appId)!
    if (!app.granted) return dy(28001003, 'access_token无效')
    if (!app.permissions.includes(2)) return dy(28001014, '应用未授权任何能力')
    return app
  }

  /** upload_icp_media / upload_image; a failure set by failNextUpload happens here. */
  async handleUpload(req: PlatformUpload): Promise<PlatformResponse> {
    const url = new URL(req.url)
    const douyin = url.pathname.startsWith('/api/')
    const api = url.pathname.replace(/\/$/, '').split('/').pop() ?? ''
    this.calls.push({ api, at: this.now() })
    const app = douyin
      ? this.dyIcpApp(req.headers?.['access-token'], dyAnswer)
      : this.wxIcpApp(url.searchParams.get('access_token') ?? undefined, api, wxAnswer)
    if (!('appId' in app)) return app
    const failure = this.media.failNext.get(app.appId)
    this.media.failNext.delete(app.appId)
    if (failure === 'drop') throw new Error('fake: connection reset before the upload arrived')
    if (failure === 'refuse')
      return douyin ? dyAnswer(6023, '不满足工信部要求') : wxAnswer(86201, 'upload icp media fail')
    const answer =
      douyin && api === 'upload_image'
        ? this.dyIcp.upload(app as DyApp, req)
        : !douyin && api === 'upload_icp_media'
          ? this.wxIcp.upload(app as WxApp, req)
          : { status: 404, body: {} }
    if (failure === 'lost_answer') throw new Error('fake: the upload was stored, its answer lost')
    return answer
  }

  private issueWxAccess(appId: string): string {
    const token = tok('authorizeraccess')
    this.wxAccessTokens.set(token, { appId, expiresAt: this.now() + TOKEN_SECONDS * 1000 })
    return token
  }

  private douyinApi(
    path: string,
    api: string,
    q: Record<string, string>,
    body: Json,
    headers: Record<string, string>,
    dy: (code: number, msg: string) => PlatformResponse
  ): PlatformResponse {
    const ok = (data: Json): PlatformResponse => ({
      status: 200,
      body: { err_no: 0, err_msg: '', log_id: `${Date.now()}${this.nonce++}`, data }
    })
    const s = this.opts.douyin
    if (path === '/openapi/v2/auth/tp/token/') {
      // V2 error codes UNCONFIRMED: the V1 ones are used (40037 ticket, 40038 secret)
      if (q.component_appid !== s.componentAppId)
        return { status: 200, body: { errno: 40003, message: '找不到第三方小程序应用' } }
      if (q.component_appsecret !== s.componentSecret)
        return { status: 200, body: { errno: 40038, message: '无效的 secret' } }
      const exp = this.dyTickets.get(q.component_ticket ?? '')
      if (exp === undefined || exp < this.now())
        return { status: 200, body: { errno: 40037, message: '无效的 ticket' } }
      // a new token invalidates the older ones after 5 minutes; only the two newest stay valid
      const tokens = [...this.dyComponentTokens.entries()].sort((a, b) => b[1] - a[1])
      for (const [t] of tokens.slice(1)) this.dyComponentTokens.delete(t)
      if (tokens[0]) this.dyComponentTokens.set(tokens[0][0], Math.min(tokens[0][1], this.now() + 300_000))
      const token = tok('clt.')
      this.dyComponentTokens.set(token, this.now() + TOKEN_SECONDS * 1000)
      return { status: 200, body: { component_access_token: token, expires_in: TOKEN_SECONDS } }
    }
    if (path.startsWith('/api/tpapp/')) {
      const exp = this.dyComponentTokens.get(headers['access-token'] ?? '')
      if (exp === undefined) return dy(40010, 'component token 不正确')
      if (exp <= this.now()) return dy(40009, 'component token 过期')
      if (api === 'gen_link') {
        this.lastDouyinRedirect = String(body.redirect_uri ?? '')
        const base = this.opts.douyinLinkBase ?? 'https://fake.open.douyin.com/authorize'
        return ok({ link: `${base}?link=${tok('l')}` })
      }
      if (api === 'retrieve_auth_code') {
        const app = this.dyApps.get(String(body.authorization_appid ?? ''))
        if (!app || !app.granted) return dy(40022, '小程序未授权给该第三方')
        const code = tok('dyauthcode')
        this.dyAuthCodes.set(code, { appId: app.appId, used: false, expiresAt: this.now() + 3_600_000 })
        return ok({ authorization_code: code, expires_in: 3600 })
      }
      if (api === 'get_auth_token') {
        let app: DyApp | undefined
        if (q.grant_type === 'app_to_tp_authorization_code') {
          const code = this.dyAuthCodes.get(q.authorization_code ?? '')
          if (!code || code.used || code.expiresAt < this.now()) return dy(40001, '参数错误')
          code.used = true
          app = this.dyApps.get(code.appId)
        } else if (q.grant_type === 'app_to_tp_refresh_token') {
          app = [...this.dyApps.values()].find((a) => a.refreshToken && a.refreshToken === q.authorizer_refresh_token)
          if (!app || !app.granted) return dy(40021, 'refresh token 不正确或过期')
        } else return dy(40040, '无效 grant_type')
        if (!app) return dy(40004, '找不到授权小程序')
        // every call: a new refresh token, the old one dead
        app.refreshToken = tok('rft.')
        const access = tok('isvact.')
        this.dyAccessTokens.set(access, { appId: app.appId, expiresAt: this.now() + TOKEN_SECONDS * 1000 })
        return ok({
          authorizer_appid: app.appId,
          authorizer_access_token: access,
          expires_in: TOKEN_SECONDS,
          authorizer_refresh_token: app.refreshToken,
          refresh_expires_in: 2592000
        })
      }
      return dy(40000, '系统错误')
    }
    if (path.startsWith('/api/apps/v1/icp_record/')) {
      const app = this.dyIcpApp(headers['access-token'], dy)
      return 'appId' in app ? this.dyIcp.api(app, api, q, body) : app
    }
    return { status: 404, body: { err_no: 9999, err_msg: 'not found' } }
  }
}
