import { defineAction, type Ctx } from '../../context'
import { AppError } from '../../envelope'
import { COLLECTIONS, type InviteRecord } from '../../records'
import { releaseInviteSlot } from '../../reservations'
import { syncRemindersSafely } from '../../reminders/materialise'
import { invitesSchemas } from '../../schemas'
import { isoShanghai } from '../../time'
import { filingsOf, membersOf } from '../access'

/**
 * Flips the invite to `revoked` only from the state and version just read, so an accept landing at the same
 * moment cannot slip past: the revoke re-reads and then also removes the member that accept let in.
 */
async function revokeOnce(ctx: Ctx, inviteId: string): Promise<InviteRecord | 'revoked' | null> {
  const invites = ctx.deps.store.collection<InviteRecord>(COLLECTIONS.invites)
  const [invite] = await invites.find({ inviteId, ownerId: ctx.userId }, { limit: 1 })
  if (!invite) throw new AppError('NOT_FOUND')
  if (invite.state === 'revoked') return 'revoked'
  const changed = await invites.updateWhere(
    { _id: invite._id, state: invite.state, version: invite.version },
    { set: { state: 'revoked', revokedAt: isoShanghai(ctx.now) }, inc: { version: 1 } }
  )
  return changed ? invite : null
}

/** Revokes an open invite, or removes the member an accepted one let in (their pending reminders are cancelled). */
export const revokeInvite = defineAction(invitesSchemas.revoke, async (ctx, input) => {
  let invite: InviteRecord | 'revoked' | null = null
  for (let attempt = 0; attempt < 3 && !invite; attempt++) invite = await revokeOnce(ctx, input.inviteId)
  if (!invite) throw new AppError('CONFLICT', '邀请状态刚刚发生变化，请刷新后再试')
  if (invite === 'revoked') return { inviteId: input.inviteId, state: 'revoked' as const }
  if (invite.state === 'open' && invite.slot !== undefined)
    await releaseInviteSlot(ctx.deps.store, invite.filingId, invite.slot, invite.inviteId)
  if (invite.state === 'accepted' && invite.acceptedBy) {
    await membersOf(ctx).removeWhere({
      filingId: invite.filingId,
      userId: invite.acceptedBy,
      inviteId: invite.inviteId
    })
    const record = await filingsOf(ctx).get(invite.filingId)
    if (record) await syncRemindersSafely(ctx.deps, record)
  }
  return { inviteId: invite.inviteId, state: 'revoked' as const }
})
