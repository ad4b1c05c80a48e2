import { useState } from 'react'
import { Text, View } from '@tarojs/components'
import { Button } from '@nutui/nutui-react-taro'
import { formatDateTime } from '../../components/stage-timeline/format'
import { shanghaiDate, toShanghaiIso } from '../../domain'
import type { Filing } from '../../domain/types'
import { addToPhoneCalendar, calendarWay, downloadIcs } from '../../services/phone-calendar'
import { filingCalendarEvents, type CalendarEvent } from './calendar-events'

interface CalendarCardProps {
  filing: Filing
  /** Subscription messages can be asked for here (else the calendar is the only way). */
  canAsk: boolean
  /** Shown first and highlighted: some reminder will not arrive as a message. */
  prominent: boolean
  onNotice(tone: 'success' | 'error', text: string): void
}

/** The calendar fallback: the filing's key times into the phone's calendar, or as an .ics file in the browser. */
export default function CalendarCard({ filing, canAsk, prominent, onNotice }: CalendarCardProps) {
  const [added, setAdded] = useState<Record<string, boolean>>({})
  const nowIso = toShanghaiIso(Date.now())
  const today = shanghaiDate(nowIso)
  const events = filingCalendarEvents(filing, nowIso)
  const way = calendarWay()

  function addEvent(event: CalendarEvent) {
    void addToPhoneCalendar(event).then((res) => {
      if (res.ok) setAdded((a) => ({ ...a, [event.uid]: true }))
      else if (!res.cancelled) onNotice('error', res.message)
    })
  }

  return (
    <View className={`card reminders-calendar ${prominent ? 'reminders-calendar--prominent' : ''}`}>
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
              onNotice('success', '已下载 beian-reminders.ics：打开它即可导入手机或电脑的日历。')
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
}
