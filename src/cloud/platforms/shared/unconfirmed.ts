/**
 * Every value the connector relies on that the project's references (shared/platform/*-icp-api.md) mark
 * UNCONFIRMED, in one place, so each can be corrected when confirmed. Nothing else in the connector hard-codes them.
 */

export interface UnconfirmedValue<T> {
  value: T
  /** Why this value: what the reference says, and what we chose. */
  basis: string
}

const u = <T>(value: T, basis: string): UnconfirmedValue<T> => ({ value, basis })

export const UNCONFIRMED = {
  /** Douyin `query_record_status.data.status` integers → symbolic states. The enum is not documented. */
  douyinRecordStatus: u<Record<number, DouyinSymbolicStatus>>(
    {
      0: 'not_filed',
      1: 'platform_review',
      2: 'platform_rejected',
      3: 'admin_review',
      4: 'admin_rejected',
      5: 'filed'
    },
    'douyin §8.1: enum meanings UNCONFIRMED; example `status: 1` is read as platform review'
  ),
  /** Douyin `query_facial_recognition_status` integers → symbolic results. */
  douyinFaceStatus: u<Record<number, 'pending' | 'passed' | 'failed' | 'expired'>>(
    { 0: 'pending', 1: 'passed', 2: 'failed', 3: 'expired' },
    'douyin §6.4: enum UNCONFIRMED; example 0 read as pending; 3 for a link past its 2 h is our choice'
  ),
  /** Fields of the face-result push after `Event` (the doc copy ends at `"Event": "ICP_…`). */
  douyinFacePushFields: u(
    { token: 'FacialRecognitionToken', result: 'Result', passed: 'passed' },
    'douyin §6.4: fields UNCONFIRMED; the fake sends these names'
  ),
  /**
   * How submit_record_info / alter_record_info refuse a field: the error list is not captured. We read every
   * `dotted.field_path message` pair out of err_msg (the fake answers 28001007 参数不合法 that way).
   */
  douyinSubmitRefusal: u(
    28001007,
    'douyin §7: error list UNCONFIRMED; 28001007 参数不合法 is a documented common code'
  ),
  /** Douyin face-result push event name (the doc copy stops at `ICP_…`). */
  douyinFacePushEvent: u('ICP_FACIAL_RECOGNITION_RESULT', 'douyin §6.4: name UNCONFIRMED, prefix `ICP_` documented'),
  /** Douyin V2 refresh / authorisation failures that mean the grant is gone (V1 codes; V2 codes UNCONFIRMED). */
  douyinGrantGoneCodes: u([40004, 40021, 40022], 'douyin §4.5: V1 40004/40021, 找回授权码 40022'),
  /** Douyin permission-missing codes (which of the two the ICP APIs return is UNCONFIRMED). */
  douyinPermissionCodes: u([28001014, 28001018], 'douyin §9: 28001014 or 28001018'),
  /** Douyin V2 authorizer-token answer: fields inside `data` or at the top level. */
  douyinAuthTokenShape: u('data or top level', 'douyin §4.5: V2 field layout collapsed in our copy; both accepted'),
  /** The Douyin 备案号 field of get_register_detail: unknown, so the detail is searched for a filing number. */
  douyinFilingNumberField: u('any string parsing as a mini-program 备案号', 'douyin §8.3: field UNCONFIRMED'),
  /** WeChat: dead refresh token. */
  wechatGrantGoneCodes: u([61023], 'wechat §4.7: 61023 "refresh_token is invalid" from a community answer'),
  /** Whether WeChat pushes notify_apply_icpfiling_result on status 2 and 4 (we poll anyway). */
  wechatPushesOnReviewStart: u(false, 'wechat §14: UNCONFIRMED'),
  /** get_online_icp_order.icp_applets: object or array. */
  wechatOnlineOrderAppletsShape: u('object or array', 'wechat §11: doc says objarray, SDKs an object; both accepted'),
  /**
   * Per-second call limits per API. Neither platform documents per-second limits for these APIs (WeChat documents
   * daily quotas only, numbers UNCONFIRMED); these are our own ceilings, kept well inside any plausible limit.
   */
  perSecondLimits: u<Record<string, number>>(
    {
      'wechat:get_icp_entrance_info': 200,
      'wechat:get_online_icp_order': 50,
      'wechat:api_authorizer_token': 100,
      'wechat:component': 20,
      'douyin:query_record_status': 200,
      'douyin:get_register_history': 50,
      'douyin:get_register_detail': 50,
      'douyin:query_facial_recognition_status': 50,
      'douyin:get_auth_token': 100,
      'douyin:component': 20
    },
    'no documented per-second limit for any of these APIs; chosen ceilings'
  ),
  /** WeChat daily quota of get_icp_entrance_info per mini-program (UNCONFIRMED); the sync cadence stays far below. */
  wechatDailyQuotaPerApp: u(1000, 'wechat §8: daily quotas exist, numbers UNCONFIRMED')
} as const

export type DouyinSymbolicStatus =
  'not_filed' | 'platform_review' | 'platform_rejected' | 'admin_review' | 'admin_rejected' | 'filed'
