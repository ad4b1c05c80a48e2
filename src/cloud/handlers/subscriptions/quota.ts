/**
 * One-time subscription messages: every accepted request allows one message of that template to that user.
 * The quota is a counter changed only by conditional updates, so concurrent senders never overspend it.
 */
import { budgetReminders, type BudgetItem } from '../../../domain/reminder-budget'
import type { TemplateKind } from '../../../domain/types'
import { sha256Hex } from '../../crypto'
import type { Store } from '../../ports'
import { COLLECTIONS, type DeliveryRecord, type SubscriptionRecord } from '../../records'
import { instantMs } from '../../time'

export function subscriptionId(userId: string, template: TemplateKind): string {
  return sha256Hex(`${userId}|${template}`).slice(0, 32)
}

function subscriptions(store: Store) {
  return store.collection<SubscriptionRecord>(COLLECTIONS.subscriptions)
}

/** Takes one unit; false when none is left. */
export async function takeQuota(store: Store, userId: string, template: TemplateKind): Promise<boolean> {
  const taken = await subscriptions(store).updateWhere(
    { _id: subscriptionId(userId, template), quota: { $gt: 0 } },
    { inc: { quota: -1, version: 1 } }
  )
  return taken === 1
}

/** A delivery as the budget sees it (keyed by its id: a reminder key is unique per recipient). */
export function budgetItem(d: DeliveryRecord): BudgetItem {
  return { key: d._id, kind: d.kind, template: d.template, dueAt: d.dueAt, unitHeld: d.quotaTaken === true }
}

/** The recipient's deliveries still to send (any filing: units are per user, not per filing). */
export async function openDeliveriesOf(store: Store, recipientId: string, nowMs: number): Promise<DeliveryRecord[]> {
  const open = await store
    .collection<DeliveryRecord>(COLLECTIONS.deliveries)
    .find({ recipientId, state: { $in: ['pending', 'claimed'] } })
  return open.filter((d) => !d.expiresAt || instantMs(d.expiresAt) > nowMs)
}

/**
 * Takes one unit for this delivery only if the budget gives it one: a unit the recipient granted is kept for their
 * more important reminders of the same template (the last SMS warning before the middle one), whatever falls due first.
 *
 * When there are units for every open delivery of the template still without one, the budget covers them all, this
 * one included: then a count and a decrement conditional on that many units decide it, without reading the
 * recipient's deliveries (the reminder job's common case). Otherwise the budget is worked out from them.
 */
export async function takeQuotaFor(store: Store, d: DeliveryRecord, nowMs: number): Promise<boolean> {
  const waiting = await store.collection<DeliveryRecord>(COLLECTIONS.deliveries).count({
    recipientId: d.recipientId,
    state: { $in: ['pending', 'claimed'] },
    template: d.template,
    quotaTaken: { $ne: true }
  })
  const plenty = await subscriptions(store).updateWhere(
    { _id: subscriptionId(d.recipientId, d.template), quota: { $gte: Math.max(1, waiting) } },
    { inc: { quota: -1, version: 1 } }
  )
  if (plenty) return true
  const units = (await subscriptions(store).get(subscriptionId(d.recipientId, d.template)))?.quota ?? 0
  if (units <= 0) return false
  const open = (await openDeliveriesOf(store, d.recipientId, nowMs)).filter(
    (x) => x.template === d.template && x._id !== d._id
  )
  const covered = budgetReminders([...open, d].map(budgetItem), { [d.template]: units })
  return covered.has(d._id) && takeQuota(store, d.recipientId, d.template)
}

/** Gives a unit back (the platform did not use it). */
export async function refundQuota(store: Store, userId: string, template: TemplateKind): Promise<void> {
  await subscriptions(store).updateWhere({ _id: subscriptionId(userId, template) }, { inc: { quota: 1, version: 1 } })
}

/** The platform says there is no permission left (errcode 43101): trust it. */
export async function clearQuota(store: Store, userId: string, template: TemplateKind, at: string): Promise<void> {
  await subscriptions(store).updateWhere(
    { _id: subscriptionId(userId, template) },
    { set: { quota: 0, updatedAt: at }, inc: { version: 1 } }
  )
}
