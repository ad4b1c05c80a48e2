/**
 * Per-user and per-filing limits that hold under racing requests. Count-then-insert lets 100 concurrent creates
 * all see 49; instead each create first reserves with one conditional update, which every Store applies
 * atomically to one document (PostgreSQL's `UPDATE … WHERE` re-checks the condition on the row it locks; the cloud
 * database updates a document atomically). Any Store that keeps the `updateWhere` contract keeps these limits.
 *
 * - Filings: a counter document per owner, incremented only while below the limit, decremented when a filing is
 *   deleted or its insert fails.
 * - Open invites expire by themselves, so a counter would never come down: a filing has `limit` slot documents,
 *   each held by one open invite until it expires, is accepted or is revoked.
 */
import { sha256Hex } from './crypto'
import { DuplicateKeyError, type Store, type StoredDoc } from './ports'
import { COLLECTIONS, type FilingRecord } from './records'

export interface UsageCounterRecord extends StoredDoc {
  used: number
}

export interface InviteSlotRecord extends StoredDoc {
  filingId: string
  inviteId: string
  /** ISO UTC; the slot is free once this has passed ('' = released). */
  heldUntil: string
}

const counters = (store: Store) => store.collection<UsageCounterRecord>(COLLECTIONS.counters)
const slots = (store: Store) => store.collection<InviteSlotRecord>(COLLECTIONS.inviteSlots)

const filingCounterId = (ownerId: string) => sha256Hex(`filings|${ownerId}`).slice(0, 32)

/** Takes one of the owner's filing places; false when all `limit` are used. */
export async function reserveFilingPlace(store: Store, ownerId: string, limit: number): Promise<boolean> {
  const id = filingCounterId(ownerId)
  if (!(await counters(store).get(id))) {
    // first create since counters exist: start from what is stored (filings made before are counted too)
    const used = await store.collection<FilingRecord>(COLLECTIONS.filings).count({ ownerId })
    try {
      await counters(store).insert({ _id: id, version: 1, used })
    } catch (err) {
      if (!(err instanceof DuplicateKeyError)) throw err
    }
  }
  const taken = await counters(store).updateWhere({ _id: id, used: { $lt: limit } }, { inc: { used: 1, version: 1 } })
  return taken === 1
}

/** Gives a place back (the insert failed, or a filing was deleted). Never below zero. */
export async function releaseFilingPlace(store: Store, ownerId: string): Promise<void> {
  await counters(store).updateWhere(
    { _id: filingCounterId(ownerId), used: { $gt: 0 } },
    { inc: { used: -1, version: 1 } }
  )
}

/** Erasing a user: the counter goes too (its id is derived from the user id). */
export async function forgetFilingPlaces(store: Store, ownerId: string): Promise<void> {
  await counters(store).removeWhere({ _id: filingCounterId(ownerId) })
}

const slotId = (filingId: string, slot: number) => sha256Hex(`invite-slot|${filingId}|${slot}`).slice(0, 32)

/**
 * Holds a free invite slot of the filing for `inviteId` until `heldUntil`; the slot's number, or null when all
 * `limit` slots are held by open, unexpired invites.
 */
export async function claimInviteSlot(
  store: Store,
  claim: { filingId: string; inviteId: string; heldUntil: string; nowUtc: string; limit: number }
): Promise<number | null> {
  const { filingId, inviteId, heldUntil, nowUtc, limit } = claim
  for (let slot = 0; slot < limit; slot++) {
    const _id = slotId(filingId, slot)
    const current = await slots(store).get(_id)
    if (!current) {
      try {
        await slots(store).insert({ _id, version: 1, filingId, inviteId, heldUntil })
        return slot
      } catch (err) {
        if (!(err instanceof DuplicateKeyError)) throw err
        continue // taken a moment ago by a concurrent create
      }
    }
    if (current.heldUntil > nowUtc) continue
    const taken = await slots(store).updateWhere(
      { _id, version: current.version },
      { set: { inviteId, heldUntil }, inc: { version: 1 } }
    )
    if (taken) return slot
  }
  return null
}

/** Frees the slot an invite holds (accepted, revoked, or its insert failed); only if that invite still holds it. */
export async function releaseInviteSlot(store: Store, filingId: string, slot: number, inviteId: string): Promise<void> {
  await slots(store).updateWhere(
    { _id: slotId(filingId, slot), inviteId },
    { set: { heldUntil: '' }, inc: { version: 1 } }
  )
}

/** A deleted filing's slots. */
export async function removeInviteSlots(store: Store, filingId: string): Promise<void> {
  await slots(store).removeWhere({ filingId })
}
