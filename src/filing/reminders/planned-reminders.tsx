import { Text, View } from '@tarojs/components'
import { Button } from '@nutui/nutui-react-taro'
import { budgetSummary } from '../../components/reminder-ask'
import type { TemplateKind } from '../../domain/types'
import type { Schedule, ScheduleItem } from '../../services/reminder-schedule'
import { canAskFor } from '../../services/subscriptions'
import ReminderRow from './reminder-row'

export const isOpen = (i: ScheduleItem) => i.status === 'scheduled' || i.status === 'not_covered'
export const rowKey = (i: ScheduleItem) => `${i.key}-${i.recipientRole}`

interface PlannedRemindersProps {
  schedule?: Schedule
  open: ScheduleItem[]
  uncovered: ScheduleItem[]
  today: string
  canAsk: boolean
  asking: boolean
  onAsk: (templates: TemplateKind[]) => void
}

/** 计划中的提醒: how many will arrive, and a tap to allow each one that will not yet. */
export default function PlannedReminders(props: PlannedRemindersProps) {
  const { schedule, open, uncovered, today, canAsk, asking, onAsk } = props
  return (
    <View className='card'>
      <Text className='reminders__summary'>
        {open.length === 0
          ? '这个阶段没有计划中的提醒。'
          : `${open.length - uncovered.length} 条会按时送达${uncovered.length ? `，${uncovered.length} 条还不会收到` : ''}`}
      </Text>
      {/* with a tap to offer, the 允许下一条提醒 card above says it already */}
      {schedule && open.length && !(canAsk && schedule.budget.ask.length) ? (
        <Text className='reminders__budget'>{budgetSummary(schedule.budget)}</Text>
      ) : null}
      {open.map((item) => (
        <ReminderRow key={rowKey(item)} item={item} today={today}>
          {item.status === 'not_covered' && item.mine && canAsk ? (
            <Button
              className='reminders-item__ask'
              size='small'
              type='primary'
              fill='outline'
              disabled={asking || !canAskFor([item.template])}
              onClick={() => onAsk([item.template])}
            >
              允许这条提醒
            </Button>
          ) : null}
          {item.status === 'not_covered' && !item.mine ? (
            <Text className='reminders-item__hint'>需要对方在自己的手机上打开备案助手并允许提醒</Text>
          ) : null}
        </ReminderRow>
      ))}
    </View>
  )
}

/** 已结束的提醒: the ones sent, refused or past, after the planned ones; nothing when there are none. */
export function EndedReminders({ ended, today }: { ended: ScheduleItem[]; today: string }) {
  if (!ended.length) return null
  return (
    <>
      <Text className='section-title'>已结束的提醒</Text>
      <View className='card'>
        {ended.map((item) => (
          <ReminderRow key={rowKey(item)} item={item} today={today} />
        ))}
      </View>
    </>
  )
}
