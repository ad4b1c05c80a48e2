import { defineAction } from '../../context'
import { filingView } from '../../filing-data'
import { withoutSyncedSteps } from '../../platforms/manual-guard'
import { filingsSchemas } from '../../schemas'
import { loadVisibleFiling } from '../access'

/** Masked unless the owner asks `reveal: true` for their own filing. */
export const getFiling = defineAction(filingsSchemas.get, async (ctx, input) => {
  const { record, access } = await loadVisibleFiling(ctx, input.id)
  return withoutSyncedSteps(ctx.deps, filingView(ctx.deps.keys, record, access, input.reveal === true))
})
