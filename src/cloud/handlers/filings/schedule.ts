import { CRITICAL_KINDS, REMINDER_LABELS, budgetReminders, nextAsk } from '../../../domain/reminder-budget'
import { REMINDER_TEMPLATES } from '../../../domain/reminders'
import type { TemplateKind } from '../../../domain/types'
import { defineAction } from '../../context'
import { COLLECTIONS, type DeliveryRecord, type SubscriptionRecord } from '../../records'
import { filingsSchemas } from '../../schemas'
import { loadVisibleFiling } from '../access'
import { budgetItem, openDeliveriesOf, subscriptionId } from '../subscriptions/quota'

/** What a user sees of one reminder, derived from its delivery record alone. */
export type ReminderStatus = 'scheduled' | 'not_covered' | 'sent' | 'not_sent' | 'not_needed'

const TEMPLATE_KINDS: TemplateKind[] = ['sms_deadline', 'review_progress', 'todo_reminder']

const CLOSED_REASONS: Partial<Record<DeliveryRecord['state'], [ReminderStatus, string]>> = {
  no_quota: ['not_sent', '到时没有可用的提醒授权，未发送'],
  expired: ['not_sent', '已过了有用的时间，未发送'],
  failed: ['not_sent', '平台未能送达'],
  cancelled: ['not_needed', '备案已进入下一步，不再需要']
}

function statusOf(d: DeliveryRecord, covered: boolean, mine: boolean): { status: ReminderStatus; reason?: string } {
  if (d.state === 'sent') return { status: 'sent' }
  const closed = CLOSED_REASONS[d.state]
  if (closed) return { status: closed[0], reason: closed[1] }
  if (covered) return { status: 'scheduled' }
  const title = REMINDER_TEMPLATES[d.template].title
  return {
    status: 'not_covered',
    reason: mine ? `还需允许一次「${title}」才能收到` : `对方还没有允许「${title}」`
  }
}

/**
 * The reminders of one filing and what will become of each, from the delivery records (one truth), with the budget:
 * which of the caller's reminders their granted units cover and what one more accepted request would add. The owner
 * sees every recipient's (by role, no ids); an invitee sees only their own.
 */
export const filingSchedule = defineAction(filingsSchemas.schedule, async (ctx, input) => {
  const { record, access } = await loadVisibleFiling(ctx, input.id)
  const store = ctx.deps.store
  const nowMs = ctx.now.getTime()
  const deliveries = await store
    .collection<DeliveryRecord>(COLLECTIONS.deliveries)
    .find({ filingId: record._id }, { orderBy: { field: 'nextAttemptAt', direction: 'asc' } })
  const visible = access === 'owner' ? deliveries : deliveries.filter((d) => d.recipientId === ctx.userId)

  // Units are per user across all their filings: each recipient's budget is computed over everything they await
  const coveredIds = new Set<string>()
  const mineOpen: ReturnType<typeof budgetItem>[] = []
  let myUnits: Partial<Record<TemplateKind, number>> = {}
  for (const recipientId of new Set(visible.map((d) => d.recipientId))) {
    const open = (await openDeliveriesOf(store, recipientId, nowMs)).map(budgetItem)
    const subs = await store.collection<SubscriptionRecord>(COLLECTIONS.subscriptions)
    const units: Partial<Record<TemplateKind, number>> = {}
    for (const t of TEMPLATE_KINDS) units[t] = (await subs.get(subscriptionId(recipientId, t)))?.quota ?? 0
    for (const id of budgetReminders(open, units)) coveredIds.add(id)
    if (recipientId === ctx.userId) {
      mineOpen.push(...open)
      myUnits = units
    }
  }

  const reminders = visible.map((d) => {
    const mine = d.recipientId === ctx.userId
    return {
      key: d.key,
      kind: d.kind,
      label: REMINDER_LABELS[d.kind],
      template: d.template,
      dueAt: d.dueAt,
      recipientRole: d.recipientRole,
      mine,
      ...statusOf(d, coveredIds.has(d._id), mine),
      sentAt: d.sentAt
    }
  })
  const myCritical = mineOpen.filter((i) => CRITICAL_KINDS.has(i.kind))
  const ask = nextAsk(mineOpen, myUnits)
  return {
    filingId: record._id,
    access,
    reminders,
    budget: {
      critical: myCritical.length,
      criticalCovered: myCritical.filter((i) => coveredIds.has(i.key)).length,
      ask: ask.templates,
      askCovers: ask.covers.map((i) => REMINDER_LABELS[i.kind])
    }
  }
})
