/**
 * 连接小程序: the app's side of the platform connector (function `connector`). The server acts as the WeChat
 * third-party platform / Douyin service provider; the app only starts the authorisation, shows the connection and
 * lists every connected mini-program. No token ever reaches the app: answers carry links, states and times.
 */
import type { Stage } from '../domain/types'
import { api } from './api'
import type { ApiOutput } from './api-types'

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
