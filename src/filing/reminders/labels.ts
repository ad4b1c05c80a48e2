import type { RecipientRole, ReminderKind } from '../../domain/types'
import { REMINDER_LABELS } from '../../domain/reminder-budget'

/** What each planned reminder is about (one list, kept with the budget in the domain). */
export { REMINDER_LABELS as REMINDER_KIND_LABELS } from '../../domain/reminder-budget'

export const RECIPIENT_LABELS: Record<RecipientRole, string> = {
  owner: '备案创建者',
  owner_principal: '主体负责人',
  app_principal: '小程序负责人'
}

/** A reminder's plain name: the back end's label, else the domain's. */
export const reminderLabel = (item: { kind: ReminderKind; label?: string }) => item.label ?? REMINDER_LABELS[item.kind]
