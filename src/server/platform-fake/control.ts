/**
 * `npm start` with BEIAN_PLATFORM=fake: the fakes of both providers run inside the server, the connector talks to
 * them, and a small control page (/api/platform/fake) moves a connected mini-program through every stage. The
 * authorisation links open the fake's own consent pages; pushes are sealed as the real ones and go through the same
 * verification as in production.
 */
import { randomBytes } from 'crypto'
import * as http from 'http'
import type { Deps } from '../../cloud/context'
import { handleDouyinPush, handleWechatPush } from '../../cloud/platforms/binding'
import type { PlatformConnector } from '../../cloud/platforms/connector'
import { DouyinProviderClient, DOUYIN_HOSTS } from '../../cloud/platforms/douyin/client'
import { RateLimiter } from '../../cloud/platforms/shared/rate-limit'
import { UNCONFIRMED, type DouyinSymbolicStatus } from '../../cloud/platforms/shared/unconfirmed'
import { WechatComponentClient, WECHAT_HOSTS } from '../../cloud/platforms/wechat/client'
import { systemClock } from '../../cloud/ports'
import { readText } from '../platform-routes'
import { PlatformFake, type DouyinPushDelivery, type WechatPushDelivery } from './fake'
import {
  controlPage,
  douyinConsentPage,
  DY_OPS,
  esc,
  FILING_OPS,
  page,
  redirect,
  wechatConsentPage,
  WX_OPS
} from './control-pages'

const aesKey = () =>
  randomBytes(32)
    .toString('base64')
    .replace(/[^A-Za-z0-9]/g, 'a')
    .slice(0, 43)

export interface FakePlatforms {
  fake: PlatformFake
  connector: PlatformConnector
  handle(req: http.IncomingMessage, res: http.ServerResponse, route: string): Promise<boolean>
  /** Resolves once the start-up ticket pushes were delivered. */
  ready: Promise<unknown>
  stop(): void
}

/** What the control routes need: the fakes, their page base, and the two push deliveries into our connector. */
interface FakeControl {
  fake: PlatformFake
  fakeBase: string
  deliverWx: (p: WechatPushDelivery | undefined) => Promise<unknown>
  deliverDy: (p: DouyinPushDelivery) => Promise<unknown>
}

type Secrets = { componentAppId: string; componentSecret: string; token: string; encodingAesKey: string }

const secrets = (prefix: string): Secrets => ({
  componentAppId: `${prefix}fakecomponent01`,
  componentSecret: randomBytes(16).toString('hex'),
  token: randomBytes(8).toString('hex'),
  encodingAesKey: aesKey()
})

/** The production connector, pointed at the fakes' HTTP instead of the providers'. */
function fakeConnector(deps: Deps, publicBaseUrl: string, fake: PlatformFake, wx: Secrets, dy: Secrets) {
  const credDeps = { store: deps.store, keys: deps.keys, clock: deps.clock }
  const limiter = new RateLimiter(deps.clock, UNCONFIRMED.perSecondLimits.value)
  const connector: PlatformConnector = {
    publicBaseUrl,
    wechat: {
      client: new WechatComponentClient(
        credDeps,
        {
          componentAppId: wx.componentAppId,
          componentSecret: wx.componentSecret,
          apiBase: WECHAT_HOSTS.apiBase,
          mpBase: `${publicBaseUrl}/api/platform/fake/wechat`
        },
        fake.http,
        limiter
      ),
      push: wx
    },
    douyin: {
      client: new DouyinProviderClient(
        credDeps,
        { componentAppId: dy.componentAppId, componentSecret: dy.componentSecret, apiBase: DOUYIN_HOSTS.apiBase },
        fake.http,
        limiter
      ),
      push: dy
    }
  }
  return connector
}

export function startFakePlatforms(deps: Deps, publicBaseUrl: string): FakePlatforms {
  const wx = secrets('wx')
  const dy = secrets('tt')
  const fakeBase = `${publicBaseUrl}/api/platform/fake`
  const fake = new PlatformFake({
    clock: systemClock,
    wechat: wx,
    douyin: dy,
    douyinLinkBase: `${fakeBase}/douyin/authorize`
  })
  const connector = fakeConnector(deps, publicBaseUrl, fake, wx, dy)
  const depsWith = { ...deps, platforms: connector }
  const deliverWx = (p: WechatPushDelivery | undefined) =>
    p ? handleWechatPush(depsWith, p.query, p.body).catch(() => 'ignored') : Promise.resolve('ignored')
  const deliverDy = (p: DouyinPushDelivery) => handleDouyinPush(depsWith, p).catch(() => 'ignored')
  const tickets = () => Promise.all([deliverWx(fake.wechatTicketPush()), deliverDy(fake.douyinTicketPush())])
  const ready = tickets()
  const timer = setInterval(() => void tickets(), 10 * 60_000)
  timer.unref()
  const control: FakeControl = { fake, fakeBase, deliverWx, deliverDy }
  const handle = (req: http.IncomingMessage, res: http.ServerResponse, route: string) =>
    handleControl(control, req, res, route)
  return { fake, connector, handle, ready, stop: () => clearInterval(timer) }
}

