/**
 * 提交备案: the app's side of the function `submission`. The server maps the filing onto the platform's
 * code tables, passes photos straight through to the platform, starts and follows the face check and submits.
 */
import { api } from './api'
import type { ApiOutput } from './api-types'

export type SubmissionView = ApiOutput<'submission', 'prepare'>
export type FaceView = ApiOutput<'submission', 'faceStatus'>
export type SubmitOutcome = ApiOutput<'submission', 'submit'>
export type CancelKind = 'owner' | 'mini_program' | 'access'

export const prepareSubmission = (filingId: string) => api.submission.prepare({ id: filingId })
export const startFaceCheck = (filingId: string, via?: 'qr' | 'sms') =>
  api.submission.startFace(via ? { id: filingId, via } : { id: filingId })
export const faceCheckStatus = (filingId: string) => api.submission.faceStatus({ id: filingId })
export const submitFiling = (filingId: string) => api.submission.submit({ id: filingId })
export const withdrawFiling = (filingId: string) => api.submission.withdraw({ id: filingId })
export const cancelFiling = (filingId: string, kind: CancelKind) => api.submission.cancel({ id: filingId, kind })

/** Sends one photo (already checked on the phone) for one slot; the consent is the page's, given before. */
export const uploadPhoto = (
  filingId: string,
  slot: string,
  photo: { fileName: string; mimeType: 'image/jpeg' | 'image/png'; dataBase64: string }
) => api.submission.uploadMedia({ id: filingId, slot, ...photo, consent: true })

/** What 注销 each kind means, in the platform's words (WeChat cancel_type 1/2/3). */
export const CANCEL_KINDS: { kind: CancelKind; label: string; detail: string }[] = [
  { kind: 'mini_program', label: '注销小程序备案', detail: '只注销这个小程序的备案，主体的其他备案不受影响' },
  { kind: 'owner', label: '注销主体备案', detail: '注销主办单位的备案，其名下所有小程序、网站的备案一并注销' },
  { kind: 'access', label: '取消接入', detail: '小程序不再接入本平台，备案号仍然保留' }
]

/** Platform names as the pages say them. */
export const PLATFORM_NAMES = { wechat: '微信', douyin: '抖音' } as const

export type SubmissionExtrasInput = {
  ownerPrincipalIdValidFrom?: string
  appPrincipalIdValidFrom?: string
  legalPersonName?: string
  legalPersonIdNumber?: string
}
export const saveExtras = (filingId: string, extras: SubmissionExtrasInput) =>
  api.submission.saveExtras({ id: filingId, extras })
