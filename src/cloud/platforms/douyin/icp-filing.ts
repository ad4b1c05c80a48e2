/**
 * PlatformFilingApi for Douyin (douyin-icp-api.md §5–§7): the five option lists, upload_image (multipart, `path`
 * as the media id), the 人证核验 link or SMS (≤ 10 a day, 6025 beyond) and its status, submit_record_info /
 * alter_record_info. Douyin has no withdraw or 注销 API (§1, §9): those answer `unsupported`.
 */
import type { Clock } from '../../ports'
import {
  FilingApiUnsupported,
  type FaceCheckTarget,
  type FaceTask,
  type MediaUpload,
  type PlatformCodeTables,
  type PlatformFilingApi,
  type SubmitMode,
  type SubmitResult,
  type WithdrawResult
} from '../filing-api'
import { normaliseDouyinTables } from '../normalise-tables'
import { douyinHintsFrom, uploadWithRetry } from '../shared/filing-helpers'
import { PlatformError } from '../shared/http'
import { UNCONFIRMED } from '../shared/unconfirmed'
import type { DouyinProviderClient } from './client'
import { toUtcIso } from '../../../domain/time'

/** The recognition link lives 2 h; a passed result counts for 72 h (§6.2). */
export const DOUYIN_FACE_LINK_MS = 2 * 3_600_000
export const DOUYIN_FACE_RESULT_MS = 72 * 3_600_000
/** 触发频控: the 11th face SMS of the day (§6.3). */
export const DOUYIN_FACE_SMS_LIMITED = 6025

type Json = Record<string, unknown>
const data = (body: Json): Json => (body.data && typeof body.data === 'object' ? (body.data as Json) : {})

export class DouyinFilingApi implements PlatformFilingApi {
  readonly platform = 'douyin' as const
  readonly capabilities = { withdraw: false, cancel: false, faceSms: true }

  constructor(
    private readonly client: DouyinProviderClient,
    private readonly clock: Clock
  ) {}

  async codeTables(appId: string): Promise<PlatformCodeTables> {
    const get = async (api: string, key: string) => data(await this.client.icpCall(appId, api, { method: 'GET' }))[key]
    const regions = await get('query_region_list', 'region_list')
    const corpTypes = await get('query_corp_type_list', 'corp_type_list')
    const inchargeCredentialTypes = await get('query_incharge_people_credentials_type_list', 'credentials_type_list')
    const serviceContentTypes = await get('query_service_content_type_list', 'service_content_type_list')
    const preApprovalItems = await get('query_pre_approval_item_type_list', 'pre_approval_item_type_list')
    return normaliseDouyinTables(
      { regions, corpTypes, inchargeCredentialTypes, serviceContentTypes, preApprovalItems },
      this.clock.now().toISOString()
    )
  }

  async uploadMedia(appId: string, media: MediaUpload): Promise<{ mediaId: string }> {
    const body = await uploadWithRetry(() =>
      this.client.icpCall(appId, 'upload_image', {
        upload: {
          fields: { image_type: media.platformType },
          file: { field: 'image', bytes: media.bytes, fileName: media.fileName, mimeType: media.mimeType }
        }
      })
    )
    const path = String(data(body).path ?? '')
    if (!path) throw new PlatformError('douyin', -1, 'no path', 'upload_image')
    return { mediaId: path }
  }

  /** A link to show as a QR code, or (with `smsPhone`) Douyin's own SMS to the principal. */
  async startFaceCheck(appId: string, who: FaceCheckTarget): Promise<FaceTask> {
    const expiresAt = toUtcIso(this.clock.now().getTime() + DOUYIN_FACE_LINK_MS)
    if (who.smsPhone) {
      const body = await this.client.icpCall(appId, 'send_facial_recognition_notify', {
        method: 'POST',
        body: { app_incharge_people_phone: who.smsPhone, province_code: who.provinceCode }
      })
      return { taskId: this.token(body), status: 'pending', expiresAt, channel: 'douyin_sms' }
    }
    const body = await this.client.icpCall(appId, 'get_facial_recognition_url', {
      method: 'GET',
      query: `?province_code=${encodeURIComponent(who.provinceCode)}`
    })
    const url = String(data(body).facial_recognition_url ?? '')
    return { taskId: this.token(body), status: 'pending', expiresAt, url, channel: 'douyin_link' }
  }

  private token(body: Json): string {
    const token = String(data(body).facial_recognition_token ?? '')
    if (!token) throw new PlatformError('douyin', -1, 'no facial_recognition_token', 'facial_recognition')
    return token
  }

  async faceCheckStatus(appId: string, taskId: string): Promise<FaceTask> {
    const task = { taskId, channel: 'douyin_link' as const }
    try {
      const body = await this.client.icpCall(appId, 'query_facial_recognition_status', {
        method: 'GET',
        query: `?facial_recognition_token=${encodeURIComponent(taskId)}`
      })
      const status = UNCONFIRMED.douyinFaceStatus.value[Number(data(body).facial_recognition_status)]
      return { ...task, status: status ?? 'pending' }
    } catch (err) {
      // an unknown token (9998 请求参数错误): gone, start a new check
      if (err instanceof PlatformError && err.errcode === 9998) return { ...task, status: 'expired' }
      throw err
    }
  }

  async submit(appId: string, payload: object, mode: SubmitMode = 'new'): Promise<SubmitResult> {
    const api = mode === 'change' ? 'alter_record_info' : 'submit_record_info'
    try {
      await this.client.icpCall(appId, api, { method: 'POST', body: payload as Json })
      return { ok: true }
    } catch (err) {
      if (!(err instanceof PlatformError)) throw err
      const hints = douyinHintsFrom(err.detail.fullMessage)
      const message = hints.length
        ? '平台未受理这份备案信息，请按各项提示修改后重新提交'
        : `平台暂未受理这份备案信息（错误码 ${err.errcode}），请稍后再试`
      return { ok: false, errcode: err.errcode, message, hints }
    }
  }

  async withdraw(): Promise<WithdrawResult> {
    return {
      ok: false,
      reason: 'unsupported',
      errcode: 0,
      message: '抖音没有撤回备案申请的接口：请在抖音开放平台的小程序后台撤回'
    }
  }

  async cancelFiling(): Promise<void> {
    throw new FilingApiUnsupported('douyin', 'cancel_filing')
  }
}
