/** Deleting a filing deletes everything hanging off it: reminders, invites, memberships. */
import type { Store } from '../../ports'
import {
  COLLECTIONS,
  type DeliveryRecord,
  type FilingRecord,
  type InviteRecord,
  type MemberRecord
} from '../../records'
import { releaseFilingPlace, removeInviteSlots } from '../../reservations'

export async function deleteFilingCascade(store: Store, filingId: string, ownerId: string): Promise<boolean> {
  const removed = await store.collection<FilingRecord>(COLLECTIONS.filings).removeWhere({ _id: filingId, ownerId })
  if (!removed) return false
  await releaseFilingPlace(store, ownerId)
  await removeInviteSlots(store, filingId)
  await store.collection<DeliveryRecord>(COLLECTIONS.deliveries).removeWhere({ filingId })
  await store.collection<InviteRecord>(COLLECTIONS.invites).removeWhere({ filingId })
  await store.collection<MemberRecord>(COLLECTIONS.members).removeWhere({ filingId })
  return true
}
