import type { ReactNode } from 'react'
import { Text, View } from '@tarojs/components'
import { Tag } from '@nutui/nutui-react-taro'
import { formatDateTime } from '../../components/stage-timeline/format'
import { REMINDER_TEMPLATES } from '../../domain'
import type { ReminderStatus, ScheduleItem } from '../../services/reminder-schedule'
import { RECIPIENT_LABELS, reminderLabel } from './labels'

const STATUS_TEXT: Record<ReminderStatus, string> = {
  scheduled: '会按时提醒',
  not_covered: '还不会收到',
  sent: '已发送',
  not_sent: '没有发出',
  not_needed: '不再需要'
}

const STATUS_TAG: Record<ReminderStatus, 'success' | 'danger' | 'default' | 'primary' | 'warning'> = {
  scheduled: 'success',
  not_covered: 'danger',
  sent: 'primary',
  not_sent: 'warning',
  not_needed: 'default'
}

/** When nothing better is said: why a reminder will not arrive / was not sent / is not needed. */
const DEFAULT_REASON: Partial<Record<ReminderStatus, string>> = {
  not_covered: '还没有允许这条提醒',
  not_sent: '到时没有可用的授权',
  not_needed: '备案已进入下一步，这条提醒用不上了'
}

/** One reminder with its one status (from the delivery records): scheduled, will not arrive because…, sent at…, not needed. */
export default function ReminderRow({
  item,
  today,
  children
}: {
  item: ScheduleItem
  today: string
  children?: ReactNode
}) {
  const to = item.mine ? '你' : RECIPIENT_LABELS[item.recipientRole]
  const reason = item.reason ?? DEFAULT_REASON[item.status]
  const when =
    item.status === 'sent' && item.sentAt
      ? `${formatDateTime(item.sentAt, today)} 已发给${to}`
      : `${formatDateTime(item.dueAt, today)} 提醒${to}`
  return (
    <View className={`reminders-item reminders-item--${item.status}`}>
      <View className='reminders-item__head'>
        <Text className='reminders-item__title'>{reminderLabel(item)}</Text>
        <Tag className='reminders-item__state' type={STATUS_TAG[item.status]}>
          {STATUS_TEXT[item.status]}
        </Tag>
      </View>
      <Text className='reminders-item__meta'>
        {when} · {REMINDER_TEMPLATES[item.template].title}
      </Text>
      {reason && item.status !== 'scheduled' && item.status !== 'sent' ? (
        <Text className='reminders-item__reason'>{reason}</Text>
      ) : null}
      {children}
    </View>
  )
}
