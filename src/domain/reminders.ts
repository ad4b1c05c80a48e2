/**
 * The reminder plan of one filing: which subscription messages to send, when, and with what fields. Keys are
 * deterministic (filing + kind + the stage entry they belong to), so planning again gives the same keys and a sender
 * that records sent keys never sends twice. Fields already respect WeChat's limits and never carry an ID number, a
 * phone number or a person's name: only the mini-program's name, truncated.
 */
import type { Filing, Reminder, ReminderKind, RecipientRole, TemplateKind } from './types'
import { FILING_PACKAGE, TAB_PAGES } from '../constants/routes'
import { PLATFORMS } from './rules/platforms'
import { currentEntry, smsReceivedAt, stageEtas } from './stages'
import {
  addDays,
  addHours,
  addMonths,
  formatWechatDate,
  formatWechatTime,
  isValidDate,
  parseInstant,
  shanghaiDate,
  shanghaiInstant
} from './time'
import { addWorkingDays } from './calendar'
import { maskPersonalData } from './personal-data'

export type TemplateFieldType = 'thing' | 'phrase' | 'time' | 'character_string' | 'date'

export interface ReminderTemplate {
  title: string
  fields: { key: string; type: TemplateFieldType; label: string }[]
}

export const REMINDER_TEMPLATES: Record<TemplateKind, ReminderTemplate> = {
  sms_deadline: {
    title: '备案短信核验提醒',
    fields: [
      { key: 'thing1', type: 'thing', label: '小程序名称' },
      { key: 'time2', type: 'time', label: '核验截止时间' },
      { key: 'thing3', type: 'thing', label: '温馨提示' }
    ]
  },
  review_progress: {
    title: '备案审核进度提醒',
    fields: [
      { key: 'thing1', type: 'thing', label: '小程序名称' },
      { key: 'phrase2', type: 'phrase', label: '审核阶段' },
      { key: 'date3', type: 'date', label: '预计完成日期' },
      { key: 'thing4', type: 'thing', label: '备注' }
    ]
  },
  todo_reminder: {
    title: '备案待办提醒',
    fields: [
      { key: 'thing1', type: 'thing', label: '待办事项' },
      { key: 'thing2', type: 'thing', label: '小程序名称' },
      { key: 'thing3', type: 'thing', label: '说明' }
    ]
  }
}

