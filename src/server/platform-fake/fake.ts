/**
 * Faithful fakes of the WeChat third-party-platform and Douyin service-provider APIs the connector uses, written from
 * the references' checklists (wechat-icp-api.md §16, douyin-icp-api.md §9): tickets pushed encrypted as the real
 * ones, tokens that expire (2 h), single-use codes, refresh tokens that die on revocation (61023-style), 40001/42001
 * and 28001003/28001008 for bad or expired tokens, 48001 for a missing permission set, per-second limits and daily
 * quotas, and a per-app ICP state machine driven by test hooks. `handle` answers one request in process (tests);
 * `server.ts` puts it behind HTTP for `npm start` with BEIAN_PLATFORM=fake.
 *
 * This class is the front door: it counts calls, applies injected errors, limits and latency, and hands each
 * request to one platform (fake-wechat.ts, fake-douyin.ts); tokens live in fake-tokens.ts, pushes in fake-pushes.ts.
 */
import type { PlatformHttp, PlatformRequest, PlatformResponse, PlatformUpload } from '../../cloud/platforms/shared/http'
import type { DouyinSymbolicStatus } from '../../cloud/platforms/shared/unconfirmed'
import { DouyinFake } from './fake-douyin'
import type { FakeContext, PlatformFakeOptions } from './fake-options'
import { FakePushes, type DouyinPushDelivery, type WechatPushDelivery } from './fake-pushes'
import { dyAnswer, FakeMediaStore, wxAnswer, type DyApp, type Json, type UploadFailure, type WxApp } from './fake-state'
import { WechatFake } from './fake-wechat'

export type { FakeSecrets, PlatformFakeOptions } from './fake-options'
export type { DouyinPushDelivery, WechatPushDelivery } from './fake-pushes'

export class PlatformFake {
  readonly calls: { api: string; at: number }[] = []
  private readonly perSecondWindow = new Map<string, { second: number; count: number }>()
  private recordId = 1000
  /** Test hook: the next N calls of an API answer with this error. */
  private readonly injected = new Map<string, { code: number; times: number }>()
  /** Photos of both platforms (hashes and sizes only). */
  readonly media = new FakeMediaStore()
  private readonly wechat: WechatFake
  private readonly douyin: DouyinFake

  readonly http: PlatformHttp = {
    request: (req) => this.handle(req),
    upload: (req) => this.handleUpload(req)
  }

  /** `opts` is read on every call: tests and the bench may change latency and limits between phases. */
  constructor(private readonly opts: PlatformFakeOptions) {
    const now = () => opts.clock.now().getTime()
    const ctx: FakeContext = {
      opts,
      now,
      pushes: new FakePushes({ wechat: opts.wechat, douyin: opts.douyin }, now),
      media: this.media,
      nextRecordId: () => this.recordId++
    }
    this.wechat = new WechatFake(ctx)
    this.douyin = new DouyinFake(ctx)
  }

  get wxApps(): Map<string, WxApp> {
    return this.wechat.apps
  }

  get dyApps(): Map<string, DyApp> {
    return this.douyin.apps
  }

  get wxIcp() {
    return this.wechat.icp
  }

  get dyIcp() {
    return this.douyin.icp
  }

  private now(): number {
    return this.opts.clock.now().getTime()
  }

  // ================= test hooks: WeChat (fake-wechat.ts says what each does) =================

  wechatTicketPush(): WechatPushDelivery {
    return this.wechat.ticketPush()
  }

  wechatConsent(preAuthCode: string, appId: string, sets: number[] = [18]) {
    return this.wechat.consent(preAuthCode, appId, sets)
  }

  wechatRevoke(appId: string): WechatPushDelivery {
    return this.wechat.revoke(appId)
  }

  wechatSetStatus(
    appId: string,
    status: number,
    extra: { sms?: number; audit?: WxApp['audit']; recordNumber?: string } = {}
  ): WechatPushDelivery | undefined {
    return this.wechat.setStatus(appId, status, extra)
  }

  latestWechatTicket(): string {
    return this.wechat.tokens.latestTicket()
  }

  wechatFaceResult(taskId: string, passed: boolean): WechatPushDelivery | undefined {
    return this.wechat.faceResult(taskId, passed)
  }

  wechatFaceExpire(taskId: string): void {
    const t = this.wechat.icp.faceTasks.get(taskId)
    if (t) t.expired = true
  }

  /** The principal answered the 注销 SMS (→ not filed) or ignored it (→ still filed). */
  wechatFinishCancel(appId: string, confirmed: boolean): void {
    const app = this.wechat.apps.get(appId)
    if (app) this.wechat.icp.finishCancel(app, confirmed)
  }

  // ================= test hooks: Douyin (fake-douyin.ts says what each does) =================

  douyinTicketPush(): DouyinPushDelivery {
    return this.douyin.ticketPush()
  }

  /** The ticket of the last push (tests that skip the push handler). */
  latestDouyinTicket(): string {
    return this.douyin.tokens.latestTicket()
  }

  douyinConsent(appId: string, permissions: number[] = [1, 2]) {
    return this.douyin.consent(appId, permissions)
  }

  douyinRevoke(appId: string): DouyinPushDelivery {
    return this.douyin.revoke(appId)
  }

