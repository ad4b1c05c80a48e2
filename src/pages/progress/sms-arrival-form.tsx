import { Text, View } from '@tarojs/components'
import { SMS_WINDOW_HOURS, parseInstant, shanghaiDate, toShanghaiIso } from '../../domain'
import type { Filing } from '../../domain/types'
import { formatDateTime } from '../../components/stage-timeline/format'
import ActionTimeField from './action-time-field'
import FormButtons from './form-buttons'
import { previewAction } from './preview'
import { useActionTime } from './use-action-time'

interface SmsArrivalFormProps {
  filing: Pick<Filing, 'progress' | 'profile'>
  saving: boolean
  /** Called from the confirm tap itself (subscription requests must start there). `undefined` = just now. */
  onConfirm: (smsReceivedAt: string | undefined) => void
  onCancel: () => void
}

/** 初审通过: when did the 12381 text arrive? The 24-hour deadline counts from then, not from the tap. */
export default function SmsArrivalForm({ filing, saving, onConfirm, onCancel }: SmsArrivalFormProps) {
  const time = useActionTime(filing.progress, 'platform_pass')
  const { at: receivedAt, nowMs } = time
  const check =
    time.waiting || time.refusal
      ? undefined
      : previewAction(filing, { type: 'platform_pass', smsReceivedAt: receivedAt }, nowMs, receivedAt)
  const refusal = time.refusal ?? (check && !check.ok ? check.message : undefined)
  const deadlineMs = (receivedAt ? parseInstant(receivedAt) : nowMs) + SMS_WINDOW_HOURS * 3_600_000

  return (
    <View className='progress-form'>
      <Text className='progress-form__title'>12381 的短信是什么时候收到的？</Text>
      <Text className='muted'>24 小时的核验期限从收到短信开始算，不是从现在。</Text>
      <ActionTimeField question='收到短信的时间' name='收到时间' nowLabel='刚刚收到' time={{ ...time, refusal }} />
      {check?.ok ? (
        <Text className='progress-form__ok'>
          核验截止：{formatDateTime(toShanghaiIso(deadlineMs), shanghaiDate(nowMs))}
          {deadlineMs <= nowMs ? '（已经过了截止时间，可能已超时）' : ''}
        </Text>
      ) : null}
      <FormButtons
        action='platform_pass'
        confirmText='确认初审通过'
        confirmDisabled={time.waiting || !check?.ok}
        saving={saving}
        onCancel={onCancel}
        onConfirm={() => onConfirm(receivedAt)}
      />
    </View>
  )
}
