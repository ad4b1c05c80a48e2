/**
 * The agency view: many connected filings in one list — what each is waiting for, its next deadline, sorted by how
 * soon someone must act (an open SMS window first, then filings sent back, then reviews by expected date).
 */
import { STAGE_LABELS, stageEtas } from './stages'
import { shanghaiInstant } from './time'
import type { FilingProfile, FilingProgress, Stage } from './types'

export const WAITING_FOR: Record<Stage, string> = {
  draft: '等待提交备案',
  platform_review: '等待平台初审结果',
  platform_rejected: '需按驳回原因修改后重新提交',
  sms_verification: '等待负责人完成12381短信核验',
  sms_expired: '短信核验超时，需重新提交',
  admin_review: '等待管局审核结果',
  admin_rejected: '需按驳回原因修改后重新提交',
  approved: '已备案',
  cancelled: '已取消'
}

/** Lower = more urgent. Someone must act now for the first three groups. */
const URGENCY_GROUP: Record<Stage, number> = {
  sms_verification: 0,
  platform_rejected: 1,
  admin_rejected: 1,
  sms_expired: 1,
  platform_review: 2,
  admin_review: 2,
  draft: 3,
  approved: 4,
  cancelled: 5
}

export interface AgencyRow {
  filingId: string
  stage: Stage
  stageLabel: string
  waitingFor: string
  /** ISO instant: the SMS deadline, or the latest expected end of the current review. */
  nextDeadline?: string
  nextDeadlineKind?: 'sms_deadline' | 'review_latest'
}

export function agencyRow(
  filingId: string,
  progress: FilingProgress,
  profile: FilingProfile,
  now: string,
  pendingFilingNumber = false
): AgencyRow {
  const row: AgencyRow = {
    filingId,
    stage: progress.stage,
    stageLabel: STAGE_LABELS[progress.stage],
    waitingFor: pendingFilingNumber ? '平台显示已备案，正在读取备案号' : WAITING_FOR[progress.stage]
  }
  if (progress.stage === 'sms_verification' && progress.smsDeadline) {
    row.nextDeadline = progress.smsDeadline
    row.nextDeadlineKind = 'sms_deadline'
  } else if (progress.stage === 'platform_review' || progress.stage === 'admin_review') {
    const eta = stageEtas(progress, profile, now).find((e) => e.stage === progress.stage)
    if (eta?.maxDate) {
      row.nextDeadline = shanghaiInstant(eta.maxDate, 18)
      row.nextDeadlineKind = 'review_latest'
    }
  }
  return row
}

/** Most urgent first; within a group the earlier deadline first, rows without one last. */
export function sortByUrgency<T extends AgencyRow>(rows: T[]): T[] {
  return [...rows].sort((a, b) => {
    const g = URGENCY_GROUP[a.stage] - URGENCY_GROUP[b.stage]
    if (g) return g
    if (a.nextDeadline && b.nextDeadline) return Date.parse(a.nextDeadline) - Date.parse(b.nextDeadline)
    return a.nextDeadline ? -1 : b.nextDeadline ? 1 : 0
  })
}
