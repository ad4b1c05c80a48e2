import type { RecipientRole, ReminderKind } from '../../domain/types'

/** What each planned reminder is about, as the 提醒 page lists it. */
export const REMINDER_KIND_LABELS: Partial<Record<ReminderKind, string>> = {
  sms_window_open: '收到12381短信：24小时内完成核验',
  sms_window_12h: '短信核验剩约12小时',
  sms_window_20h: '短信核验仅剩约4小时',
  platform_review_eta: '平台初审预计出结果',
  platform_review_overdue: '平台初审超时提醒',
  admin_review_eta: '管局审核预计出结果',
  admin_review_overdue: '管局审核超时提醒',
  certificate_expiring: '证件快到期，需要更换',
  stale_draft: '草稿3天没有更新'
}

export const RECIPIENT_LABELS: Record<RecipientRole, string> = {
  owner: '备案创建者',
  owner_principal: '主体负责人',
  app_principal: '小程序负责人'
}

/** A reminder's plain name: the back end's label, else ours. */
export const reminderLabel = (item: { kind: ReminderKind; label?: string }) =>
  item.label ?? REMINDER_KIND_LABELS[item.kind] ?? item.kind
