import { useEffect } from 'react'
import { Text } from '@tarojs/components'
import { useRouter } from '../../services/page-hooks'
import FilingGate from '../../components/filing-gate'
import LoadState from '../../components/load-state'
import PageShell from '../../components/page-shell'
import ReminderAsk from '../../components/reminder-ask'
import { shanghaiDate } from '../../domain'
import { useCurrentFiling } from '../../hooks/use-current-filing'
import { useReminderSchedule } from '../../hooks/use-reminder-schedule'
import { canRequestSubscriptions } from '../../services/subscriptions'
import CalendarCard from './calendar-card'
import PlannedReminders, { EndedReminders, isOpen } from './planned-reminders'
import QuotaCard from './quota-card'
import RemindersHead from './reminders-head'
import { useReminderAsks } from './use-reminder-asks'
import './index.scss'

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
      <RemindersHead filing={filing} canAsk={canAsk} notice={asks.notice} />
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
        <PlannedReminders
          schedule={schedule}
          open={open}
          uncovered={uncovered}
          today={today}
          canAsk={canAsk}
          asking={asks.asking}
          onAsk={asks.ask}
        />
      )}

      <EndedReminders ended={ended} today={today} />

      {!calendarFirst ? calendar : null}
      {asks.templates ? <QuotaCard templates={asks.templates} /> : null}
    </PageShell>
  )
}
