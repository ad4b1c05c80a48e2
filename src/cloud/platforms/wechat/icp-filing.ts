/**
 * PlatformFilingApi for WeChat (wechat-icp-api.md §5–§12): the five code-table GETs, upload_icp_media (multipart),
 * create_icp_verifytask / query_icp_verifytask, apply_icp_filing (86202 + hints on refusal), cancel_apply_icp_filing
 * and cancel_icp_filing — each made as the mini-program through the component client.
 */
import type { Clock } from '../../ports'
import type {
  CancelKind,
  FaceTask,
  MediaUpload,
  PlatformCodeTables,
  PlatformFilingApi,
  SubmitResult,
  WithdrawResult
} from '../filing-api'
import { normaliseWechatTables } from '../normalise-tables'
import { PlatformError } from '../shared/http'
import { hintsFrom, uploadWithRetry } from '../shared/filing-helpers'
import type { WechatComponentClient } from './client'
import { toUtcIso } from '../../../domain/time'

/** The administrator's notification is valid 24 h (a new task is needed after it); a task id 3 days (§7.1). */
export const WECHAT_FACE_NOTICE_MS = 24 * 3_600_000
export const WECHAT_FACE_TASK_MS = 3 * 24 * 3_600_000

/** §12 cancel_type: 1 注销主体, 2 注销小程序, 3 注销微信小程序 (its access). */
export const WECHAT_CANCEL_TYPE: Record<CancelKind, number> = { owner: 1, mini_program: 2, access: 3 }

/** §7.2 face_status: 0 未开始, 1 等待中, 2 失败, 3 成功; errcode 1 / 86328: the task is gone or expired. */
const FACE_GONE = new Set([1, 86328])

export class WechatFilingApi implements PlatformFilingApi {
  readonly platform = 'wechat' as const
  readonly capabilities = { withdraw: true, cancel: true, faceSms: false }

  constructor(
    private readonly client: WechatComponentClient,
    private readonly clock: Clock
  ) {}

  async codeTables(appId: string): Promise<PlatformCodeTables> {
    const items = async (api: string) => (await this.client.icpCall(appId, api, { method: 'GET' })).items
    // one after the other: five quick GETs, and the per-second ceilings stay simple
    const districts = await items('query_icp_district_code')
    const subjectTypes = await items('query_icp_subject_types')
    const certificateTypes = await items('query_icp_certificate_types')
    const serviceContentTypes = await items('query_icp_service_content_types')
    const nrlxTypes = await items('query_icp_nrlx_types')
    return normaliseWechatTables(
      { districts, subjectTypes, certificateTypes, serviceContentTypes, nrlxTypes },
      this.clock.now().toISOString()
    )
  }

  async uploadMedia(appId: string, media: MediaUpload): Promise<{ mediaId: string }> {
    const fields: Record<string, string> = {
      type: media.mimeType.startsWith('video/') ? 'video' : 'image',
      icp_order_field: media.platformType,
      ...(media.certificateType ? { certificate_type: media.certificateType } : {})
    }
    const body = await uploadWithRetry(() =>
      this.client.icpCall(appId, 'upload_icp_media', {
        upload: {
          fields,
          file: { field: 'media', bytes: media.bytes, fileName: media.fileName, mimeType: media.mimeType }
        }
      })
    )
    const mediaId = String(body.media_id ?? '')
    if (!mediaId) throw new PlatformError('wechat', 86201, 'no media_id', 'upload_icp_media')
    return { mediaId }
  }

  /** The notification goes to the mini-program's administrator; no body (a body draws 47001, §7.1). */
  async startFaceCheck(appId: string): Promise<FaceTask> {
    const body = await this.client.icpCall(appId, 'create_icp_verifytask', { method: 'POST' })
    const taskId = String(body.task_id ?? '')
    if (!taskId) throw new PlatformError('wechat', -1, 'no task_id', 'create_icp_verifytask')
    const expiresAt = toUtcIso(this.clock.now().getTime() + WECHAT_FACE_NOTICE_MS)
    return { taskId, status: 'pending', expiresAt, channel: 'wechat_notice' }
  }

  async faceCheckStatus(appId: string, taskId: string): Promise<FaceTask> {
    const task = { taskId, channel: 'wechat_notice' as const }
    try {
      const body = await this.client.icpCall(appId, 'query_icp_verifytask', {
        method: 'POST',
        body: { task_id: taskId }
      })
      const face = Number(body.face_status)
      if (face === 3) return { ...task, status: 'passed' }
      if (face === 2 && body.is_finish) return { ...task, status: 'failed' }
      return { ...task, status: 'pending' }
    } catch (err) {
      if (err instanceof PlatformError && FACE_GONE.has(err.errcode)) return { ...task, status: 'expired' }
      throw err
    }
  }

  async submit(appId: string, payload: object): Promise<SubmitResult> {
    try {
      await this.client.icpCall(appId, 'apply_icp_filing', { method: 'POST', body: payload as Record<string, unknown> })
      return { ok: true }
    } catch (err) {
      if (!(err instanceof PlatformError)) throw err
      const hints = hintsFrom(err.detail.hints)
      // the platform's own text may be English (quota, state): the owner reads Chinese with the code for support
      const message =
        err.errcode === 86202
          ? '平台未受理这份备案申请，请按各项提示修改后重新提交'
          : `平台暂未受理这份备案申请（错误码 ${err.errcode}），请稍后再试`
      return { ok: false, errcode: err.errcode, message, hints }
    }
  }

  async withdraw(appId: string): Promise<WithdrawResult> {
    try {
      await this.client.icpCall(appId, 'cancel_apply_icp_filing', { method: 'POST' })
      return { ok: true }
    } catch (err) {
      if (!(err instanceof PlatformError)) throw err
      if (err.errcode === 86330)
        return {
          ok: false,
          reason: 'not_withdrawable',
          errcode: err.errcode,
          message: '平台初审已结束，申请已进入管局审核，不能再撤回'
        }
      if (err.errcode === 86368)
        return { ok: false, reason: 'nothing_to_withdraw', errcode: err.errcode, message: '没有可以撤回的备案申请' }
      throw err
    }
  }

  /** WeChat identifies the filing by the mini-program itself; the number is not part of the call. */
  async cancelFiling(appId: string, kind: CancelKind, _filingNumber?: string): Promise<void> {
    await this.client.icpCall(appId, 'cancel_icp_filing', {
      method: 'POST',
      body: { cancel_type: WECHAT_CANCEL_TYPE[kind] }
    })
  }
}
