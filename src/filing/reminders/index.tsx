import { useEffect } from 'react'
import { Text, View } from '@tarojs/components'
import { useRouter } from '../../services/page-hooks'
import { Button } from '@nutui/nutui-react-taro'
import FilingGate from '../../components/filing-gate'
import LoadState from '../../components/load-state'
import PageShell from '../../components/page-shell'
import ReminderAsk, { budgetSummary } from '../../components/reminder-ask'
import { REMINDER_TEMPLATES, STAGE_LABELS, shanghaiDate } from '../../domain'
import type { TemplateKind } from '../../domain/types'
import { useCurrentFiling } from '../../hooks/use-current-filing'
import { useReminderSchedule } from '../../hooks/use-reminder-schedule'
import type { SubscriptionStatus } from '../../services/api-types'
import type { ScheduleItem } from '../../services/reminder-schedule'
import { canAskFor, canRequestSubscriptions } from '../../services/subscriptions'
import CalendarCard from './calendar-card'
import ReminderRow from './reminder-row'
import { useReminderAsks } from './use-reminder-asks'
import './index.scss'

const isOpen = (i: ScheduleItem) => i.status === 'scheduled' || i.status === 'not_covered'
const rowKey = (i: ScheduleItem) => `${i.key}-${i.recipientRole}`

export default function RemindersPage() {
  const router = useRouter()
  const current = useCurrentFiling({ id: router.params?.id || undefined })
  const filing = current.filing
  const { loaded, schedule, reload } = useReminderSchedule(filing?.id, filing?.version)
  const asks = useReminderAsks(reload)
  const { reloadTemplates } = asks

  useEffect(() => {
    void reloadTemplates()
    // once per page: the template ids for the taps, and my quota per template
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [])

  if (!filing)
    return (
      <FilingGate
        current={current}
        className='reminders'
        emptyDescription='新建备案并提交后，这里会列出每个阶段的提醒。'
      />
    )

  const today = shanghaiDate(Date.now())
  const canAsk = canRequestSubscriptions()
  const items = schedule?.reminders ?? []
  const open = items.filter(isOpen)
  const ended = items.filter((i) => !isOpen(i))
  const uncovered = open.filter((i) => i.status === 'not_covered')
  const calendarFirst = !canAsk || uncovered.length > 0
  const { notice } = asks
  const calendar = (
    <CalendarCard
      filing={filing}
      canAsk={canAsk}
      prominent={calendarFirst}
      onNotice={(tone, text) => asks.setNotice({ tone, text })}
    />
  )

  return (
    <PageShell className='reminders'>
      <View className='card reminders__head'>
        <Text className='reminders__title'>{filing.title || '我的备案'}</Text>
        <Text className='muted'>当前阶段：{STAGE_LABELS[filing.progress.stage]}</Text>
        {canAsk ? (
          <Text className='reminders__explain'>
            订阅消息是一次性的：每允许一次，每类提醒只能多收到一条。我们先把你允许的次数用在最要紧的提醒上（短信核验截止前的提醒，然后是管局审核结果）。
          </Text>
        ) : null}
      </View>

      {!canAsk ? (
        <View className='reminders__notice reminders__notice--warning' role='status'>
          <Text>在浏览器里收不到微信或抖音的订阅消息，请用下面的“添加到手机日历”代替。</Text>
        </View>
      ) : null}

      {notice ? (
        <View className={`reminders__notice reminders__notice--${notice.tone}`} role='status'>
          <Text>{notice.text}</Text>
        </View>
      ) : null}

      {canAsk ? <ReminderAsk budget={schedule?.budget} busy={asks.asking} onAsked={asks.answered} /> : null}

      {calendarFirst ? calendar : null}

      <Text className='section-title'>计划中的提醒</Text>
      {loaded.state !== 'ready' ? (
        <LoadState
          state={loaded.state}
          error={loaded.state === 'error' ? loaded.error : undefined}
          onRetry={() => void reload()}
          rows={3}
        />
      ) : (
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
                  disabled={asks.asking || !canAskFor([item.template])}
                  onClick={() => asks.ask([item.template])}
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
      )}

      {ended.length ? (
        <>
          <Text className='section-title'>已结束的提醒</Text>
          <View className='card'>
            {ended.map((item) => (
              <ReminderRow key={rowKey(item)} item={item} today={today} />
            ))}
          </View>
        </>
      ) : null}

      {!calendarFirst ? calendar : null}

      {asks.templates ? <QuotaCard templates={asks.templates} /> : null}
    </PageShell>
  )
}

/** How many more messages of each kind I can receive (accepted requests not used yet). */
function QuotaCard({ templates }: { templates: SubscriptionStatus['templates'] }) {
  return (
    <View className='card reminders-quota'>
      <Text className='reminders__card-title'>我的订阅</Text>
      {(Object.keys(REMINDER_TEMPLATES) as TemplateKind[]).map((kind) => (
        <View key={kind} className='reminders-quota__row'>
          <Text className='reminders-quota__name'>{REMINDER_TEMPLATES[kind].title}</Text>
          <Text className='reminders-quota__value'>
            {templates[kind]?.templateId
              ? templates[kind].quota > 0
                ? `还能收 ${templates[kind].quota} 条`
                : '未授权'
              : '未配置'}
          </Text>
        </View>
      ))}
    </View>
  )
}
