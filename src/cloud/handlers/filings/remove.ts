import { defineAction } from '../../context'
import { AppError } from '../../envelope'
import { filingsSchemas } from '../../schemas'
import { loadFilingForWrite } from '../access'
import { deleteFilingCascade } from './cascade'

export const removeFiling = defineAction(filingsSchemas.remove, async (ctx, input) => {
  const record = await loadFilingForWrite(ctx, input.id)
  if (!(await deleteFilingCascade(ctx.deps.store, record._id, ctx.userId))) throw new AppError('NOT_FOUND')
  return { id: record._id, removed: true }
})
