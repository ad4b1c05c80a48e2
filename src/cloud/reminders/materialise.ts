/**
 * Keeps the stored reminder deliveries of a filing equal to what the domain plans for it now:
 * one delivery per (reminder key, recipient), upserted by a deterministic id; pending ones no longer planned
 * are cancelled. Sent, failed and in-flight deliveries are never touched, so replanning cannot cause a resend.
 */
import { planReminders } from '../../domain'
import type { RecipientRole, Reminder } from '../../domain/types'
import type { Deps } from '../context'
import { sha256Hex } from '../crypto'
import { toDomainFiling, withoutSensitive } from '../filing-data'
import { refundQuota } from '../handlers/subscriptions/quota'
import { DuplicateKeyError, type Store } from '../ports'
import { COLLECTIONS, type DeliveryRecord, type FilingRecord, type MemberRecord } from '../records'
import { isoShanghai, isoUtc, toComparable } from '../time'

export function deliveryId(key: string, recipientId: string): string {
  return sha256Hex(`${key}|${recipientId}`).slice(0, 32)
}

async function recipientsByRole(store: Store, record: FilingRecord): Promise<Record<RecipientRole, string[]>> {
  const members = await store.collection<MemberRecord>(COLLECTIONS.members).find({ filingId: record._id })
  return {
    owner: [record.ownerId],
    owner_principal: members.filter((m) => m.role === 'owner_principal').map((m) => m.userId),
    app_principal: members.filter((m) => m.role === 'app_principal').map((m) => m.userId)
  }
}

function sameContent(d: DeliveryRecord, r: Reminder): boolean {
  return (
    d.dueAt === r.dueAt &&
    d.expiresAt === r.expiresAt &&
    d.template === r.template &&
    d.page === r.page &&
    JSON.stringify(d.fields) === JSON.stringify(r.fields)
  )
}

export interface SyncReport {
  planned: number
  created: number
  changed: number
  cancelled: number
}

export async function syncReminders(deps: Pick<Deps, 'store' | 'clock'>, record: FilingRecord): Promise<SyncReport> {
  const now = deps.clock.now()
  const nowIso = isoUtc(now)
  // planning never sees a sensitive value, so none can end up in a message
  const plan = planReminders(toDomainFiling(record, withoutSensitive(record.form)), isoShanghai(now))
  const col = deps.store.collection<DeliveryRecord>(COLLECTIONS.deliveries)
  // two independent reads: at once (a pooled store overlaps their round trips)
  const [roles, stored] = await Promise.all([recipientsByRole(deps.store, record), col.find({ filingId: record._id })])
  const existing = new Map(stored.map((d) => [d._id, d]))
  const wanted = new Set<string>()
  const report: SyncReport = { planned: 0, created: 0, changed: 0, cancelled: 0 }

  for (const reminder of plan) {
    const recipients = new Map<string, RecipientRole>()
    for (const role of reminder.recipients)
      for (const userId of roles[role]) if (!recipients.has(userId)) recipients.set(userId, role)
    for (const [recipientId, recipientRole] of recipients) {
      const _id = deliveryId(reminder.key, recipientId)
      wanted.add(_id)
      report.planned++
      const found = existing.get(_id)
      const content = {
        kind: reminder.kind,
        template: reminder.template,
        fields: reminder.fields,
        page: reminder.page,
        dueAt: reminder.dueAt,
        recipientRole,
        ...(reminder.expiresAt ? { expiresAt: reminder.expiresAt } : {})
      }
      if (!found) {
        try {
          await col.insert({
            _id,
            version: 1,
            key: reminder.key,
            filingId: record._id,
            ownerId: record.ownerId,
            recipientId,
            ...content,
            state: 'pending',
            nextAttemptAt: toComparable(reminder.dueAt),
            attempts: 0,
            updatedAt: nowIso
          })
          report.created++
        } catch (err) {
          if (!(err instanceof DuplicateKeyError)) throw err
        }
      } else if ((found.state === 'pending' && !sameContent(found, reminder)) || found.state === 'cancelled') {
        // replanned (e.g. a new SMS time) or planned again: only if nobody claimed it meanwhile
        const n = await col.updateWhere(
          { _id, version: found.version, state: found.state },
          {
            set: { ...content, state: 'pending', nextAttemptAt: toComparable(reminder.dueAt), updatedAt: nowIso },
            unset: reminder.expiresAt ? [] : ['expiresAt'],
            inc: { version: 1 }
          }
        )
        report.changed += n
      }
    }
  }
  for (const d of existing.values()) {
    if (d.state === 'pending' && !wanted.has(d._id)) {
      const n = await col.updateWhere(
        { _id: d._id, version: d.version, state: 'pending' },
        { set: { state: 'cancelled', quotaTaken: false, updatedAt: nowIso }, inc: { version: 1 } }
      )
      // a unit held across an earlier failed attempt goes back to the recipient
      if (n && d.quotaTaken) await refundQuota(deps.store, d.recipientId, d.template)
      report.cancelled += n
    }
  }
  return report
}

/**
 * Used after a write: the filing change is already stored, so a planning failure must not turn it into an
 * error; it is logged (ids only) and the next change replans.
 */
export async function syncRemindersSafely(deps: Deps, record: FilingRecord): Promise<void> {
  try {
    await syncReminders(deps, record)
  } catch (err) {
    deps.logger.error('reminder_sync_failed', {
      filingId: record._id,
      error: err instanceof Error ? err.name : 'unknown'
    })
  }
}
