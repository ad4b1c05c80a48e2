/** Shapes the WeChat component client returns (wechat-icp-api.md §4.6, §9). */

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
