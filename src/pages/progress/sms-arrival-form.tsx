import { useState } from 'react'
import { Text, View } from '@tarojs/components'
import { DatePicker, Radio } from '@nutui/nutui-react-taro'
import { SMS_WINDOW_HOURS, parseInstant, shanghaiDate, toShanghaiIso } from '../../domain'
import type { Filing } from '../../domain/types'
import { formatDateTime } from '../../components/stage-timeline/format'
import { previewAction } from './preview'
import FormButtons from './form-buttons'

type Choice = 'now' | '1h' | '3h' | 'custom'

const CHOICES: { value: Choice; label: string }[] = [
  { value: 'now', label: '刚刚收到' },
  { value: '1h', label: '约1小时前' },
  { value: '3h', label: '约3小时前' },
  { value: 'custom', label: '选择时间' }
]

const HOUR_MS = 3_600_000
const pad2 = (n: number) => (n < 10 ? `0${n}` : String(n))

/**
 * The picker works in the phone's own time zone; the filing lives in Shanghai time. A Date whose local wall clock
 * shows Shanghai's makes the picker show (and hand back) Shanghai times wherever the phone is set.
 */
function shanghaiWallClock(ms: number): Date {
  const [date, time] = toShanghaiIso(ms).split('T')
  const [y, m, d] = date.split('-').map(Number)
  const [h, min] = time.split(':').map(Number)
  return new Date(y, m - 1, d, h, min)
}

interface SmsArrivalFormProps {
  filing: Pick<Filing, 'progress' | 'profile'>
  saving: boolean
  /** Called from the confirm tap itself (subscription requests must start there). `undefined` = just now. */
  onConfirm: (smsReceivedAt: string | undefined) => void
  onCancel: () => void
}

/** 初审通过: when did the 12381 text arrive? The 24-hour deadline counts from then, not from the tap. */
export default function SmsArrivalForm({ filing, saving, onConfirm, onCancel }: SmsArrivalFormProps) {
  const [choice, setChoice] = useState<Choice>('now')
  const [custom, setCustom] = useState<string>()
  const [pickerOpen, setPickerOpen] = useState(false)
  const nowMs = Date.now()

  const receivedAt =
    choice === '1h'
      ? toShanghaiIso(nowMs - HOUR_MS)
      : choice === '3h'
        ? toShanghaiIso(nowMs - 3 * HOUR_MS)
        : choice === 'custom'
          ? custom
          : undefined
  const waitingForPick = choice === 'custom' && !custom
  const check = waitingForPick
    ? undefined
    : previewAction(filing, { type: 'platform_pass', smsReceivedAt: receivedAt }, nowMs)
  const deadlineMs = (receivedAt ? parseInstant(receivedAt) : nowMs) + SMS_WINDOW_HOURS * HOUR_MS
  const today = shanghaiDate(nowMs)
  const last = filing.progress.history[filing.progress.history.length - 1]
  const earliest = Math.max(last ? parseInstant(last.at) : nowMs - 2 * 24 * HOUR_MS, nowMs - 2 * 24 * HOUR_MS)

  return (
    <View className='progress-form'>
      <Text className='progress-form__title'>12381 的短信是什么时候收到的？</Text>
      <Text className='muted'>24 小时的核验期限从收到短信开始算，不是从现在。</Text>
      <Radio.Group
        className='progress-form__choices'
        direction='horizontal'
        shape='button'
        value={choice}
        onChange={(v) => {
          setChoice(v as Choice)
          if (v === 'custom') setPickerOpen(true)
        }}
        options={CHOICES}
      />
      {choice === 'custom' && custom ? (
        <Text className='progress-form__picked' onClick={() => setPickerOpen(true)}>
          收到时间：{formatDateTime(custom, today)}（点此修改）
        </Text>
      ) : null}
      <DatePicker
        title='收到短信的时间'
        type='datetime'
        visible={pickerOpen}
        showChinese
        startDate={shanghaiWallClock(earliest)}
        endDate={shanghaiWallClock(nowMs)}
        defaultValue={shanghaiWallClock(nowMs)}
        onClose={() => setPickerOpen(false)}
        onConfirm={(_options, values) => {
          const [y, m, d, h, min] = values.map((v) => Number(v))
          setCustom(`${y}-${pad2(m)}-${pad2(d)}T${pad2(h)}:${pad2(min)}:00+08:00`)
        }}
      />
      {check && !check.ok ? (
        <View role='alert'>
          <Text className='progress-form__error'>{check.message}</Text>
        </View>
      ) : null}
      {check?.ok ? (
        <Text className='progress-form__ok'>
          核验截止：{formatDateTime(toShanghaiIso(deadlineMs), today)}
          {deadlineMs <= nowMs ? '（已经过了截止时间，可能已超时）' : ''}
        </Text>
      ) : null}
      <FormButtons
        action='platform_pass'
        confirmText='确认初审通过'
        confirmDisabled={!check?.ok}
        saving={saving}
        onCancel={onCancel}
        onConfirm={() => onConfirm(receivedAt)}
      />
    </View>
  )
}
