/**
 * The dates worth putting in the phone's calendar when a subscription message may not arrive: the SMS deadline
 * above all, and the expected review results. Keys follow the reminder keys (filing + kind + stage entry), so the
 * same event imported twice updates instead of duplicating.
 */
import {
  REVIEW_REMINDER_HOUR,
  STAGE_LABELS,
  currentEntry,
  parseInstant,
  shanghaiDate,
  shanghaiInstant,
  stageEtas,
  type IcsEvent
} from '../../domain'
import type { Filing } from '../../domain/types'
import { formatDay } from '../../components/stage-timeline/format'

export type CalendarEventKind = 'sms_deadline' | 'platform_review_eta' | 'admin_review_eta'

export interface CalendarEvent extends IcsEvent {
  kind: CalendarEventKind
}

/** The SMS deadline alarm rings this long before it: time enough to reach the principal and verify. */
export const SMS_ALARM_MINUTES = 4 * 60

const ACTIVE: Filing['progress']['stage'][] = ['platform_review', 'sms_verification', 'admin_review']

export function filingCalendarEvents(
  filing: Pick<Filing, 'id' | 'title' | 'form' | 'progress' | 'profile'>,
  now: string
): CalendarEvent[] {
  const { progress, profile } = filing
  const entry = currentEntry(progress)
  if (!entry || !ACTIVE.includes(progress.stage)) return []
  const nowMs = parseInstant(now)
  const name = filing.form.miniProgram.name || filing.title || '小程序'
  const events: CalendarEvent[] = []

  if (progress.stage === 'sms_verification' && progress.smsDeadline && parseInstant(progress.smsDeadline) > nowMs) {
    events.push({
      kind: 'sms_deadline',
      uid: `${filing.id}:calendar:sms_deadline:${entry.at}@beian-assistant`,
      title: `12381短信核验截止（${name}）`,
      start: progress.smsDeadline,
      description:
        `${name}的备案：12381 的短信要在此时间前核验。打开短信里的链接（工信部备案系统 beian.miit.gov.cn），` +
        '输入验证码完成核验；超时会被自动退回，整个备案要重新提交。',
      alarmMinutesBefore: SMS_ALARM_MINUTES
    })
  }

  const today = shanghaiDate(now)
  for (const eta of stageEtas(progress, profile, now)) {
    if (eta.done || !eta.etaDate) continue
    if (eta.stage !== 'platform_review' && eta.stage !== 'admin_review') continue
    const start = shanghaiInstant(eta.etaDate, REVIEW_REMINDER_HOUR)
    if (parseInstant(start) <= nowMs) continue
    const range =
      eta.minDate && eta.maxDate ? `最早 ${formatDay(eta.minDate, today)}，最晚 ${formatDay(eta.maxDate, today)}` : ''
    events.push({
      kind: eta.stage === 'platform_review' ? 'platform_review_eta' : 'admin_review_eta',
      uid: `${filing.id}:calendar:${eta.stage}_eta:${entry.at}@beian-assistant`,
      title: `预计${STAGE_LABELS[eta.stage]}出结果（${name}）`,
      start,
      description:
        `${name}的备案预计今天${STAGE_LABELS[eta.stage]}出结果（按工作日推算${range ? `，${range}` : ''}）。` +
        '有结果后打开备案助手更新进度。',
      alarmMinutesBefore: 0
    })
  }
  return events
}
