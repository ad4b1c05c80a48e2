/** The WeChat component client's configuration and the shapes it takes and returns (wechat-icp-api.md §4.6, §9). */
import type { PlatformUpload } from '../shared/http'

export interface WechatComponentConfig {
  componentAppId: string
  componentSecret: string
  /** https://api.weixin.qq.com in production; the fake's address in tests. */
  apiBase: string
  /** https://mp.weixin.qq.com in production. */
  mpBase: string
}

export const WECHAT_HOSTS = { apiBase: 'https://api.weixin.qq.com', mpBase: 'https://mp.weixin.qq.com' }

/** A JSON call, or a multipart upload (the URL with the token is added by icpCall). */
export type WechatIcpCall =
  { method: 'GET' | 'POST'; body?: Record<string, unknown> } | { upload: Omit<PlatformUpload, 'url'> }

export interface AuthorizerGrant {
  authorizerAppId: string
  /** Granted permission-set ids (func_info). */
  permissionSets: number[]
  hasIcpPermission: boolean
}

export interface WechatAuditItem {
  key_name: string
  error: string
  suggest: string
}

export interface WechatEntranceInfo {
  status: number
  sms_verify_status?: number
  audit_data: WechatAuditItem[]
  available?: number
  is_canceling?: boolean
}
