import { Text, View } from '@tarojs/components'
import { ACTION_LABELS } from '../../domain'
import type { Filing, StageAction } from '../../domain/types'
import ActionTimeField from './action-time-field'
import FormButtons from './form-buttons'
import { previewAction } from './preview'
import { useActionTime } from './use-action-time'

type TimedAction = Extract<StageAction['type'], 'submit' | 'sms_verified' | 'sms_expire'>

const COPY: Record<TimedAction, { title: string; hint: string; question: string; name: string }> = {
  submit: {
    title: '记录：已在平台提交备案',
    hint: '预计日期按提交的时间算。开始用备案助手之前就提交了的，选上当时的时间。',
    question: '什么时候提交的？',
    name: '提交时间'
  },
  sms_verified: {
    title: '记录：已完成短信核验',
    hint: '管局审核从核验完成时开始。',
    question: '什么时候完成核验的？',
    name: '核验时间'
  },
  sms_expire: {
    title: '记录：短信核验已超时',
    hint: '超过 24 小时没有核验，工信部会自动退回，需要重新提交备案。',
    question: '什么时候发现超时的？',
    name: '记录时间'
  }
}

interface TimedActionFormProps {
  filing: Pick<Filing, 'progress' | 'profile'>
  action: TimedAction
  saving: boolean
  /** Called from the confirm tap itself (subscription requests must start there). `at` undefined = now. */
  onConfirm: (at: string | undefined) => void
  onCancel: () => void
}

/** A stage step with nothing to fill in but when it happened (默认“刚刚”). */
export default function TimedActionForm({ filing, action, saving, onConfirm, onCancel }: TimedActionFormProps) {
  const copy = COPY[action]
  const time = useActionTime(filing.progress, action)
  const check = time.waiting || time.refusal ? undefined : previewAction(filing, { type: action }, time.nowMs, time.at)
  const refusal = time.refusal ?? (check && !check.ok ? check.message : undefined)
  return (
    <View className='progress-form'>
      <Text className='progress-form__title'>{copy.title}</Text>
      <Text className='muted'>{copy.hint}</Text>
      <ActionTimeField question={copy.question} name={copy.name} time={{ ...time, refusal }} />
      <FormButtons
        action={action}
        confirmText={ACTION_LABELS[action]}
        confirmDisabled={time.waiting || !!refusal}
        saving={saving}
        onCancel={onCancel}
        onConfirm={() => onConfirm(time.at)}
      />
    </View>
  )
}
