/** What a filing card says comes next, in plain words, per stage and per who is looking. Pure. */
import type { FilingSummary } from '../../services/api-types'

export type ActionTone = 'todo' | 'wait' | 'urgent' | 'done' | 'ended'

export interface NextAction {
  /** 下一步 / 备案号 / 状态 */
  label: string
  text: string
  tone: ActionTone
}

type Card = Pick<FilingSummary, 'stage' | 'filingNumber' | 'access'>
type Stage = FilingSummary['stage']
type OwnerStage = 'draft' | 'platform_rejected' | 'sms_expired' | 'admin_rejected'

/** Stages where the owner acts: what the owner is to do, and what an invited principal waits for. */
const OWNER_STEPS: Record<OwnerStage, { text: string; waitText: string }> = {
  draft: { text: '完成自检并提交', waitText: '等待对方完成自检并提交' },
  platform_rejected: { text: '按平台驳回原因修改后重新提交', waitText: '等待对方按驳回原因修改后重新提交' },
  sms_expired: { text: '短信核验已超时，重新提交备案', waitText: '短信核验已超时，等待对方重新提交' },
  admin_rejected: { text: '按管局驳回原因修改后重新提交', waitText: '等待对方按驳回原因修改后重新提交' }
}

/** Stages that read the same to everyone. */
const SHARED_STEPS: Record<Exclude<Stage, OwnerStage | 'approved'>, NextAction> = {
  platform_review: { label: '下一步', text: '等待平台初审', tone: 'wait' },
  sms_verification: { label: '下一步', text: '24 小时内完成短信核验', tone: 'urgent' },
  admin_review: { label: '下一步', text: '等待管局审核', tone: 'wait' },
  cancelled: { label: '状态', text: '本次备案已取消', tone: 'ended' }
}

export function nextAction({ stage, filingNumber, access }: Card): NextAction {
  // an invited principal reads along; the filing's owner is the one who fills in and submits
  if (isOwnerStage(stage)) {
    const step = OWNER_STEPS[stage]
    return access === 'owner'
      ? { label: '下一步', text: step.text, tone: 'todo' }
      : { label: '下一步', text: step.waitText, tone: 'wait' }
  }
  if (stage === 'approved') {
    return filingNumber
      ? { label: '备案号', text: filingNumber, tone: 'done' }
      : { label: '状态', text: '备案成功，记下备案号', tone: 'done' }
  }
  return SHARED_STEPS[stage]
}

function isOwnerStage(stage: Stage): stage is OwnerStage {
  return stage in OWNER_STEPS
}
