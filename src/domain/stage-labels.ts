/** What the user sees for each stage and each step (stages.ts re-exports these). */
import type { Stage, StageAction } from './types'

export const STAGE_LABELS: Record<Stage, string> = {
  draft: '填写备案信息',
  platform_review: '平台初审',
  platform_rejected: '平台驳回',
  sms_verification: '工信部短信核验',
  sms_expired: '短信核验超时',
  admin_review: '管局审核',
  admin_rejected: '管局驳回',
  approved: '备案成功',
  cancelled: '已取消'
}

export const ACTION_LABELS: Record<StageAction['type'], string> = {
  submit: '我已提交备案',
  platform_pass: '初审通过，已收到12381短信',
  platform_reject: '平台初审被驳回',
  sms_verified: '已完成短信核验',
  sms_expire: '短信核验已超时',
  admin_pass: '管局审核通过',
  admin_reject: '管局审核被驳回',
  cancel: '放弃本次备案'
}
