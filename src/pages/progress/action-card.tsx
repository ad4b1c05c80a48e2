import { Text, View } from '@tarojs/components'
import { Button } from '@nutui/nutui-react-taro'
import { ACTION_LABELS } from '../../domain'
import type { Filing, StageAction } from '../../domain/types'
import { panelForm } from './panel-form'
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
  const busy = !!saving
  const form = panelForm({ filing, actions, panel, saving, close: () => open(null), perform })

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
