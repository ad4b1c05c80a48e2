import { Text, View } from '@tarojs/components'
import { Button } from '@nutui/nutui-react-taro'
import { ACTION_LABELS } from '../../domain'
import type { Filing, StageAction } from '../../domain/types'
import FilingNumberForm from './filing-number-form'
import FormButtons from './form-buttons'
import RejectionForm from './rejection-form'
import SmsArrivalForm from './sms-arrival-form'
import TimedActionForm from './timed-action-form'
import type { ActionType, Panel } from './use-stage-actions'

const PRIMARY_ACTIONS: ActionType[] = ['submit', 'platform_pass', 'sms_verified', 'admin_pass']

interface ActionCardProps {
  filing: Pick<Filing, 'progress' | 'profile'>
  /** What this user may do now (the back end's `actions`). */
  actions: ActionType[]
  panel: Panel | null
  saving: ActionType | null
  open(panel: Panel | null): void
  perform(action: StageAction, at?: string): void
}

/** 更新进度: the actions this user may take now; each opens its form (when it happened, and what else it needs). */
export default function ActionCard({ filing, actions, panel, saving, open, perform }: ActionCardProps) {
  const rejectAction = actions.find((a): a is 'platform_reject' | 'admin_reject' => a.endsWith('_reject'))
  const close = () => open(null)
  const busy = !!saving
  let form = null
  if (panel === 'platform_pass')
    form = (
      <SmsArrivalForm
        filing={filing}
        saving={busy}
        onCancel={close}
        onConfirm={(at) => perform(at ? { type: 'platform_pass', smsReceivedAt: at } : { type: 'platform_pass' }, at)}
      />
    )
  else if (panel === 'admin_pass')
    form = (
      <FilingNumberForm
        filing={filing}
        saving={busy}
        onCancel={close}
        onConfirm={(filingNumber, at) => perform({ type: 'admin_pass', filingNumber }, at)}
      />
    )
  else if (panel === 'reject' && rejectAction)
    form = (
      <RejectionForm
        reviewName={rejectAction === 'platform_reject' ? '平台初审' : '管局审核'}
        progress={filing.progress}
        action={rejectAction}
        saving={busy}
        onCancel={close}
        onConfirm={(reasons, at) => perform({ type: rejectAction, reasons }, at)}
      />
    )
  else if (panel === 'submit' || panel === 'sms_verified' || panel === 'sms_expire')
    form = (
      <TimedActionForm
        filing={filing}
        action={panel}
        saving={busy}
        onCancel={close}
        onConfirm={(at) => perform({ type: panel }, at)}
      />
    )
  else if (panel === 'cancel')
    form = (
      <View className='progress-form'>
        <Text className='progress-form__title'>确定放弃本次备案？</Text>
        <Text className='progress__text'>
          进度会停在“已取消”，不能恢复；已经在平台提交的，还要在平台上撤回。以后要备案，新建一个即可。
        </Text>
        <FormButtons
          action='cancel'
          confirmText='确定放弃'
          cancelText='再想想'
          danger
          saving={busy}
          loading={saving === 'cancel'}
          onCancel={close}
          onConfirm={() => perform({ type: 'cancel' })}
        />
      </View>
    )

  return (
    <View className='card progress__actions'>
      <Text className='progress__card-title'>更新进度</Text>
      {form ?? (
        <View className='progress__buttons'>
          {actions.map((type) => (
            <Button
              key={type}
              className={`progress__action progress__action--${type}`}
              type={PRIMARY_ACTIONS.includes(type) ? 'primary' : 'default'}
              fill={type === 'cancel' ? 'none' : undefined}
              block
              disabled={busy}
              loading={saving === type}
              onClick={() => open(type === 'platform_reject' || type === 'admin_reject' ? 'reject' : type)}
            >
              {ACTION_LABELS[type]}
            </Button>
          ))}
        </View>
      )}
    </View>
  )
}
