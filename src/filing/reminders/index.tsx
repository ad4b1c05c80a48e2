import { useCallback, useEffect, useState, type ReactNode } from 'react'
import { Text, View } from '@tarojs/components'
import { useRouter } from '@tarojs/taro'
import { Button, Tag } from '@nutui/nutui-react-taro'
import LoadState from '../../components/load-state'
import PageShell from '../../components/page-shell'
import { formatDateTime } from '../../components/stage-timeline/format'
import { REMINDER_TEMPLATES, STAGE_LABELS, shanghaiDate, toShanghaiIso } from '../../domain'
import type { TemplateKind } from '../../domain/types'
import { ROUTES } from '../../constants/routes'
import { useCurrentFiling } from '../../hooks/use-current-filing'
import { api } from '../../services/api'
import type { ErrorEnvelope, FilingSchedule, SubscriptionStatus } from '../../services/api-types'
import { openPage } from '../../services/navigation'
import { addToPhoneCalendar, calendarWay, downloadIcs } from '../../services/phone-calendar'
import {
  MAX_TEMPLATES_PER_REQUEST,
  canAskFor,
  canRequestSubscriptions,
  describeOutcome,
  loadSubscriptionStatus,
  requestStageSubscriptions
} from '../../services/subscriptions'
import { filingCalendarEvents, type CalendarEvent } from './calendar-events'
import { RECIPIENT_LABELS, REMINDER_KIND_LABELS } from './labels'
import './index.scss'

type ScheduleItem = FilingSchedule['reminders'][number]
type Loaded =
  { state: 'loading' } | { state: 'ready'; schedule: FilingSchedule } | { state: 'error'; error: ErrorEnvelope }

interface Notice {
  tone: 'success' | 'warning' | 'error'
  text: string
}

type Delivery = 'scheduled' | 'not_permitted' | 'sent' | 'failed' | 'expired'

function deliveryOf(item: ScheduleItem): Delivery {
  switch (item.state) {
    case 'sent':
      return 'sent'
    case 'expired':
      return 'expired'
    case 'failed':
      return 'failed'
    case 'no_quota':
      return 'not_permitted'
    default:
      return item.permitted ? 'scheduled' : 'not_permitted'
  }
}

const DELIVERY_TEXT: Record<Delivery, string> = {
  scheduled: '已订阅，将按时提醒',
  not_permitted: '未授权，不会收到',
  sent: '已发送',
  failed: '发送失败',
  expired: '已过期，未发送'
}

const DELIVERY_TAG: Record<Delivery, 'success' | 'danger' | 'default' | 'primary' | 'warning'> = {
  scheduled: 'success',
  not_permitted: 'danger',
  sent: 'primary',
  failed: 'warning',
  expired: 'default'
}

