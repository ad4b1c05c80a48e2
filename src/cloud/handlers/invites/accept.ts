import { defineAction } from '../../context'
import { sha256Hex } from '../../crypto'
import { AppError } from '../../envelope'
import { filingView } from '../../filing-data'
import { DuplicateKeyError } from '../../ports'
import { COLLECTIONS, type InviteRecord, type MemberRecord } from '../../records'
import { releaseInviteSlot } from '../../reservations'
import { syncRemindersSafely } from '../../reminders/materialise'
import { invitesSchemas } from '../../schemas'
import { isoShanghai, isoUtc } from '../../time'
import { filingsOf, membersOf } from '../access'

export function memberId(filingId: string, userId: string): string {
  return sha256Hex(`${filingId}|${userId}`).slice(0, 32)
}

/** Single use: the first accept flips the invite to `accepted` with a conditional update; later ones get GONE. */
export const acceptInvite = defineAction(invitesSchemas.accept, async (ctx, input) => {
  const invites = ctx.deps.store.collection<InviteRecord>(COLLECTIONS.invites)
  const invite = await invites.get(sha256Hex(input.token))
  const gone = new AppError('GONE', '邀请已失效，请让对方重新邀请')
  if (!invite || invite.state !== 'open' || invite.expiresAt <= isoUtc(ctx.now)) throw gone
  if (invite.ownerId === ctx.userId) throw new AppError('INVALID', '不能接受自己发出的邀请')
  const record = await filingsOf(ctx).get(invite.filingId)
  if (!record) throw gone
  const claimed = await invites.updateWhere(
    { _id: invite._id, state: 'open', version: invite.version },
    { set: { state: 'accepted', acceptedBy: ctx.userId, acceptedAt: isoShanghai(ctx.now) }, inc: { version: 1 } }
  )
  if (!claimed) throw gone
  if (invite.slot !== undefined) await releaseInviteSlot(ctx.deps.store, invite.filingId, invite.slot, invite.inviteId)
  const member: MemberRecord = {
    _id: memberId(record._id, ctx.userId),
    version: 1,
    filingId: record._id,
    ownerId: record.ownerId,
    userId: ctx.userId,
    role: invite.role,
    inviteId: invite.inviteId,
    joinedAt: isoShanghai(ctx.now)
  }
  try {
    await membersOf(ctx).insert(member)
  } catch (err) {
    if (!(err instanceof DuplicateKeyError)) throw err
    // already a member (an earlier invite): the newest invite's role wins
    await membersOf(ctx).updateWhere(
      { _id: member._id },
      { set: { role: invite.role, inviteId: invite.inviteId }, inc: { version: 1 } }
    )
  }
  // a revoke that read the invite as accepted before this member existed removed nothing: undo it here
  if ((await invites.get(invite._id))?.state === 'revoked') {
    await membersOf(ctx).removeWhere({ _id: member._id, inviteId: invite.inviteId })
    throw gone
  }
  await syncRemindersSafely(ctx.deps, record)
  return filingView(ctx.deps.keys, record, invite.role, false)
})
