import { defineAction } from '../../context'
import { filingSummary, filingView } from '../../filing-data'
import { COLLECTIONS, type DeliveryRecord, type InviteRecord, type SubscriptionRecord } from '../../records'
import { filingsSchemas } from '../../schemas'
import { isoShanghai } from '../../time'
import { filingsOf, membersOf } from '../access'

/** Everything stored about me, in full (it is my own data); never other people's values or any token hash. */
export const exportMyData = defineAction(filingsSchemas.export, async (ctx) => {
  const { store, keys } = ctx.deps
  const own = await filingsOf(ctx).find({ ownerId: ctx.userId })
  const memberships = await membersOf(ctx).find({ userId: ctx.userId })
  const shared = []
  for (const m of memberships) {
    const record = await filingsOf(ctx).get(m.filingId)
    if (record) shared.push({ ...filingSummary(record, m.role), joinedAt: m.joinedAt })
  }
  const invites = await store.collection<InviteRecord>(COLLECTIONS.invites).find({ ownerId: ctx.userId })
  const subscriptions = await store
    .collection<SubscriptionRecord>(COLLECTIONS.subscriptions)
    .find({ userId: ctx.userId })
  const reminders = await store.collection<DeliveryRecord>(COLLECTIONS.deliveries).find({ recipientId: ctx.userId })
  return {
    exportedAt: isoShanghai(ctx.now),
    filings: own.map((r) => filingView(keys, r, 'owner', true)),
    sharedWithMe: shared,
    invites: invites.map((i) => ({
      inviteId: i.inviteId,
      filingId: i.filingId,
      role: i.role,
      state: i.state,
      createdAt: i.createdAt,
      expiresAt: i.expiresAt,
      acceptedAt: i.acceptedAt
    })),
    subscriptions: subscriptions.map((s) => ({
      template: s.template,
      quota: s.quota,
      lastResult: s.lastResult,
      updatedAt: s.updatedAt
    })),
    reminders: reminders.map((d) => ({
      filingId: d.filingId,
      kind: d.kind,
      template: d.template,
      dueAt: d.dueAt,
      state: d.state,
      sentAt: d.sentAt
    }))
  }
})
