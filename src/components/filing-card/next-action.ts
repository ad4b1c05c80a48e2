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

export function nextAction({ stage, filingNumber, access }: Card): NextAction {
  // an invited principal reads along; the filing's owner is the one who fills in and submits
  const owner = access === 'owner'
  const todo = (text: string, waitText: string): NextAction =>
    owner ? { label: '下一步', text, tone: 'todo' } : { label: '下一步', text: waitText, tone: 'wait' }
  switch (stage) {
    case 'draft':
      return todo('完成自检并提交', '等待对方完成自检并提交')
    case 'platform_review':
      return { label: '下一步', text: '等待平台初审', tone: 'wait' }
    case 'platform_rejected':
      return todo('按平台驳回原因修改后重新提交', '等待对方按驳回原因修改后重新提交')
    case 'sms_verification':
      return { label: '下一步', text: '24 小时内完成短信核验', tone: 'urgent' }
    case 'sms_expired':
      return todo('短信核验已超时，重新提交备案', '短信核验已超时，等待对方重新提交')
    case 'admin_review':
      return { label: '下一步', text: '等待管局审核', tone: 'wait' }
    case 'admin_rejected':
      return todo('按管局驳回原因修改后重新提交', '等待对方按驳回原因修改后重新提交')
    case 'approved':
      return filingNumber
        ? { label: '备案号', text: filingNumber, tone: 'done' }
        : { label: '状态', text: '备案成功，记下备案号', tone: 'done' }
    case 'cancelled':
      return { label: '状态', text: '本次备案已取消', tone: 'ended' }
  }
}
