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
import { SECURITY_HEADERS } from '../static-files'
import { PlatformFake, type DouyinPushDelivery, type WechatPushDelivery } from './fake'
import type { UploadFailure } from './fake-state'

const aesKey = () =>
  randomBytes(32)
    .toString('base64')
    .replace(/[^A-Za-z0-9]/g, 'a')
    .slice(0, 43)

/** The control page's issue-17 buttons → what the fake does. */
const FILING_OPS: Record<
  string,
  'face_pass' | 'face_fail' | 'face_expire' | UploadFailure | 'cancel_confirm' | 'cancel_ignore'
> = {
  人脸核身完成: 'face_pass',
  人脸核身失败: 'face_fail',
  人脸核身过期: 'face_expire',
  下次上传被拒: 'refuse',
  下次上传中途断开: 'drop',
  下次上传应答丢失: 'lost_answer',
  注销短信已确认: 'cancel_confirm',
  注销短信未回复: 'cancel_ignore'
}

export interface FakePlatforms {
  fake: PlatformFake
  connector: PlatformConnector
  handle(req: http.IncomingMessage, res: http.ServerResponse, route: string): Promise<boolean>
  /** Resolves once the start-up ticket pushes were delivered. */
  ready: Promise<unknown>
  stop(): void
}

export function startFakePlatforms(deps: Deps, publicBaseUrl: string): FakePlatforms {
  const secrets = (prefix: string) => ({
    componentAppId: `${prefix}fakecomponent01`,
    componentSecret: randomBytes(16).toString('hex'),
    token: randomBytes(8).toString('hex'),
    encodingAesKey: aesKey()
  })
  const wx = secrets('wx')
  const dy = secrets('tt')
  const fakeBase = `${publicBaseUrl}/api/platform/fake`
  const fake = new PlatformFake({
    clock: systemClock,
    wechat: wx,
    douyin: dy,
    douyinLinkBase: `${fakeBase}/douyin/authorize`
  })
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
          mpBase: `${fakeBase}/wechat`
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
  const depsWith = { ...deps, platforms: connector }
  const deliverWx = (p: WechatPushDelivery | undefined) =>
    p ? handleWechatPush(depsWith, p.query, p.body).catch(() => 'ignored') : Promise.resolve('ignored')
  const deliverDy = (p: DouyinPushDelivery) => handleDouyinPush(depsWith, p).catch(() => 'ignored')
  const tickets = () => Promise.all([deliverWx(fake.wechatTicketPush()), deliverDy(fake.douyinTicketPush())])
  const ready = tickets()
  const timer = setInterval(() => void tickets(), 10 * 60_000)
  timer.unref()

  const page = (res: http.ServerResponse, body: string) => {
    res.writeHead(200, { ...SECURITY_HEADERS, 'Content-Type': 'text/html; charset=utf-8', 'Cache-Control': 'no-store' })
    res.end(
      `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1"><title>平台模拟</title></head><body style="font-family:sans-serif;padding:16px">${body}</body></html>`
    )
  }
  const redirect = (res: http.ServerResponse, to: string) => {
    res.writeHead(303, { Location: to })
    res.end()
  }
  const esc = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`)
  const hidden = (q: Record<string, string>) =>
    Object.entries(q)
      .map(([k, v]) => `<input type="hidden" name="${esc(k)}" value="${esc(v)}">`)
      .join('')

  const WX_OPS: Record<
    string,
    [number, { sms?: number; audit?: { key_name: string; error: string; suggest: string }[] }]
  > = {
    '2 平台审核中': [2, {}],
    '3 平台驳回': [
      3,
      { audit: [{ key_name: '主办单位证件有效期', error: '证件有效期不足', suggest: '请更换有效期内的证件' }] }
    ],
    '4 管局审核 · 等待短信核验': [4, { sms: 1 }],
    '4 管局审核 · 短信核验完成': [4, { sms: 2 }],
    '4 管局审核 · 短信核验超时': [4, { sms: 3 }],
    '5 管局驳回': [
      5,
      { audit: [{ key_name: '小程序备注', error: '服务内容描述不清', suggest: '写明小程序提供的具体服务' }] }
    ],
    '6 已备案': [6, {}]
  }
  const DY_OPS: DouyinSymbolicStatus[] = [
    'platform_review',
    'platform_rejected',
    'admin_review',
    'admin_rejected',
    'filed'
  ]

  /** The face task's state as the platform holds it, so the page shows what its buttons did. */
  const faceState = (platform: 'wechat' | 'douyin', appId: string, task: string): string => {
    if (platform === 'wechat') {
      const t = fake.wxIcp.faceTasks.get(task)
      return t?.expired ? '已过期' : (['未开始', '等待中', '失败', '已通过'][t?.faceStatus ?? 0] ?? '')
    }
    const f = fake.dyApps.get(appId)?.faces.get(task)
    return f?.expired
      ? '已过期'
      : ({ pending: '等待中', passed: '已通过', failed: '失败' }[f?.state ?? 'pending'] ?? '')
  }

  /** Issue 17: the latest face task, uploads failing on demand, the 注销 SMS (see FILING_OPS). */
  const filingRow = (platform: 'wechat' | 'douyin', appId: string) => {
    const task = fake.latestFaceTask(platform, appId)
    const ops = Object.keys(FILING_OPS).filter((op) => platform === 'wechat' || !op.startsWith('注销'))
    const button = (op: string) =>
      `<form method="post" action="${fakeBase}/action" style="display:inline">${hidden({ platform, appid: appId, op })}<button>${esc(op)}</button></form> `
    const face = task ? `${esc(task.slice(0, 12))}…（${faceState(platform, appId, task)}）` : '（未发起）'
    return `人脸核身 ${face} · 照片 ${fake.media.countOf(appId)} 张<br>${ops.map(button).join('')}`
  }
  const filingAction = async (form: Record<string, string>): Promise<boolean> => {
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
    } else if (op === 'cancel_confirm' || op === 'cancel_ignore')
      fake.wechatFinishCancel(appId, op === 'cancel_confirm')
    else fake.failNextUpload(appId, op)
    return true
  }

  const handle = async (req: http.IncomingMessage, res: http.ServerResponse, route: string): Promise<boolean> => {
    if (!route.startsWith('platform/fake')) return false
    const url = new URL(req.url ?? '/', 'http://localhost')
    const q = Object.fromEntries(url.searchParams)
    const form = req.method === 'POST' ? Object.fromEntries(new URLSearchParams(await readText(req))) : {}
    const sub = route.slice('platform/fake'.length)
    if (sub === '/wechat/cgi-bin/componentloginpage' || sub === '/wechat/safe/bindcomponent') {
      page(
        res,
        `<h2>模拟微信授权</h2><form method="post" action="${fakeBase}/wechat/consent">${hidden(q)}<p>小程序 AppID <input name="appid" value="wxfake${randomBytes(5).toString('hex')}"></p><p><label><input type="checkbox" name="set18" checked> 权限集 18（开发与数据分析）</label></p><p>账号主体名称（可空） <input name="subject"></p><button>确认授权</button></form>`
      )
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
      page(
        res,
        `<h2>模拟抖音授权</h2><form method="post" action="${fakeBase}/douyin/consent"><p>小程序 AppID <input name="appid" value="ttfake${randomBytes(5).toString('hex')}"></p><p>账号主体名称（可空） <input name="subject"></p><button>确认授权</button></form>`
      )
      return true
    }
    if (sub === '/douyin/consent' && req.method === 'POST') {
      const consent = fake.douyinConsent(form.appid ?? '')
      fake.setSubjectName('douyin', form.appid ?? '', form.subject || undefined)
      redirect(res, consent.redirect || `${fakeBase}`)
      return true
    }
    if (sub === '/action' && req.method === 'POST') {
      if (await filingAction(form)) return (redirect(res, fakeBase), true)
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
      redirect(res, fakeBase)
      return true
    }
    if (sub === '' || sub === '/') {
      const button = (platform: string, appid: string, op: string) =>
        `<form method="post" action="${fakeBase}/action" style="display:inline">${hidden({ platform, appid, op })}<button>${esc(op)}</button></form> `
      const wxRows = [...fake.wxApps.values()]
        .map(
          (a) =>
            `<li><b>${esc(a.appId)}</b> status ${a.status}${a.sms ? ` sms ${a.sms}` : ''}${a.granted ? '' : '（已取消授权）'}<br>${Object.keys(
              WX_OPS
            )
              .map((op) => button('wechat', a.appId, op))
              .join('')}${button('wechat', a.appId, 'revoke')}<br>${filingRow('wechat', a.appId)}</li>`
        )
        .join('')
      const dyRows = [...fake.dyApps.values()]
        .map(
          (a) =>
            `<li><b>${esc(a.appId)}</b> ${a.status}${a.granted ? '' : '（已取消授权）'}<br>${DY_OPS.map((op) => button('douyin', a.appId, op)).join('')}${button('douyin', a.appId, 'revoke')}<br>${filingRow('douyin', a.appId)}</li>`
        )
        .join('')
      page(
        res,
        `<h2>平台模拟（BEIAN_PLATFORM=fake）</h2><p>在备案助手里点“连接小程序”，授权后小程序出现在这里；改变状态后，备案进度在下一次同步（或推送）时跟上。</p><h3>微信</h3><ul>${wxRows || '<li>尚无授权的小程序</li>'}</ul><h3>抖音</h3><ul>${dyRows || '<li>尚无授权的小程序</li>'}</ul>`
      )
      return true
    }
    return false
  }
  return { fake, connector, handle, ready, stop: () => clearInterval(timer) }
}
