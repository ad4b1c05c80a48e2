import type { RecipientRole } from '../../domain/types'

/** What each planned reminder is about (one list, kept with the budget in the domain). */
export { REMINDER_LABELS as REMINDER_KIND_LABELS } from '../../domain/reminder-budget'

export const RECIPIENT_LABELS: Record<RecipientRole, string> = {
  owner: '备案创建者',
  owner_principal: '主体负责人',
  app_principal: '小程序负责人'
}
