/**
 * Local mode's sender: instead of a platform, messages land in an outbox collection, which the dev endpoint
 * shows to their recipient only.
 */
import { randomId } from '../cloud/crypto'
import type { OutgoingMessage, Sender, Store, StoredDoc, Clock } from '../cloud/ports'
import { isoShanghai } from '../cloud/time'

export const OUTBOX = 'dev_outbox'

export interface OutboxEntry extends StoredDoc, OutgoingMessage {
  sentAt: string
}

export function outboxSender(store: Store, clock: Clock): Sender {
  return {
    async send(message) {
      await store
        .collection<OutboxEntry>(OUTBOX)
        .insert({ _id: randomId(), version: 1, ...message, sentAt: isoShanghai(clock.now()) })
      return { ok: true }
    }
  }
}

export async function outboxFor(
  store: Store,
  userId: string
): Promise<Omit<OutboxEntry, '_id' | 'version' | 'toUserId'>[]> {
  const entries = await store
    .collection<OutboxEntry>(OUTBOX)
    .find({ toUserId: userId }, { orderBy: { field: 'sentAt', direction: 'asc' } })
  return entries.map(({ template, fields, page, reminderKey, sentAt }) => ({
    template,
    fields,
    page,
    reminderKey,
    sentAt
  }))
}
