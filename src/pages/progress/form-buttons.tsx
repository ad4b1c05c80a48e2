import type { ReactNode } from 'react'
import { View } from '@tarojs/components'
import { Button } from '@nutui/nutui-react-taro'

interface FormButtonsProps {
  /** The action the form confirms: the confirm button gets `progress-form__confirm--<action>`. */
  action: string
  confirmText: ReactNode
  cancelText?: string
  /** Confirm is also off while the form's input is not valid yet. */
  confirmDisabled?: boolean
  /** Something is being saved: both buttons are off. */
  saving: boolean
  /** This form's own action is the one being saved (defaults to `saving`). */
  loading?: boolean
  danger?: boolean
  onCancel(): void
  onConfirm(): void
}

/** The 返回 / 确认 pair under every stage-action form of 进度; both are off while the action is being saved. */
export default function FormButtons(props: FormButtonsProps) {
  const { action, confirmText, cancelText = '返回', confirmDisabled, saving, loading = saving, danger } = props
  const { onCancel, onConfirm } = props
  return (
    <View className='progress-form__buttons'>
      <Button className='progress-form__cancel' disabled={saving} onClick={onCancel}>
        {cancelText}
      </Button>
      <Button
        className={`progress-form__confirm progress-form__confirm--${action}`}
        type={danger ? 'danger' : 'primary'}
        disabled={saving || !!confirmDisabled}
        loading={loading}
        onClick={onConfirm}
      >
        {confirmText}
      </Button>
    </View>
  )
}