  douyinSetStatus(appId: string, status: DouyinSymbolicStatus): void {
    this.douyin.setStatus(appId, status)
  }

  douyinFaceResult(appId: string, token: string, result: 'passed' | 'failed'): DouyinPushDelivery {
    return this.douyin.faceResult(appId, token, result)
  }

  /** The principal's face link ran out: no push for that. */
  douyinFaceExpire(appId: string, token: string): void {
    const app = this.douyin.apps.get(appId)
    if (app) this.douyin.icp.finishFace(app, token, 'expired')
  }

  // ================= test hooks: both =================

  /** The latest face task / token the fake issued for an app (for the control page and tests). */
  latestFaceTask(platform: 'wechat' | 'douyin', appId: string): string | undefined {
    if (platform === 'wechat') {
      return [...this.wechat.icp.faceTasks.values()].filter((t) => t.appId === appId).pop()?.taskId
    }
    return [...(this.douyin.apps.get(appId)?.faces.keys() ?? [])].pop()
  }

  /** The account's subject name: applications must carry it (86355 otherwise). */
  setSubjectName(platform: 'wechat' | 'douyin', appId: string, name: string | undefined): void {
    const app = platform === 'wechat' ? this.wechat.apps.get(appId) : this.douyin.apps.get(appId)
    if (app) app.subjectName = name
  }

  /** The next upload of this app fails: refused, dropped before arriving, or stored with its answer lost. */
  failNextUpload(appId: string, how: UploadFailure): void {
    this.media.failNext.set(appId, how)
  }

  /** Expire every access token now (component and authorizer) — as if 2 h had passed for them alone. */
  expireAccessTokens(): void {
    this.wechat.tokens.expireTokens()
    this.douyin.tokens.expireTokens()
  }

  /** The next `times` calls of `api` answer `code`. */
  injectError(api: string, code: number, times = 1): void {
    this.injected.set(api, { code, times })
  }

  callsOf(api: string): number {
    return this.calls.filter((c) => c.api === api).length
  }

  // ================= the APIs =================

  async handle(req: PlatformRequest): Promise<PlatformResponse> {
    const url = new URL(req.url)
    const path = url.pathname
    const api = apiName(path)
    this.calls.push({ api, at: this.now() })
    // limits count requests as they arrive; the answer comes after the simulated latency
    const latency = this.opts.latencyMs
      ? (this.opts.wait ?? ((ms) => this.opts.clock.sleep(ms)))(this.opts.latencyMs)
      : Promise.resolve()
    const douyin = path.startsWith('/openapi/') || path.startsWith('/api/')
    const q = Object.fromEntries(url.searchParams)
    const body = (req.body ?? {}) as Json
    const response =
      this.refuse(douyin, api) ??
      (douyin
        ? this.douyin.route(path, api, q, body, req.headers?.['access-token'] ?? '')
        : this.wechat.route(path, api, q, body))
    await latency
    return response
  }

  /** An injected error, or "too frequent" past the per-second limit; undefined when the call goes through. */
  private refuse(douyin: boolean, api: string): PlatformResponse | undefined {
    const answer = douyin ? dyAnswer : wxAnswer
    const injected = this.injected.get(api)
    if (injected && injected.times > 0) {
      injected.times--
      return answer(injected.code, 'injected')
    }
    const limit = this.opts.perSecond?.[`${douyin ? 'douyin' : 'wechat'}:${api}`]
    if (!limit) return undefined
    const second = Math.floor(this.now() / 1000)
    const w = this.perSecondWindow.get(api)
    if (!w || w.second !== second) this.perSecondWindow.set(api, { second, count: 1 })
    else if (++w.count > limit)
      return douyin ? dyAnswer(28003017, 'quota已用完') : wxAnswer(45011, 'api minute-quota reach limit')
    return undefined
  }

  /** upload_icp_media / upload_image; a failure set by failNextUpload happens here. */
  async handleUpload(req: PlatformUpload): Promise<PlatformResponse> {
    const url = new URL(req.url)
    const douyin = url.pathname.startsWith('/api/')
    const api = apiName(url.pathname)
    this.calls.push({ api, at: this.now() })
    const app = douyin
      ? this.douyin.icpApp(req.headers?.['access-token'])
      : this.wechat.icpApp(url.searchParams.get('access_token') ?? undefined, api)
    if (!('appId' in app)) return app
    const failure = this.media.failNext.get(app.appId)
    this.media.failNext.delete(app.appId)
    if (failure === 'drop') throw new Error('fake: connection reset before the upload arrived')
    if (failure === 'refuse')
      return douyin ? dyAnswer(6023, '不满足工信部要求') : wxAnswer(86201, 'upload icp media fail')
    const answer =
      douyin && api === 'upload_image'
        ? this.douyin.icp.upload(app as DyApp, req)
        : !douyin && api === 'upload_icp_media'
          ? this.wechat.icp.upload(app as WxApp, req)
          : { status: 404, body: {} }
    if (failure === 'lost_answer') throw new Error('fake: the upload was stored, its answer lost')
    return answer
  }
}

/** The last path segment names the API (`/wxa/icp/apply_icp_filing` → apply_icp_filing). */
function apiName(path: string): string {
  return path.replace(/\/$/, '').split('/').pop() ?? ''
}
