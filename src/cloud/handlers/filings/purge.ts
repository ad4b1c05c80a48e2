import { defineAction } from '../../context'
import {
  COLLECTIONS,
  type DeliveryRecord,
  type MemberRecord,
  type SessionRecord,
  type SubscriptionRecord
} from '../../records'
import { forgetFilingPlaces } from '../../reservations'
import { syncRemindersSafely } from '../../reminders/materialise'
import { filingsSchemas } from '../../schemas'
import { filingsOf } from '../access'
import { deleteFilingCascade } from './cascade'

/** Deletes all my data: my filings (with their reminders and invites), my memberships, quotas and sessions. */
export const purgeMyData = defineAction(filingsSchemas.purge, async (ctx) => {
  const { store } = ctx.deps
  const own = await filingsOf(ctx).find({ ownerId: ctx.userId })
  let filings = 0
  for (const r of own) if (await deleteFilingCascade(store, r._id, ctx.userId)) filings++
  await forgetFilingPlaces(store, ctx.userId)
  const memberships = await store.collection<MemberRecord>(COLLECTIONS.members).find({ userId: ctx.userId })
  await store.collection<MemberRecord>(COLLECTIONS.members).removeWhere({ userId: ctx.userId })
  await store.collection<DeliveryRecord>(COLLECTIONS.deliveries).removeWhere({ recipientId: ctx.userId })
  await store.collection<SubscriptionRecord>(COLLECTIONS.subscriptions).removeWhere({ userId: ctx.userId })
  await store.collection<SessionRecord>(COLLECTIONS.sessions).removeWhere({ userId: ctx.userId })
  // the filings I had joined lose my reminders (already removed above) but keep their own
  for (const m of memberships) {
    const record = await filingsOf(ctx).get(m.filingId)
    if (record) await syncRemindersSafely(ctx.deps, record)
  }
  return { purged: true, filings, memberships: memberships.length }
})
