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

/** Replaces the parts it is given; needs the version the client last saw. */
export const updateFiling = defineAction(filingsSchemas.update, async (ctx, input) => {
  const record = await loadFilingForWrite(ctx, input.id)
  if (record.version !== input.version) throw conflict(record)
  const set: Partial<FilingRecord> = { updatedAt: isoShanghai(ctx.now) }
  if (input.title !== undefined) set.title = input.title
  if (input.profile) set.profile = input.profile
  if (input.materials) set.materials = input.materials
  if (input.form) {
    const form = mergeIncomingForm(decryptForm(ctx.deps.keys, record.form, record._id), input.form)
    checkFormFields(form)
    set.form = storeForm(ctx.deps.keys, form, record._id)
  }
  const changed = await filingsOf(ctx).updateWhere(
    { _id: record._id, ownerId: ctx.userId, version: input.version },
    { set, inc: { version: 1 } }
  )
  const updated = await filingsOf(ctx).get(record._id)
  if (!updated) throw new AppError('NOT_FOUND')
  if (!changed) throw conflict(updated)
  await syncRemindersSafely(ctx.deps, updated)
  return filingView(ctx.deps.keys, updated, 'owner', false)
})
