/**
 * The port through which a filing is submitted to a platform: code tables, photo upload, the principal's
 * face check, the application itself, withdrawal and 注销. One implementation per platform (wechat/icp-filing.ts,
 * douyin/icp-filing.ts) over the connector's clients; the handlers only see this interface. Payloads are the
 * platforms' own JSON bodies, built by src/domain/platform-filing (map-wechat / map-douyin).
 */
import type { ConnectorPlatform } from './connector'

// The code tables' shape is the domain's: the mapping reads exactly what the clients fetch and normalise
export type { CodeEntry, PlatformCodeTables } from '../../domain/platform-filing/code-tables'
import type { PlatformCodeTables } from '../../domain/platform-filing/code-tables'

/** Which photo an upload is for (the domain's MediaSlot: 'owner_certificate', 'owner_principal_id_front', …). */
export type MediaSlot = string

export interface MediaUpload {
  slot: MediaSlot
  /**
   * The platform's media type for this slot, from the domain's mediaSlotsFor: WeChat — the apply field the media
   * belongs to (`icp_order_field`, e.g. `icp_subject.principal_info.certificate_photo_front`); Douyin — `image_type`
   * '1' 主体证件, '2' 负责人证件, '3' 其他附件.
   */
  platformType: string
  /** WeChat: the certificate type of a certificate photo (required by upload_icp_media for those). */
  certificateType?: string
  bytes: Uint8Array
  fileName: string
  mimeType: string
}

export type FaceTaskStatus = 'pending' | 'passed' | 'failed' | 'expired'

export interface FaceTask {
  taskId: string
  status: FaceTaskStatus
  /** UTC ISO: pending → when the invitation ends; passed → when the result stops counting for a submission. */
  expiresAt?: string
  /** Douyin: the recognition link to show as a QR code (absent when the SMS was sent, and on WeChat). */
  url?: string
  /** How the principal was reached. */
  channel: 'wechat_notice' | 'douyin_link' | 'douyin_sms'
}

/** Who does the face check and how to reach them. */
export interface FaceCheckTarget {
  /** Province code of the filing (6 digits, e.g. '120000'): Douyin ties the check to it. */
  provinceCode: string
  /** Douyin: send the link by SMS to this phone (≤ 10 per mini-program per day) instead of returning it. */
  smsPhone?: string
}

export interface SubmitHint {
  /** The platform's dotted field path (`icp_subject.base_info.name`, `corp_info.credentials_pic`). */
  errField: string
  errMsg: string
}

export type SubmitResult = { ok: true } | { ok: false; errcode: number; message: string; hints: SubmitHint[] }

export type WithdrawResult =
  | { ok: true }
  | {
      ok: false
      /** not_withdrawable: review has moved on; nothing_to_withdraw: no application; unsupported: no such API. */
      reason: 'not_withdrawable' | 'nothing_to_withdraw' | 'unsupported'
      errcode: number
      /** Chinese, for the owner. */
      message: string
    }

/** 注销 kinds: the subject, the mini-program's filing, or its access (WeChat cancel_type 1/2/3). */
export type CancelKind = 'owner' | 'mini_program' | 'access'

export type SubmitMode = 'new' | 'change'

export interface PlatformFilingApi {
  readonly platform: ConnectorPlatform
  /** What this platform's API can do (Douyin has no withdraw / 注销 API, WeChat no SMS face invitation). */
  readonly capabilities: { withdraw: boolean; cancel: boolean; faceSms: boolean }
  codeTables(appId: string): Promise<PlatformCodeTables>
  /** Retries once on a lost answer; the bytes are passed through, never kept. */
  uploadMedia(appId: string, media: MediaUpload): Promise<{ mediaId: string }>
  startFaceCheck(appId: string, who: FaceCheckTarget): Promise<FaceTask>
  faceCheckStatus(appId: string, taskId: string): Promise<FaceTask>
  /** `payload` is the platform's body (WechatApplyPayload / DouyinRecordPayload). Douyin: 'change' = alter_record_info. */
  submit(appId: string, payload: object, mode?: SubmitMode): Promise<SubmitResult>
  withdraw(appId: string): Promise<WithdrawResult>
  /** Throws PlatformError (e.g. WeChat 86353 not filed, 86324 already running) or FilingApiUnsupported. */
  cancelFiling(appId: string, kind: CancelKind, filingNumber: string): Promise<void>
}

/** The platform has no API for this (Douyin: withdrawal, 注销). */
export class FilingApiUnsupported extends Error {
  constructor(
    readonly platform: ConnectorPlatform,
    readonly operation: string
  ) {
    super(`${platform} has no ${operation} API`)
    this.name = 'FilingApiUnsupported'
  }
}
