import { defineAction } from '../../context'
import { filingSummary, type FilingSummary } from '../../filing-data'
import { filingsSchemas } from '../../schemas'
import { filingsOf, membersOf } from '../access'

/** My filings and the ones I was invited to, newest change first. */
export const listFilings = defineAction(filingsSchemas.list, async (ctx) => {
  const filings = filingsOf(ctx)
  const own = await filings.find({ ownerId: ctx.userId }, { limit: 500 })
  const memberships = await membersOf(ctx).find({ userId: ctx.userId }, { limit: 500 })
  const shared: FilingSummary[] = []
  for (const m of memberships) {
    const record = await filings.get(m.filingId)
    if (record) shared.push(filingSummary(record, m.role))
  }
  const all = [...own.map((r) => filingSummary(r, 'owner')), ...shared]
  return all.sort((a, b) => (a.updatedAt < b.updatedAt ? 1 : a.updatedAt > b.updatedAt ? -1 : 0))
})
