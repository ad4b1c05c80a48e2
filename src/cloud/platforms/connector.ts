/**
 * The connector as the handlers see it: the configured platform clients and push secrets, and the stored records
 * of a binding (one mini-program AppID ↔ one filing of one owner), of a pending authorisation, and of a notice to
 * the owner. Only ids, states and times are stored here; tokens live in `platform_credentials`, encrypted.
 */
import type { StoredDoc } from '../ports'
import type { DouyinProviderClient } from './douyin/client'
import type { DouyinPushSecrets } from './douyin/push'
import type { WechatComponentClient } from './wechat/client'
import type { WechatPushSecrets } from './wechat/push'
import type { ObservedState } from '../../domain/platform-status'

export type ConnectorPlatform = 'wechat' | 'douyin'

export interface PlatformConnector {
  wechat?: { client: WechatComponentClient; push: WechatPushSecrets }
  douyin?: { client: DouyinProviderClient; push: DouyinPushSecrets }
  /** Public base URL of this server, for the OAuth redirect (`<base>/api/platform/<platform>/callback`). */
  publicBaseUrl: string
}

export type ConnectionState = 'active' | 'permission_missing' | 'revoked'

export interface ConnectionRecord extends StoredDoc {
  /** `<platform>:<appId>`: one AppID has one binding, so it belongs to one owner at a time. */
  platform: ConnectorPlatform
  appId: string
  ownerId: string
  filingId: string
  state: ConnectionState
  connectedAt: string
  /** UTC ISO of the last successful poll, and what it saw. */
  lastObservedAt?: string
  lastState?: ObservedState
  /** The platform's own status number, for the owner's view and support. */
  lastStatus?: number
  lastSmsStatus?: number
  /** The platform says filed, the 备案号 could not be read yet. */
  pendingFilingNumber?: boolean
  /** UTC ISO: when the sync job looks at it next ('9999…' = never: a final stage). */
  nextSyncAt: string
  failures: number
  lastErrorCode?: number
  updatedAt: string
}

export interface ConnectStateRecord extends StoredDoc {
  /** `_id` = SHA-256 of the `state` sent through the OAuth redirect. */
  platform: ConnectorPlatform
  filingId: string
  ownerId: string
  /** SHA-256 of the WeChat pre-auth code, so the `authorized` push can finish the binding if the redirect is lost. */
  preAuthCodeHash?: string
  expiresAt: string
  usedAt?: string
}

export type NoticeKind = 'revoked' | 'permission_missing' | 'connected' | 'owned_elsewhere'

export interface NoticeRecord extends StoredDoc {
  ownerId: string
  filingId: string
  platform: ConnectorPlatform
  kind: NoticeKind
  createdAt: string
  readAt?: string
}

export const NEVER = '9999-12-31T00:00:00.000Z'

export function connectionId(platform: ConnectorPlatform, appId: string): string {
  return `${platform}:${appId}`
}

/** Which platform serves a filing's mini-program platform. */
export function connectorPlatformOf(platform: string): ConnectorPlatform | undefined {
  return platform === 'weapp' ? 'wechat' : platform === 'tt' ? 'douyin' : undefined
}

export const NOTICE_TEXT: Record<NoticeKind, string> = {
  revoked: '小程序已取消对备案助手的授权，备案进度不再自动同步；如需继续，请重新连接小程序',
  permission_missing: '授权时没有勾选备案相关权限（微信权限集 18 或 156 / 抖音基本信息设置权限），请重新授权并勾选',
  connected: '小程序已连接，备案进度将自动同步',
  owned_elsewhere: '该小程序已由其他账号连接，一个小程序同一时间只能连接到一个账号'
}
