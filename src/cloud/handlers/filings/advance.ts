import { PRINCIPAL_ACTIONS, applyStageAction } from '../../../domain'
import { defineAction } from '../../context'
import { AppError } from '../../envelope'
import { filingView } from '../../filing-data'
import { refuseManualStepOnSyncedFiling, withoutSyncedSteps } from '../../platforms/manual-guard'
import { syncRemindersSafely } from '../../reminders/materialise'
import { filingsSchemas } from '../../schemas'
import { isoShanghai } from '../../time'
import { filingsOf, loadVisibleFiling } from '../access'
import { conflict } from './update'

/**
 * A stage transition dated when it really happened (`at`, default now), checked by the domain's stage machine (the
 * client's own check is not trusted). The owner may take any step; an invited principal only the SMS steps.
 */
export const advanceFiling = defineAction(filingsSchemas.advance, async (ctx, input) => {
  const { record, access } = await loadVisibleFiling(ctx, input.id)
  if (access !== 'owner' && !PRINCIPAL_ACTIONS.includes(input.action.type)) {
    throw new AppError('FORBIDDEN', '受邀成员只能记录收到短信和完成短信核验，其他进度由备案创建者更新')
  }
  if (record.version !== input.version) throw conflict(record)
  await refuseManualStepOnSyncedFiling(ctx.deps, record._id, input.action.type)
  const now = isoShanghai(ctx.now)
  const result = applyStageAction(record.progress, input.action, input.at ?? now, {
    platform: record.profile.platform,
    province: record.profile.province,
    filingType: record.profile.filingType,
    now,
    source: 'user',
    by: access
  })
  if (!result.ok) throw new AppError('STAGE_RULE', result.message, { action: [result.message] }, result.code)
  const changed = await filingsOf(ctx).updateWhere(
    { _id: record._id, ownerId: record.ownerId, version: input.version },
    { set: { progress: result.progress, updatedAt: now }, inc: { version: 1 } }
  )
  const updated = await filingsOf(ctx).get(record._id)
  if (!updated) throw new AppError('NOT_FOUND')
  if (!changed) throw conflict(updated)
  await syncRemindersSafely(ctx.deps, updated)
  return withoutSyncedSteps(ctx.deps, filingView(ctx.deps.keys, updated, access, false))
})