/** The issue-17 buttons (face check, failing uploads, 注销 SMS); false when the form is not one of them. */
async function filingAction({ fake, deliverWx, deliverDy }: FakeControl, form: Record<string, string>) {
  const op = FILING_OPS[form.op ?? '']
  const platform = form.platform === 'douyin' ? 'douyin' : 'wechat'
  const appId = form.appid ?? ''
  if (!op || !(platform === 'wechat' ? fake.wxApps.has(appId) : fake.dyApps.has(appId))) return false
  const task = fake.latestFaceTask(platform, appId)
  if (op === 'face_pass' || op === 'face_fail') {
    if (!task) return true
    if (platform === 'wechat') await deliverWx(fake.wechatFaceResult(task, op === 'face_pass'))
    else await deliverDy(fake.douyinFaceResult(appId, task, op === 'face_pass' ? 'passed' : 'failed'))
  } else if (op === 'face_expire') {
    if (task && platform === 'wechat') fake.wechatFaceExpire(task)
    else if (task) fake.douyinFaceExpire(appId, task)
  } else if (op === 'cancel_confirm' || op === 'cancel_ignore') fake.wechatFinishCancel(appId, op === 'cancel_confirm')
  else fake.failNextUpload(appId, op)
  return true
}

/** A status button of the control page: the fake moves the mini-program and pushes as the provider would. */
async function statusAction({ fake, deliverWx, deliverDy }: FakeControl, form: Record<string, string>) {
  if (form.platform === 'wechat' && fake.wxApps.has(form.appid ?? '')) {
    if (form.op === 'revoke') await deliverWx(fake.wechatRevoke(form.appid!))
    else if (WX_OPS[form.op ?? '']) {
      const [status, extra] = WX_OPS[form.op!]
      await deliverWx(fake.wechatSetStatus(form.appid!, status, extra))
    }
  }
  if (form.platform === 'douyin' && fake.dyApps.has(form.appid ?? '')) {
    if (form.op === 'revoke') await deliverDy(fake.douyinRevoke(form.appid!))
    else if (DY_OPS.includes(form.op as DouyinSymbolicStatus))
      fake.douyinSetStatus(form.appid!, form.op as DouyinSymbolicStatus)
  }
}

async function handleControl(
  control: FakeControl,
  req: http.IncomingMessage,
  res: http.ServerResponse,
  route: string
): Promise<boolean> {
  const { fake, fakeBase, deliverWx } = control
  if (!route.startsWith('platform/fake')) return false
  const url = new URL(req.url ?? '/', 'http://localhost')
  const q = Object.fromEntries(url.searchParams)
  const form = req.method === 'POST' ? Object.fromEntries(new URLSearchParams(await readText(req))) : {}
  const sub = route.slice('platform/fake'.length)
  if (sub === '/wechat/cgi-bin/componentloginpage' || sub === '/wechat/safe/bindcomponent') {
    page(res, wechatConsentPage(fakeBase, q))
    return true
  }
  if (sub === '/wechat/consent' && req.method === 'POST') {
    const consent = fake.wechatConsent(form.pre_auth_code ?? '', form.appid ?? '', form.set18 ? [18] : [1])
    if ('error' in consent) return (page(res, `<p>${esc(consent.error)}</p>`), true)
    fake.setSubjectName('wechat', form.appid ?? '', form.subject || undefined)
    const to = new URL(form.redirect_uri ?? '')
    to.searchParams.set('auth_code', consent.authCode)
    to.searchParams.set('expires_in', '600')
    setTimeout(() => void deliverWx(consent.push), 1000).unref()
    redirect(res, to.toString())
    return true
  }
  if (sub === '/douyin/authorize') {
    page(res, douyinConsentPage(fakeBase))
    return true
  }
  if (sub === '/douyin/consent' && req.method === 'POST') {
    const consent = fake.douyinConsent(form.appid ?? '')
    fake.setSubjectName('douyin', form.appid ?? '', form.subject || undefined)
    redirect(res, consent.redirect || `${fakeBase}`)
    return true
  }
  if (sub === '/action' && req.method === 'POST') {
    if (!(await filingAction(control, form))) await statusAction(control, form)
    redirect(res, fakeBase)
    return true
  }
  if (sub === '' || sub === '/') {
    page(res, controlPage(fake, fakeBase))
    return true
  }
  return false
}
