import { useState } from 'react'
import { Text, View } from '@tarojs/components'
import { DatePicker, Radio } from '@nutui/nutui-react-taro'
import { parseInstant, shanghaiDate } from '../../domain'
import { formatDateTime } from '../../components/stage-timeline/format'
import { TIME_CHOICE_LABELS, pickedInstant, shanghaiWallClock, type TimeChoice } from './action-time'
import type { ActionTime } from './use-action-time'

interface ActionTimeFieldProps {
  /** e.g. 什么时候提交的？ */
  question: string
  /** What the picked time is called in the summary line, e.g. 提交时间. */
  name: string
  /** The label of the default choice (刚刚 / 刚刚收到). */
  nowLabel?: string
  time: ActionTime
}

const CHOICES: TimeChoice[] = ['now', '1h', '3h', 'yesterday', 'custom']

/**
 * "When did it really happen?" on every stage-action form: 刚刚 by default, quick choices, or a date and time in
 * Shanghai time, with the domain's refusal (a time in the future, before the step it follows) right under it.
 */
export default function ActionTimeField({ question, name, nowLabel, time }: ActionTimeFieldProps) {
  const [pickerOpen, setPickerOpen] = useState(false)
  const today = shanghaiDate(time.nowMs)
  const options = CHOICES.map((value) => ({
    value,
    label: value === 'now' && nowLabel ? nowLabel : TIME_CHOICE_LABELS[value]
  }))
  return (
    <View className='progress-form__time'>
      <Text className='progress-form__label'>{question}</Text>
      <Radio.Group
        className='progress-form__choices'
        direction='horizontal'
        shape='button'
        value={time.choice}
        onChange={(v) => {
          time.choose(v as TimeChoice)
          if (v === 'custom') setPickerOpen(true)
        }}
        options={options}
      />
      {time.at ? (
        <Text className='progress-form__picked' onClick={() => setPickerOpen(true)}>
          {name}：{formatDateTime(time.at, today)}
          {time.choice === 'custom' ? '（点此修改）' : ''}
        </Text>
      ) : null}
      <DatePicker
        title={name}
        type='datetime'
        visible={pickerOpen}
        showChinese
        startDate={shanghaiWallClock(Math.max(time.earliestMs, time.nowMs - 366 * 86_400_000))}
        endDate={shanghaiWallClock(time.nowMs)}
        defaultValue={shanghaiWallClock(time.at ? parseInstant(time.at) : time.nowMs)}
        onClose={() => setPickerOpen(false)}
        onConfirm={(_options, values) => {
          time.pick(pickedInstant(values))
          time.choose('custom')
        }}
      />
      {time.refusal ? (
        <View role='alert'>
          <Text className='progress-form__error'>{time.refusal}</Text>
        </View>
      ) : null}
    </View>
  )
}
