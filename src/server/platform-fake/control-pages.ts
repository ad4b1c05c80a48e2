/**
 * The fake platforms' HTML: the consent pages and the control page that moves a connected mini-program through
 * every stage (split from control.ts, which routes the requests).
 */
import { randomBytes } from 'crypto'
import type * as http from 'http'
import type { DouyinSymbolicStatus } from '../../cloud/platforms/shared/unconfirmed'
import { SECURITY_HEADERS } from '../static-files'
import type { PlatformFake } from './fake'
import type { UploadFailure } from './fake-state'

/** The control page's issue-17 buttons → what the fake does. */
export const FILING_OPS: Record<
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

/** WeChat status buttons → the status and its extras the fake pushes. */
export const WX_OPS: Record<
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

export const DY_OPS: DouyinSymbolicStatus[] = [
  'platform_review',
  'platform_rejected',
  'admin_review',
  'admin_rejected',
  'filed'
]

export function page(res: http.ServerResponse, body: string): void {
  res.writeHead(200, { ...SECURITY_HEADERS, 'Content-Type': 'text/html; charset=utf-8', 'Cache-Control': 'no-store' })
  res.end(
    `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1"><title>平台模拟</title></head><body style="font-family:sans-serif;padding:16px">${body}</body></html>`
  )
}

export function redirect(res: http.ServerResponse, to: string): void {
  res.writeHead(303, { Location: to })
  res.end()
}

export const esc = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`)

const hidden = (q: Record<string, string>) =>
  Object.entries(q)
    .map(([k, v]) => `<input type="hidden" name="${esc(k)}" value="${esc(v)}">`)
    .join('')

export function wechatConsentPage(fakeBase: string, q: Record<string, string>): string {
  return `<h2>模拟微信授权</h2><form method="post" action="${fakeBase}/wechat/consent">${hidden(q)}<p>小程序 AppID <input name="appid" value="wxfake${randomBytes(5).toString('hex')}"></p><p><label><input type="checkbox" name="set18" checked> 权限集 18（开发与数据分析）</label></p><p>账号主体名称（可空） <input name="subject"></p><button>确认授权</button></form>`
}

export function douyinConsentPage(fakeBase: string): string {
  return `<h2>模拟抖音授权</h2><form method="post" action="${fakeBase}/douyin/consent"><p>小程序 AppID <input name="appid" value="ttfake${randomBytes(5).toString('hex')}"></p><p>账号主体名称（可空） <input name="subject"></p><button>确认授权</button></form>`
}

/** The face task's state as the platform holds it, so the page shows what its buttons did. */
function faceState(fake: PlatformFake, platform: 'wechat' | 'douyin', appId: string, task: string): string {
  if (platform === 'wechat') {
    const t = fake.wxIcp.faceTasks.get(task)
    return t?.expired ? '已过期' : (['未开始', '等待中', '失败', '已通过'][t?.faceStatus ?? 0] ?? '')
  }
  const f = fake.dyApps.get(appId)?.faces.get(task)
  return f?.expired ? '已过期' : ({ pending: '等待中', passed: '已通过', failed: '失败' }[f?.state ?? 'pending'] ?? '')
}

/** Submission by the platforms' APIs: the latest face task, uploads failing on demand, the 注销 SMS (see FILING_OPS). */
function filingRow(fake: PlatformFake, fakeBase: string, platform: 'wechat' | 'douyin', appId: string): string {
  const task = fake.latestFaceTask(platform, appId)
  const ops = Object.keys(FILING_OPS).filter((op) => platform === 'wechat' || !op.startsWith('注销'))
  const button = (op: string) =>
    `<form method="post" action="${fakeBase}/action" style="display:inline">${hidden({ platform, appid: appId, op })}<button>${esc(op)}</button></form> `
  const face = task ? `${esc(task.slice(0, 12))}…（${faceState(fake, platform, appId, task)}）` : '（未发起）'
  return `人脸核身 ${face} · 照片 ${fake.media.countOf(appId)} 张<br>${ops.map(button).join('')}`
}

/** The control page: every authorised mini-program of both fakes with its status buttons. */
export function controlPage(fake: PlatformFake, fakeBase: string): string {
  const button = (platform: string, appid: string, op: string) =>
    `<form method="post" action="${fakeBase}/action" style="display:inline">${hidden({ platform, appid, op })}<button>${esc(op)}</button></form> `
  const wxRows = [...fake.wxApps.values()]
    .map(
      (a) =>
        `<li><b>${esc(a.appId)}</b> status ${a.status}${a.sms ? ` sms ${a.sms}` : ''}${a.granted ? '' : '（已取消授权）'}<br>${Object.keys(
          WX_OPS
        )
          .map((op) => button('wechat', a.appId, op))
          .join('')}${button('wechat', a.appId, 'revoke')}<br>${filingRow(fake, fakeBase, 'wechat', a.appId)}</li>`
    )
    .join('')
  const dyRows = [...fake.dyApps.values()]
    .map(
      (a) =>
        `<li><b>${esc(a.appId)}</b> ${a.status}${a.granted ? '' : '（已取消授权）'}<br>${DY_OPS.map((op) => button('douyin', a.appId, op)).join('')}${button('douyin', a.appId, 'revoke')}<br>${filingRow(fake, fakeBase, 'douyin', a.appId)}</li>`
    )
    .join('')
  return `<h2>平台模拟（BEIAN_PLATFORM=fake）</h2><p>在备案助手里点“连接小程序”，授权后小程序出现在这里；改变状态后，备案进度在下一次同步（或推送）时跟上。</p><h3>微信</h3><ul>${wxRows || '<li>尚无授权的小程序</li>'}</ul><h3>抖音</h3><ul>${dyRows || '<li>尚无授权的小程序</li>'}</ul>`
}
