/**
 * May 提交备案 be pressed? Everything that still stands in the way, each in one Chinese sentence to show next to the
 * disabled button: self-check errors, values the platform's tables do not know, photos not uploaded, the face check,
 * and a stage from which nothing can be submitted.
 */
import type { Finding, Stage } from '../types'
import type { FaceTaskStatus } from './face-task'
import { FACE_TASK_MISSING, MEDIA_MISSING } from './map-findings'
import type { MediaSlot, MediaSlotSpec } from './media-slots'
import type { MapResult } from './payload-types'

export type BlockerKind = 'self_check' | 'mapping' | 'media' | 'face' | 'stage'

export interface SubmissionBlocker {
  kind: BlockerKind
  message: string
  /** The form field or media slot concerned, when there is one. */
  field?: string
}

export interface SubmissionReadiness {
  ready: boolean
  blockers: SubmissionBlocker[]
}

export interface ReadinessInput {
  /** runSelfCheck's findings (errors block; warnings do not). */
  findings: Finding[]
  mapResult: MapResult<unknown>
  slots: MediaSlotSpec[]
  uploaded: Partial<Record<MediaSlot, string>>
  /** The face task's status, or its view. */
  faceTask: FaceTaskStatus | { status: FaceTaskStatus }
  stage: Stage
}

/** Stages a filing can be (re)submitted from: never submitted, or sent back. */
export const SUBMITTABLE_STAGES: readonly Stage[] = ['draft', 'platform_rejected', 'sms_expired', 'admin_rejected']

const STAGE_TEXT: Partial<Record<Stage, string>> = {
  platform_review: '已提交，平台正在审核，不能重复提交',
  sms_verification: '平台初审已通过，正在等待短信核验，不能重复提交',
  admin_review: '管局正在审核，不能重复提交',
  approved: '已备案，无需再提交；信息变更请走变更备案',
  cancelled: '备案已注销'
}

const FACE_TEXT: Record<Exclude<FaceTaskStatus, 'passed'>, string> = {
  none: '还没有发起小程序负责人的人脸核身',
  pending: '等待小程序负责人完成人脸核身',
  failed: '人脸核身未通过，请重新发起',
  expired: '人脸核身已过期，请重新发起'
}

export function submissionReadiness(input: ReadinessInput): SubmissionReadiness {
  const blockers: SubmissionBlocker[] = []
  if (!SUBMITTABLE_STAGES.includes(input.stage)) {
    blockers.push({ kind: 'stage', message: STAGE_TEXT[input.stage] ?? '当前阶段不能提交备案' })
  }
  const errors = input.findings.filter((f) => f.severity === 'error')
  if (errors.length) {
    blockers.push({
      kind: 'self_check',
      message: `信息自检还有${errors.length}项错误，先改正：${errors[0].message}`,
      field: errors[0].field
    })
  }
  if (!input.mapResult.ok) {
    // missing photos and the face check are reported below, in their own words
    for (const f of input.mapResult.findings) {
      if (f.code === MEDIA_MISSING || f.code === FACE_TASK_MISSING) continue
      blockers.push({ kind: 'mapping', message: f.message, field: f.field })
    }
  }
  for (const s of input.slots) {
    if (s.required && !input.uploaded[s.slot]) {
      blockers.push({ kind: 'media', message: `还没有上传${s.label}`, field: `media.${s.slot}` })
    }
  }
  const face = typeof input.faceTask === 'string' ? input.faceTask : input.faceTask.status
  if (face !== 'passed') blockers.push({ kind: 'face', message: FACE_TEXT[face] })
  return { ready: blockers.length === 0, blockers }
}
