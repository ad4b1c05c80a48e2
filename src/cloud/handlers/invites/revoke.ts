import { defineAction } from '../../context'
import { AppError } from '../../envelope'
import { COLLECTIONS, type InviteRecord } from '../../records'
import { syncRemindersSafely } from '../../reminders/materialise'
import { invitesSchemas } from '../../schemas'
import { isoShanghai } from '../../time'
import { filingsOf, membersOf } from '../access'

/** Revokes an open invite, or removes the member an accepted one let in (their pending reminders are cancelled). */
export const revokeInvite = defineAction(invitesSchemas.revoke, async (ctx, input) => {
  const invites = ctx.deps.store.collection<InviteRecord>(COLLECTIONS.invites)
  const [invite] = await invites.find({ inviteId: input.inviteId, ownerId: ctx.userId }, { limit: 1 })
  if (!invite) throw new AppError('NOT_FOUND')
  if (invite.state === 'revoked') return { inviteId: invite.inviteId, state: invite.state }
  await invites.updateWhere(
    { _id: invite._id },
    { set: { state: 'revoked', revokedAt: isoShanghai(ctx.now) }, inc: { version: 1 } }
  )
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
