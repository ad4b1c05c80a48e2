import { Picker, Text, View } from '@tarojs/components'
import { Radio } from '@nutui/nutui-react-taro'
import { parseInstant, shanghaiDate, toShanghaiIso } from '../../domain'
import { formatDateTime } from '../../components/stage-timeline/format'
import { TIME_CHOICE_LABELS, pickedInstant, type TimeChoice } from './action-time'
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
const YEAR_MS = 366 * 86_400_000

/** 'YYYY-MM-DD' and 'HH:mm' of an instant in Shanghai time: what the native pickers show and hand back. */
function shanghaiParts(ms: number): { date: string; time: string } {
  const [date, clock] = toShanghaiIso(ms).split('T')
  return { date, time: clock.slice(0, 5) }
}

/**
 * "When did it really happen?" on every stage-action form: 刚刚 by default, quick choices, or a date and a time in
 * Shanghai time, with the domain's refusal (a time in the future, before the step it follows) right under it.
 * The date and time are the platform's native pickers: nothing of a picker ships in the main package's JavaScript.
 */
export default function ActionTimeField({ question, name, nowLabel, time }: ActionTimeFieldProps) {
  const today = shanghaiDate(time.nowMs)
  const options = CHOICES.map((value) => ({
    value,
    label: value === 'now' && nowLabel ? nowLabel : TIME_CHOICE_LABELS[value]
  }))
  const shown = shanghaiParts(time.at ? parseInstant(time.at) : time.nowMs)
  const pickParts = (date: string, clock: string) => time.pick(pickedInstant([...date.split('-'), ...clock.split(':')]))
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
          // Picking starts from the time shown, so a user who only changes the date keeps a sensible time
          if (v === 'custom' && !time.picked) pickParts(shown.date, shown.time)
        }}
        options={options}
      />
      {time.choice === 'custom' ? (
        <View className='progress-form__pickers'>
          <Picker
            mode='date'
            value={shown.date}
            start={shanghaiParts(Math.max(time.earliestMs, time.nowMs - YEAR_MS)).date}
            end={today}
            onChange={(e) => pickParts(String(e.detail.value), shown.time)}
          >
            <View className='progress-form__picker' aria-label={`${name}的日期`}>
              <Text>日期</Text>
              <Text className='progress-form__picker-value'>{shown.date} ›</Text>
            </View>
          </Picker>
          <Picker mode='time' value={shown.time} onChange={(e) => pickParts(shown.date, String(e.detail.value))}>
            <View className='progress-form__picker' aria-label={`${name}的时间`}>
              <Text>时间（北京时间）</Text>
              <Text className='progress-form__picker-value'>{shown.time} ›</Text>
            </View>
          </Picker>
        </View>
      ) : null}
      {time.at ? (
        <Text className='progress-form__picked'>
          {name}：{formatDateTime(time.at, today)}
        </Text>
      ) : null}
      {time.refusal ? (
        <View role='alert'>
          <Text className='progress-form__error'>{time.refusal}</Text>
        </View>
      ) : null}
    </View>
  )
}
