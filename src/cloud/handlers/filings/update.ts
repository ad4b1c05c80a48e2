import { decryptForm } from '../../crypto'
import { defineAction } from '../../context'
import { AppError } from '../../envelope'
import { checkFormFields, filingView, mergeIncomingForm, storeForm } from '../../filing-data'
import type { FilingRecord } from '../../records'
import { syncRemindersSafely } from '../../reminders/materialise'
import { filingsSchemas } from '../../schemas'
import { isoShanghai } from '../../time'
import { filingsOf, loadFilingForWrite } from '../access'

export function conflict(current: FilingRecord): AppError {
  return new AppError('CONFLICT', undefined, { version: [`当前版本为 ${current.version}`] }, 'STALE_VERSION')
}

/**
 * Replaces the parts it is given; needs the version the client last saw. The write is conditional on the owner and
 * that version, so when it applies the stored document is the one read plus this patch: nothing is read back.
 * Without a form to merge, a store that can answers the updated document from the update itself (one round trip);
 * reading first is only needed to merge a form, or to tell a stranger, an invitee and a stale version apart.
 */
export const updateFiling = defineAction(filingsSchemas.update, async (ctx, input) => {
  const set: Partial<FilingRecord> = { updatedAt: isoShanghai(ctx.now) }
  if (input.title !== undefined) set.title = input.title
  if (input.profile) set.profile = input.profile
  if (input.materials) set.materials = input.materials
  const mine = { _id: input.id, ownerId: ctx.userId, version: input.version }
  const filings = filingsOf(ctx)
  let updated = !input.form && filings.updateOne ? await filings.updateOne(mine, { set, inc: { version: 1 } }) : null
  if (!updated) {
    const record = await loadFilingForWrite(ctx, input.id)
    if (record.version !== input.version) throw conflict(record)
    if (input.form) {
      const form = mergeIncomingForm(decryptForm(ctx.deps.keys, record.form, record._id), input.form)
      checkFormFields(form)
      set.form = storeForm(ctx.deps.keys, form, record._id)
    }
    const changed = await filings.updateWhere(mine, { set, inc: { version: 1 } })
    if (!changed) {
      const now = await filings.get(record._id)
      throw now ? conflict(now) : new AppError('NOT_FOUND')
    }
    updated = { ...record, ...set, version: record.version + 1 }
  }
  await syncRemindersSafely(ctx.deps, updated)
  return filingView(ctx.deps.keys, updated, 'owner', false)
})
