import type { Filing, StageAction } from '../../domain/types'
import CancelForm from './cancel-form'
import FilingNumberForm from './filing-number-form'
import RejectionForm from './rejection-form'
import SmsArrivalForm from './sms-arrival-form'
import TimedActionForm from './timed-action-form'
import type { ActionType, Panel } from './use-stage-actions'

interface PanelFormProps {
  filing: Pick<Filing, 'progress' | 'profile'>
  actions: ActionType[]
  panel: Panel | null
  saving: ActionType | null
  close(): void
  perform(action: StageAction, at?: string): void
}

/**
 * The form of the open panel (when it happened, and what else the action needs); null when none fits, and the card
 * then shows its buttons. A plain function, not a component: the card needs to know whether there is a form.
 */
export function panelForm({ filing, actions, panel, saving, close, perform }: PanelFormProps) {
  const rejectAction = actions.find((a): a is 'platform_reject' | 'admin_reject' => a.endsWith('_reject'))
  const busy = !!saving
  if (panel === 'platform_pass')
    return (
      <SmsArrivalForm
        filing={filing}
        saving={busy}
        onCancel={close}
        onConfirm={(at) => perform(at ? { type: 'platform_pass', smsReceivedAt: at } : { type: 'platform_pass' }, at)}
      />
    )
  if (panel === 'admin_pass')
    return (
      <FilingNumberForm
        filing={filing}
        saving={busy}
        onCancel={close}
        onConfirm={(filingNumber, at) => perform({ type: 'admin_pass', filingNumber }, at)}
      />
    )
  if (panel === 'reject' && rejectAction)
    return (
      <RejectionForm
        reviewName={rejectAction === 'platform_reject' ? '平台初审' : '管局审核'}
        progress={filing.progress}
        action={rejectAction}
        saving={busy}
        onCancel={close}
        onConfirm={(reasons, at) => perform({ type: rejectAction, reasons }, at)}
      />
    )
  if (panel === 'submit' || panel === 'sms_verified' || panel === 'sms_expire')
    return (
      <TimedActionForm
        filing={filing}
        action={panel}
        saving={busy}
        onCancel={close}
        onConfirm={(at) => perform({ type: panel }, at)}
      />
    )
  if (panel === 'cancel')
    return (
      <CancelForm
        saving={busy}
        loading={saving === 'cancel'}
        onCancel={close}
        onConfirm={() => perform({ type: 'cancel' })}
      />
    )
  return null
}
