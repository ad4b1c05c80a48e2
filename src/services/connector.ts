/**
 * 连接小程序: the app's side of the platform connector (function `connector`). The server acts as the WeChat
 * third-party platform / Douyin service provider; the app only starts the authorisation, shows the connection and
 * lists every connected mini-program. No token ever reaches the app: answers carry links, states and times.
 */
import type { PlatformId, Stage } from '../domain/types'
import { api } from './api'
import type { ApiOutput } from './api-types'
import { runtimePlatform } from './platform'

export type AuthorisationStart = ApiOutput<'connector', 'connect'>
export type ConnectionView = ApiOutput<'connector', 'status'>
export type AgencyItem = ApiOutput<'connector', 'agency'>['items'][number]

export const startConnection = (filingId: string) => api.connector.connect({ id: filingId })
export const connectionStatus = (filingId: string) => api.connector.status({ id: filingId })
export const disconnect = (filingId: string) => api.connector.disconnect({ id: filingId })
export const markNoticesRead = (filingId: string) => api.connector.readNotices({ id: filingId })
export const agencyList = (stages?: Stage[]) => api.connector.agency(stages?.length ? { stages } : {})

/** The platform's own status in words (WeChat `get_icp_entrance_info`; Douyin's numbers are UNCONFIRMED: shown raw). */
const WECHAT_STATUS: Record<number, string> = {
  2: '平台审核中',
  3: '平台驳回',
  4: '管局审核中',
  5: '管局驳回',
  6: '已备案'
}
const WECHAT_SMS: Record<number, string> = { 1: '等待短信核验', 2: '短信核验完成', 3: '短信核验超时' }

export function platformStatusText(
  platform: 'wechat' | 'douyin' | undefined,
  status: number | undefined,
  sms?: number
): string {
  if (status === undefined) return '尚未读取'
  if (platform === 'wechat') {
    const base = WECHAT_STATUS[status] ?? (status >= 1024 ? '未备案' : `状态 ${status}`)
    return status === 4 && sms !== undefined && WECHAT_SMS[sms] ? `${base}（${WECHAT_SMS[sms]}）` : base
  }
  return `平台状态 ${status}`
}

export const PLATFORM_NAMES = { wechat: '微信', douyin: '抖音' } as const

/**
 * Opens the authorisation link where the platform allows it: a new browser tab on H5. In a mini-program an external
 * page cannot be opened — the administrator scans the QR code instead — so this answers false there.
 */
export function openAuthorisationLink(link: string): boolean {
  if (runtimePlatform() !== 'h5') return false
  const w = globalThis as { open?: (url: string, target: string) => unknown }
  if (typeof w.open !== 'function') return false
  w.open(link, '_blank')
  return true
}

/** Which stages the agency list can be filtered by, in the order of a filing's life. */
export const AGENCY_FILTERS: { label: string; stages: Stage[] }[] = [
  { label: '全部', stages: [] },
  { label: '待提交', stages: ['draft'] },
  { label: '平台初审', stages: ['platform_review'] },
  { label: '短信核验', stages: ['sms_verification'] },
  { label: '管局审核', stages: ['admin_review'] },
  { label: '被驳回', stages: ['platform_rejected', 'admin_rejected', 'sms_expired'] },
  { label: '已备案', stages: ['approved'] }
]

/** Which provider follows a filing of this platform (Alipay has none): the same rule as the back end's. */
export function connectorPlatformOf(platform: PlatformId): 'wechat' | 'douyin' | undefined {
  return platform === 'weapp' ? 'wechat' : platform === 'tt' ? 'douyin' : undefined
}
