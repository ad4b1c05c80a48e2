/**
 * Subscription units are scarce: every accepted request allows ONE message of each template it named (WeChat and
 * Douyin alike). The budget spends them where a missed message costs most — the last and the middle warning before
 * the 24-hour SMS deadline, then the 管局 result, then to-dos — instead of on whatever happens to fall due first.
 */
import type { ReminderKind, TemplateKind } from './types'

/** Lower = more important. */
export const REMINDER_PRIORITY: Record<ReminderKind, number> = {
  sms_window_20h: 1,
  sms_window_12h: 2,
  sms_window_open: 3,
  admin_review_eta: 4,
  admin_review_overdue: 5,
  platform_review_eta: 6,
  platform_review_overdue: 7,
  principal_update: 8,
  certificate_expiring: 9,
  stale_draft: 10
}

/** Missing one of these can make the whole filing start over: the app keeps asking until they are covered. */
export const CRITICAL_KINDS: ReadonlySet<ReminderKind> = new Set(['sms_window_20h', 'sms_window_12h'])

/** What each reminder is about, in the words the 提醒 page uses. */
export const REMINDER_LABELS: Record<ReminderKind, string> = {
  sms_window_open: '收到12381短信：24小时内完成核验',
  sms_window_12h: '短信核验剩约12小时',
  sms_window_20h: '短信核验仅剩约4小时',
  platform_review_eta: '平台初审预计出结果',
  platform_review_overdue: '平台初审超时提醒',
  admin_review_eta: '管局审核预计出结果',
  admin_review_overdue: '管局审核超时提醒',
  certificate_expiring: '证件快到期，需要更换',
  stale_draft: '草稿3天没有更新',
  principal_update: '负责人更新了备案进度'
}

export interface BudgetItem {
  key: string
  kind: ReminderKind
  template: TemplateKind
  dueAt: string
  /** A unit is already held for it (taken before a send that has not finished): it needs no other. */
  unitHeld?: boolean
}

export type Units = Partial<Record<TemplateKind, number>>

/** Most important first; ties go to the one due first, then by key so the order is total. */
export function byImportance(a: BudgetItem, b: BudgetItem): number {
  return (
    REMINDER_PRIORITY[a.kind] - REMINDER_PRIORITY[b.kind] ||
    (a.dueAt < b.dueAt ? -1 : a.dueAt > b.dueAt ? 1 : 0) ||
    (a.key < b.key ? -1 : a.key > b.key ? 1 : 0)
  )
}

/**
 * The keys of one recipient's pending reminders that the units cover: per template, the most important ones first.
 * A reminder whose unit is already held is covered and uses none of the free units.
 */
export function budgetReminders(pending: readonly BudgetItem[], units: Units): Set<string> {
  const left = new Map<TemplateKind, number>(Object.entries(units) as [TemplateKind, number][])
  const covered = new Set<string>()
  for (const item of [...pending].sort(byImportance)) {
    if (item.unitHeld) {
      covered.add(item.key)
      continue
    }
    const free = left.get(item.template) ?? 0
    if (free > 0) {
      covered.add(item.key)
      left.set(item.template, free - 1)
    }
  }
  return covered
}

export interface NextAsk {
  /** Templates one more accepted request should name (at most three: the platforms' limit per request). */
  templates: TemplateKind[]
  /** The reminders that request would cover, most important first. */
  covers: BudgetItem[]
}

export const MAX_TEMPLATES_PER_REQUEST = 3

/**
 * What one more tap should ask for: one unit of each template whose most important uncovered reminder matters most,
 * up to three templates — each accepted template adds exactly one unit.
 */
export function nextAsk(pending: readonly BudgetItem[], units: Units): NextAsk {
  const covered = budgetReminders(pending, units)
  const templates: TemplateKind[] = []
  const covers: BudgetItem[] = []
  for (const item of [...pending].sort(byImportance)) {
    if (covered.has(item.key) || templates.includes(item.template)) continue
    if (templates.length === MAX_TEMPLATES_PER_REQUEST) break
    templates.push(item.template)
    covers.push(item)
  }
  return { templates, covers }
}
