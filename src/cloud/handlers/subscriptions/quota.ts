/**
 * One-time subscription messages: every accepted request allows one message of that template to that user.
 * The quota is a counter changed only by conditional updates, so concurrent senders never overspend it.
 */
import type { TemplateKind } from '../../../domain/types'
import { sha256Hex } from '../../crypto'
import type { Store } from '../../ports'
import { COLLECTIONS, type SubscriptionRecord } from '../../records'

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
