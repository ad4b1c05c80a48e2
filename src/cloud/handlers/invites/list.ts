import { defineAction } from '../../context'
import { COLLECTIONS, type InviteRecord } from '../../records'
import { invitesSchemas } from '../../schemas'
import { isoUtc } from '../../time'
import { loadFilingForWrite } from '../access'

export const INVITES_PAGE_SIZE = 20

/** The owner's invites for a filing (never the tokens: only their hashes are stored). */
export const listInvites = defineAction(invitesSchemas.list, async (ctx, input) => {
  const record = await loadFilingForWrite(ctx, input.filingId)
  const invites = await ctx.deps.store
    .collection<InviteRecord>(COLLECTIONS.invites)
    .find(
      { filingId: record._id, createdAt: input.before === undefined ? undefined : { $lt: input.before } },
      { orderBy: { field: 'createdAt', direction: 'desc' }, limit: input.limit ?? INVITES_PAGE_SIZE }
    )
  const now = isoUtc(ctx.now)
  return invites.map((i) => ({
    inviteId: i.inviteId,
    role: i.role,
    state: i.state === 'open' && i.expiresAt <= now ? ('expired' as const) : i.state,
    createdAt: i.createdAt,
    expiresAt: i.expiresAt,
    acceptedAt: i.acceptedAt
  }))
})