/** WeChat's limits per field type (subscribeMessage.send). */
export const FIELD_LIMITS: Record<TemplateFieldType, { maxLength: number; pattern?: RegExp }> = {
  thing: { maxLength: 20 },
  phrase: { maxLength: 5, pattern: /^[\u4e00-\u9fa5]{1,5}$/ },
  character_string: { maxLength: 32, pattern: /^[A-Za-z0-9\-_.:/#]{1,32}$/ },
  time: { maxLength: 20, pattern: /^\d{4}年\d{1,2}月\d{1,2}日 \d{2}:\d{2}$/ },
  date: { maxLength: 11, pattern: /^\d{4}年\d{1,2}月\d{1,2}日$/ }
}

export function isValidFieldValue(type: TemplateFieldType, value: string): boolean {
  const limit = FIELD_LIMITS[type]
  return !!value && Array.from(value).length <= limit.maxLength && (!limit.pattern || limit.pattern.test(value))
}

/**
 * Truncates free text to a `thing` (≤ 20 characters) and masks phone, ID and credit-code numbers and other long digit
 * runs, however they are written (spaces, dashes, full-width digits: see personal-data).
 */
export function toThing(value: string): string {
  const v = maskPersonalData(value.replace(/\s+/g, ' ').trim())
  const chars = Array.from(v)
  return chars.length <= 20 ? v : `${chars.slice(0, 19).join('')}…`
}

export const SMS_REMINDER_OFFSETS_HOURS = { sms_window_12h: 12, sms_window_20h: 20 } as const
/** A draft untouched this long gets a nudge. */
export const STALE_DRAFT_HOURS = 72
/** Review reminders are sent at this Shanghai hour on the day they concern. */
export const REVIEW_REMINDER_HOUR = 10

const SMS_RECIPIENTS: RecipientRole[] = ['owner', 'owner_principal', 'app_principal']
const OWNER_ONLY: RecipientRole[] = ['owner']

/** Which subscription template carries each reminder. */
export const REMINDER_TEMPLATE_OF: Record<ReminderKind, TemplateKind> = {
  sms_window_open: 'sms_deadline',
  sms_window_12h: 'sms_deadline',
  sms_window_20h: 'sms_deadline',
  platform_review_eta: 'review_progress',
  platform_review_overdue: 'review_progress',
  admin_review_eta: 'review_progress',
  admin_review_overdue: 'review_progress',
  certificate_expiring: 'todo_reminder',
  stale_draft: 'todo_reminder',
  principal_update: 'review_progress'
}

const CERTIFICATE_FIELDS = [
  {
    path: 'owner.certificateValidUntil',
    label: '主办单位证件',
    get: (f: Filing) => f.form.owner.certificateValidUntil
  },
  {
    path: 'ownerPrincipal.idValidUntil',
    label: '主体负责人证件',
    get: (f: Filing) => f.form.ownerPrincipal.idValidUntil
  },
  { path: 'appPrincipal.idValidUntil', label: '小程序负责人证件', get: (f: Filing) => f.form.appPrincipal.idValidUntil }
]

function appName(filing: Filing): string {
  return toThing(filing.form.miniProgram.name || filing.profile.texts?.appName || '你的小程序')
}

export function planReminders(filing: Filing, now: string): Reminder[] {
  const nowMs = parseInstant(now)
  const { progress, profile } = filing
  const entry = currentEntry(progress)
  const name = appName(filing)
  const progressPage = `${TAB_PAGES.progress}?id=${encodeURIComponent(filing.id)}`
  const selfCheckPage = `${FILING_PACKAGE.root}/${FILING_PACKAGE.pages.selfCheck}?id=${encodeURIComponent(filing.id)}`
  const out: Reminder[] = []

  const add = (
    kind: ReminderKind,
    keyPart: string,
    dueAt: string,
    fields: Record<string, string>,
    page: string,
    recipients: RecipientRole[] = OWNER_ONLY,
    expiresAt?: string
  ) => {
    if (expiresAt && parseInstant(expiresAt) <= nowMs) return
    const r: Reminder = {
      key: `${filing.id}:${kind}:${keyPart}`,
      filingId: filing.id,
      kind,
      template: REMINDER_TEMPLATE_OF[kind],
      recipients,
      dueAt,
      fields,
      page
    }
    if (expiresAt) r.expiresAt = expiresAt
    out.push(r)
  }

  if (progress.stage === 'sms_verification' && entry && progress.smsDeadline) {
    const deadline = progress.smsDeadline
    const arrival = smsReceivedAt(progress)!
    const learnedAt = parseInstant(entry.recordedAt ?? entry.at)
    const time2 = formatWechatTime(deadline)
    // "The text has arrived" tells the one who reported it nothing: only the others hear it (all, when the platform
    // told us)
    const toldBy = entry.source === 'platform' ? undefined : (entry.by ?? 'owner')
    const othersThanReporter = SMS_RECIPIENTS.filter((r) => r !== toldBy)
    add(
      'sms_window_open',
      entry.at,
      entry.recordedAt ?? entry.at,
      { thing1: name, time2, thing3: '请在24小时内完成12381短信核验' },
      progressPage,
      othersThanReporter,
      deadline
    )
    for (const kind of ['sms_window_12h', 'sms_window_20h'] as const) {
      const due = addHours(arrival, SMS_REMINDER_OFFSETS_HOURS[kind])
      // Already past when we learned of the SMS: the countdown in the app covers it, a late message would mislead
      if (parseInstant(due) < learnedAt) continue
      const thing3 = kind === 'sms_window_12h' ? '剩余约12小时，请尽快核验' : '仅剩约4小时，请立即核验'
      add(kind, entry.at, due, { thing1: name, time2, thing3 }, progressPage, SMS_RECIPIENTS, deadline)
    }
  }

  // The owner hears of the text from the SMS-window message above; the verification needs its own word
  if (progress.stage === 'admin_review' && entry?.by && entry.by !== 'owner') {
    add(
      'principal_update',
      entry.at,
      entry.recordedAt ?? entry.at,
      {
        thing1: name,
        phrase2: '管局审核',
        date3: formatWechatDate(shanghaiDate(entry.at)),
        thing4: '负责人已完成短信核验'
      },
      progressPage
    )
  }

  const etas = stageEtas(progress, profile, now)
  if ((progress.stage === 'platform_review' || progress.stage === 'admin_review') && entry) {
    const eta = etas.find((e) => e.stage === progress.stage)
    if (eta?.etaDate && eta.maxDate) {
      const platformStage = progress.stage === 'platform_review'
      const phrase2 = platformStage ? '平台初审' : '管局审核'
      add(
        platformStage ? 'platform_review_eta' : 'admin_review_eta',
        entry.at,
        shanghaiInstant(eta.etaDate, REVIEW_REMINDER_HOUR),
        {
          thing1: name,
          phrase2,
          date3: formatWechatDate(eta.etaDate),
          thing4: platformStage ? '预计今天出结果，留意平台来电' : '预计今天出结果，留意短信邮件'
        },
        progressPage
      )
      const overdueDay = addWorkingDays(eta.maxDate, 1)
      add(
        platformStage ? 'platform_review_overdue' : 'admin_review_overdue',
        entry.at,
        shanghaiInstant(overdueDay, REVIEW_REMINDER_HOUR),
        {
          thing1: name,
          phrase2: '审核超时',
          date3: formatWechatDate(eta.maxDate),
          thing4: platformStage ? '初审已超时，可联系平台客服' : '已超最长审核时限，可咨询管局'
        },
        progressPage
      )
    }
  }

  const inProgress = [
    'draft',
    'platform_review',
    'platform_rejected',
    'sms_verification',
    'sms_expired',
    'admin_review',
    'admin_rejected'
  ].includes(progress.stage)
  if (inProgress && entry) {
    // The app shows it the moment it is typed; the message is a nudge the next morning if it is still not fixed
    const certificateDue = shanghaiInstant(addDays(shanghaiDate(entry.recordedAt ?? entry.at), 1), REVIEW_REMINDER_HOUR)
    const approvedMax = etas.find((e) => e.stage === 'approved')?.maxDate
    const margin = PLATFORMS[profile.platform].certificateMargin.months
    if (approvedMax) {
      const limit = addMonths(approvedMax, margin)
      for (const c of CERTIFICATE_FIELDS) {
        const v = (c.get(filing) ?? '').trim()
        if (!isValidDate(v) || v > limit) continue
        add(
          'certificate_expiring',
          `${c.path}:${v}`,
          certificateDue,
          {
            thing1: toThing(`更换${c.label}`),
            thing2: name,
            thing3: toThing(`${formatWechatDate(v)}到期，备案期间不够用`)
          },
          selfCheckPage
        )
      }
    }
  }

  if (progress.stage === 'draft' && filing.updatedAt && entry) {
    // Keyed by the draft's stage entry, not by updatedAt: each edit moves the same reminder (one write) instead of
    // cancelling one and planning another, and a draft gets at most one nudge
    add(
      'stale_draft',
      entry.at,
      addHours(filing.updatedAt, STALE_DRAFT_HOURS),
      { thing1: '继续填写备案信息', thing2: name, thing3: '草稿已3天未更新，早备案早上线' },
      selfCheckPage
    )
  }
  return out
}
