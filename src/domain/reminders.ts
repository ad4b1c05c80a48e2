/**
 * The reminder plan of one filing: which subscription messages to send, when, and with what fields. Keys are
 * deterministic (filing + kind + the stage entry they belong to), so planning again gives the same keys and a sender
 * that records sent keys never sends twice. Fields already respect WeChat's limits and never carry an ID number, a
 * phone number or a person's name: only the mini-program's name, truncated.
 */
import {
  STAGES,
  type Filing,
  type Reminder,
  type ReminderKind,
  type RecipientRole,
  type Stage,
  type StageEntry,
  type TemplateKind
} from './types'
import { FILING_PACKAGE, TAB_PAGES } from '../constants/routes'
import { PLATFORMS } from './rules/platforms'
import { currentEntry, smsReceivedAt, stageEtas, type StageEta } from './stages'
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
import { toThing } from './reminder-templates'

export * from './reminder-templates'

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

/** What every planning step needs: the filing's current stage entry, its pages, and a sink that keys reminders. */
interface PlanContext {
  filing: Filing
  entry: StageEntry
  name: string
  progressPage: string
  selfCheckPage: string
  etas: StageEta[]
  add: (
    kind: ReminderKind,
    keyPart: string,
    dueAt: string,
    fields: Record<string, string>,
    page: string,
    recipients?: RecipientRole[],
    expiresAt?: string
  ) => void
}

export function planReminders(filing: Filing, now: string): Reminder[] {
  const nowMs = parseInstant(now)
  const entry = currentEntry(filing.progress)
  const out: Reminder[] = []
  // Every step below needs the stage entry the reminders are keyed by: without one there is nothing to plan
  if (!entry) return out
  const ctx: PlanContext = {
    filing,
    entry,
    name: appName(filing),
    progressPage: `${TAB_PAGES.progress}?id=${encodeURIComponent(filing.id)}`,
    selfCheckPage: `${FILING_PACKAGE.root}/${FILING_PACKAGE.pages.selfCheck}?id=${encodeURIComponent(filing.id)}`,
    etas: stageEtas(filing.progress, filing.profile, now),
    add: (kind, keyPart, dueAt, fields, page, recipients = OWNER_ONLY, expiresAt) => {
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
  }
  planSmsWindow(ctx)
  planPrincipalUpdate(ctx)
  planReviewEtas(ctx)
  planCertificateExpiry(ctx)
  planStaleDraft(ctx)
  return out
}

/** The 24-hour SMS window: word that the text arrived, then nudges at 12 h and 20 h until the deadline. */
function planSmsWindow({ filing, entry, name, progressPage, add }: PlanContext): void {
  const { progress } = filing
  if (progress.stage !== 'sms_verification' || !progress.smsDeadline) return
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

/** The owner hears of the text from the SMS-window message above; the verification needs its own word. */
function planPrincipalUpdate({ filing, entry, name, progressPage, add }: PlanContext): void {
  if (filing.progress.stage !== 'admin_review' || !entry.by || entry.by === 'owner') return
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

/** A review stage: word on the expected day, and again the working day after the longest review time. */
function planReviewEtas({ filing, entry, name, progressPage, etas, add }: PlanContext): void {
  const stage = filing.progress.stage
  if (stage !== 'platform_review' && stage !== 'admin_review') return
  const eta = etas.find((e) => e.stage === stage)
  if (!eta?.etaDate || !eta.maxDate) return
  const platformStage = stage === 'platform_review'
  add(
    platformStage ? 'platform_review_eta' : 'admin_review_eta',
    entry.at,
    shanghaiInstant(eta.etaDate, REVIEW_REMINDER_HOUR),
    {
      thing1: name,
      phrase2: platformStage ? '平台初审' : '管局审核',
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

const STAGES_BEFORE_APPROVAL: readonly Stage[] = STAGES.filter((s) => s !== 'approved' && s !== 'cancelled')

/** A certificate that runs out before approval plus the platform's margin must be replaced before it is filed. */
function planCertificateExpiry({ filing, entry, name, selfCheckPage, etas, add }: PlanContext): void {
  if (!STAGES_BEFORE_APPROVAL.includes(filing.progress.stage)) return
  // The app shows it the moment it is typed; the message is a nudge the next morning if it is still not fixed
  const certificateDue = shanghaiInstant(addDays(shanghaiDate(entry.recordedAt ?? entry.at), 1), REVIEW_REMINDER_HOUR)
  const approvedMax = etas.find((e) => e.stage === 'approved')?.maxDate
  if (!approvedMax) return
  const limit = addMonths(approvedMax, PLATFORMS[filing.profile.platform].certificateMargin.months)
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

function planStaleDraft({ filing, entry, name, selfCheckPage, add }: PlanContext): void {
  if (filing.progress.stage !== 'draft' || !filing.updatedAt) return
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