export default function RemindersPage() {
  const router = useRouter()
  const current = useCurrentFiling({ id: router.params?.id || undefined })
  const filing = current.filing
  const filingId = filing?.id
  const version = filing?.version
  const [loaded, setLoaded] = useState<Loaded>({ state: 'loading' })
  const [templates, setTemplates] = useState<SubscriptionStatus['templates']>()
  const [asking, setAsking] = useState(false)
  const [notice, setNotice] = useState<Notice | null>(null)
  const [added, setAdded] = useState<Record<string, boolean>>({})

  const load = useCallback(async (id: string) => {
    const [schedule, status] = await Promise.all([api.filings.schedule({ id }), loadSubscriptionStatus()])
    if (status.ok) setTemplates(status.data.templates)
    setLoaded(schedule.ok ? { state: 'ready', schedule: schedule.data } : { state: 'error', error: schedule })
  }, [])

  useEffect(() => {
    if (filingId) void load(filingId)
  }, [filingId, version, load])

  /** From the tap itself: the subscription dialog opens only inside a user's tap. */
  function ask(kinds: TemplateKind[]) {
    if (asking || !filingId) return
    const asked = requestStageSubscriptions(kinds)
    setAsking(true)
    void asked.then(async (outcome) => {
      setNotice({
        tone:
          outcome.state === 'answered' && outcome.results.every((r) => r.result === 'accept') ? 'success' : 'warning',
        text: describeOutcome(outcome)
      })
      await load(filingId)
      setAsking(false)
    })
  }

  function addEvent(event: CalendarEvent) {
    const adding = addToPhoneCalendar(event)
    void adding.then((res) => {
      if (res.ok) setAdded((a) => ({ ...a, [event.uid]: true }))
      else if (!res.cancelled) setNotice({ tone: 'error', text: res.message })
    })
  }

  if (!filing) {
    return (
      <PageShell className='reminders'>
        <LoadState
          state={current.state === 'ready' ? 'loading' : current.state}
          error={current.state === 'error' ? current.error : undefined}
          onRetry={() => void current.reload()}
          emptyTitle='还没有备案'
          emptyDescription='新建备案并提交后，这里会列出每个阶段的提醒。'
          emptyAction={
            <Button type='primary' block onClick={() => openPage(ROUTES.wizard)}>
              新建备案
            </Button>
          }
        />
      </PageShell>
    )
  }

  const nowIso = toShanghaiIso(Date.now())
  const today = shanghaiDate(nowIso)
  const events = filingCalendarEvents(filing, nowIso)
  const way = calendarWay()
  const canAsk = canRequestSubscriptions()
  const items = loaded.state === 'ready' ? loaded.schedule.reminders : []
  const open = items.filter((i) => ['scheduled', 'not_permitted'].includes(deliveryOf(i)))
  const done = items.filter((i) => !['scheduled', 'not_permitted'].includes(deliveryOf(i)))
  const missing = open.filter((i) => deliveryOf(i) === 'not_permitted')
  const missingMine = [...new Set(missing.filter((i) => i.mine).map((i) => i.template))].slice(
    0,
    MAX_TEMPLATES_PER_REQUEST
  )
  const fallbackFirst = !canAsk || missing.length > 0

  const calendarCard = (
    <View className={`card reminders-calendar ${fallbackFirst ? 'reminders-calendar--prominent' : ''}`}>
      <Text className='reminders__card-title'>添加到手机日历</Text>
      <Text className='muted'>
        {canAsk
          ? '订阅消息可能被关闭或漏看：把关键时间也放进手机日历，到点由手机提醒。'
          : '这里收不到订阅消息：把关键时间放进手机日历，到点由手机提醒。'}
      </Text>
      {events.length === 0 ? (
        <Text className='reminders__empty'>
          当前阶段没有要记的时间；提交备案、收到 12381 短信后，这里会出现截止时间和预计日期。
        </Text>
      ) : (
        events.map((e) => (
          <View key={e.uid} className='reminders-event'>
            <View className='reminders-event__body'>
              <Text className='reminders-event__title'>{e.title}</Text>
              <Text className='reminders-event__when'>{formatDateTime(e.start, today)}</Text>
            </View>
            {way === 'phone' ? (
              <Button
                className='reminders-event__add'
                size='small'
                type='primary'
                fill={added[e.uid] ? 'outline' : 'solid'}
                disabled={added[e.uid]}
                onClick={() => addEvent(e)}
              >
                {added[e.uid] ? '已添加' : '添加'}
              </Button>
            ) : null}
          </View>
        ))
      )}
      {way === 'ics' && events.length ? (
        <Button
          className='reminders__download'
          type='primary'
          block
          onClick={() => {
            if (downloadIcs(events, toShanghaiIso(Date.now())))
              setNotice({ tone: 'success', text: '已下载 beian-reminders.ics：打开它即可导入手机或电脑的日历。' })
          }}
        >
          下载日历文件（.ics）
        </Button>
      ) : null}
      {way === 'none' && events.length ? (
        <Text className='muted'>当前环境不能直接写入日历，请手动记下上面的时间。</Text>
      ) : null}
    </View>
  )

  return (
    <PageShell className='reminders'>
      <View className='card reminders__head'>
        <Text className='reminders__title'>{filing.title || '我的备案'}</Text>
        <Text className='muted'>当前阶段：{STAGE_LABELS[filing.progress.stage]}</Text>
        {canAsk ? (
          <Text className='reminders__explain'>
            订阅消息是一次性的：每允许一次，只能收到一条同类提醒。同类提醒有几条，就需要允许几次。
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

      {fallbackFirst ? calendarCard : null}

      <Text className='section-title'>计划中的提醒</Text>
      {loaded.state !== 'ready' ? (
        <LoadState
          state={loaded.state}
          error={loaded.state === 'error' ? loaded.error : undefined}
          onRetry={() => void load(filing.id)}
          rows={3}
        />
      ) : (
        <View className='card'>
          {open.length === 0 ? (
            <Text className='reminders__empty'>这个阶段没有计划中的提醒。</Text>
          ) : (
            <Text className='reminders__summary'>
              {open.length - missing.length} 条会按时送达
              {missing.length ? `，${missing.length} 条因为没有授权不会收到` : ''}
            </Text>
          )}
          {missingMine.length && canAsk ? (
            <Button
              className='reminders__ask-all'
              type='primary'
              block
              disabled={asking || !canAskFor(missingMine)}
              loading={asking}
              onClick={() => ask(missingMine)}
            >
              允许这些提醒
            </Button>
          ) : null}
          {open.map((item) => (
            <ReminderRow key={`${item.key}-${item.recipientRole}`} item={item} today={today}>
              {deliveryOf(item) === 'not_permitted' && item.mine && canAsk ? (
                <Button
                  className='reminders-item__ask'
                  size='small'
                  type='primary'
                  fill='outline'
                  disabled={asking || !canAskFor([item.template])}
                  onClick={() => ask([item.template])}
                >
                  允许提醒
                </Button>
              ) : null}
              {deliveryOf(item) === 'not_permitted' && !item.mine ? (
                <Text className='reminders-item__hint'>需要对方在自己的手机上打开备案助手并允许提醒</Text>
              ) : null}
            </ReminderRow>
          ))}
        </View>
      )}

      {done.length ? (
        <>
          <Text className='section-title'>已结束的提醒</Text>
          <View className='card'>
            {done.map((item) => (
              <ReminderRow key={`${item.key}-${item.recipientRole}`} item={item} today={today} />
            ))}
          </View>
        </>
      ) : null}

      {!fallbackFirst ? calendarCard : null}

      {templates ? (
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
      ) : null}
    </PageShell>
  )
}

function ReminderRow({ item, today, children }: { item: ScheduleItem; today: string; children?: ReactNode }) {
  const delivery = deliveryOf(item)
  const to = item.mine ? '你' : RECIPIENT_LABELS[item.recipientRole]
  return (
    <View className={`reminders-item reminders-item--${delivery}`}>
      <View className='reminders-item__head'>
        <Text className='reminders-item__title'>{REMINDER_KIND_LABELS[item.kind]}</Text>
        <Tag className='reminders-item__state' type={DELIVERY_TAG[delivery]}>
          {DELIVERY_TEXT[delivery]}
        </Tag>
      </View>
      <Text className='reminders-item__meta'>
        {delivery === 'sent' && item.sentAt
          ? `${formatDateTime(item.sentAt, today)} 已发给${to}`
          : `${formatDateTime(item.dueAt, today)} 提醒${to}`}
        {' · '}
        {REMINDER_TEMPLATES[item.template].title}
      </Text>
      {children}
    </View>
  )
}
