import { defineAction } from '../../context'
import { COLLECTIONS, type DeliveryRecord, type SubscriptionRecord } from '../../records'
import { subscriptionId } from '../subscriptions/quota'
import { filingsSchemas } from '../../schemas'
import { loadVisibleFiling } from '../access'

/**
 * The reminders of one filing and whether each can arrive. The owner sees every recipient's (by role, no ids);
 * an invitee sees only their own.
 */
export const filingSchedule = defineAction(filingsSchemas.schedule, async (ctx, input) => {
  const { record, access } = await loadVisibleFiling(ctx, input.id)
  const deliveries = await ctx.deps.store
    .collection<DeliveryRecord>(COLLECTIONS.deliveries)
    .find({ filingId: record._id }, { orderBy: { field: 'nextAttemptAt', direction: 'asc' } })
  const visible = access === 'owner' ? deliveries : deliveries.filter((d) => d.recipientId === ctx.userId)
  const subscriptions = ctx.deps.store.collection<SubscriptionRecord>(COLLECTIONS.subscriptions)
  // one accepted request = one message: hand the remaining quota out to the pending reminders in due order
  const remaining = new Map<string, number>()
  const takeQuota = async (userId: string, template: DeliveryRecord['template']) => {
    const id = subscriptionId(userId, template)
    if (!remaining.has(id)) remaining.set(id, (await subscriptions.get(id))?.quota ?? 0)
    const left = remaining.get(id)!
    if (left > 0) remaining.set(id, left - 1)
    return left > 0
  }
  const items = []
  for (const d of visible.filter((x) => x.state !== 'cancelled')) {
    const open = d.state === 'pending' || d.state === 'claimed'
    items.push({
      key: d.key,
      kind: d.kind,
      template: d.template,
      dueAt: d.dueAt,
      recipientRole: d.recipientRole,
      mine: d.recipientId === ctx.userId,
      state: d.state,
      sentAt: d.sentAt,
      permitted: open ? d.quotaTaken === true || (await takeQuota(d.recipientId, d.template)) : d.state === 'sent'
    })
  }
  return { filingId: record._id, access, reminders: items }
})
