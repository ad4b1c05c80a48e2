/**
 * The reminders of one filing as the pages show them (`filings.schedule`): each with one status from the delivery
 * records, and the caller's subscription budget — which reminders the units granted so far cover, and what one more
 * accepted request would add.
 */
import type { RecipientRole, ReminderKind, TemplateKind } from '../domain/types'
import { reminderLabel } from '../filing/reminders/labels'
import { api } from './api'
import type { Envelope, FilingSchedule } from './api-types'

export type ReminderStatus = 'scheduled' | 'not_covered' | 'sent' | 'not_sent' | 'not_needed'

export interface ScheduleItem {
  key: string
  kind: ReminderKind
  /** Plain Chinese name of the reminder. */
  label?: string
  template: TemplateKind
  dueAt: string
  recipientRole: RecipientRole
  mine: boolean
  status: ReminderStatus
  sentAt?: string
  /** Why it will not arrive / was not sent / is not needed any more. */
  reason?: string
}

export interface ReminderBudget {
  /** How many of my pending reminders are critical (the SMS window's warnings, the 管局 result), and covered. */
  critical: number
  criticalCovered: number
  /** The templates one more accepted request would add (at most three). */
  ask: TemplateKind[]
  /** The reminders that request would cover, by name. */
  askCovers: string[]
}

export interface Schedule {
  reminders: ScheduleItem[]
  budget?: ReminderBudget
}

type Raw = Record<string, unknown>

/** A schedule from a back end without per-reminder status (before issue 10) reads as the same statuses. */
function legacyStatus(item: Raw): ReminderStatus {
  switch (item.state) {
    case 'sent':
      return 'sent'
    case 'expired':
    case 'failed':
    case 'no_quota':
      return 'not_sent'
    default:
      return item.permitted ? 'scheduled' : 'not_covered'
  }
}

/** Without the back end's budget: ask for the templates of my uncovered reminders, in due order (at most three). */
function fallbackBudget(reminders: ScheduleItem[]): ReminderBudget {
  const uncovered = reminders.filter((r) => r.mine && r.status === 'not_covered')
  const ask = [...new Set(uncovered.map((r) => r.template))].slice(0, 3)
  return {
    critical: 0,
    criticalCovered: 0,
    ask,
    askCovers: uncovered.filter((r) => ask.includes(r.template)).map(reminderLabel)
  }
}

export function readSchedule(data: FilingSchedule): Schedule {
  const raw = data as unknown as { reminders: Raw[]; budget?: ReminderBudget }
  const reminders = raw.reminders.map((item) => ({
    ...(item as unknown as ScheduleItem),
    status: (item.status as ReminderStatus | undefined) ?? legacyStatus(item)
  }))
  return { reminders, budget: raw.budget ?? fallbackBudget(reminders) }
}

export async function loadSchedule(id: string): Promise<Envelope<Schedule>> {
  const res = await api.filings.schedule({ id })
  return res.ok ? { ok: true, data: readSchedule(res.data) } : res
}
