import { applyStageAction } from '../../../domain'
import { defineAction } from '../../context'
import { AppError } from '../../envelope'
import { filingView } from '../../filing-data'
import { syncRemindersSafely } from '../../reminders/materialise'
import { filingsSchemas } from '../../schemas'
import { isoShanghai } from '../../time'
import { filingsOf, loadFilingForWrite } from '../access'
import { conflict } from './update'

/** A stage transition, checked by the domain's stage machine (the client's own check is not trusted). */
export const advanceFiling = defineAction(filingsSchemas.advance, async (ctx, input) => {
  const record = await loadFilingForWrite(ctx, input.id)
  if (record.version !== input.version) throw conflict(record)
  const at = isoShanghai(ctx.now)
  const result = applyStageAction(record.progress, input.action, at, {
    platform: record.profile.platform,
    province: record.profile.province,
    filingType: record.profile.filingType
  })
  if (!result.ok) throw new AppError('STAGE_RULE', result.message, { action: [result.message] }, result.code)
  const changed = await filingsOf(ctx).updateWhere(
    { _id: record._id, ownerId: ctx.userId, version: input.version },
    { set: { progress: result.progress, updatedAt: at }, inc: { version: 1 } }
  )
  const updated = await filingsOf(ctx).get(record._id)
  if (!updated) throw new AppError('NOT_FOUND')
  if (!changed) throw conflict(updated)
  await syncRemindersSafely(ctx.deps, updated)
  return filingView(ctx.deps.keys, updated, 'owner', false)
})
