import { defineAction } from '../../context'
import { randomId, randomToken, sha256Hex } from '../../crypto'
import { AppError } from '../../envelope'
import type { Store } from '../../ports'
import { COLLECTIONS, type InviteRecord } from '../../records'
import { claimInviteSlot, releaseInviteSlot } from '../../reservations'
import { invitesSchemas } from '../../schemas'
import { addMs, isoShanghai, isoUtc } from '../../time'
import { loadFilingForWrite } from '../access'

/** 24 random bytes = 192 bits, 32 base64url characters: fits a mini-program code's 32-character scene. */
export const INVITE_TOKEN_BYTES = 24

/** Revoked and expired invites kept per filing for the list; older ones are deleted. */
export const MAX_CLOSED_INVITES_PER_FILING = 20

/** Drops the oldest revoked / expired-unused invites beyond the cap (accepted ones stay: they let a member in). */
async function pruneClosedInvites(store: Store, filingId: string, nowUtc: string): Promise<void> {
  const invites = store.collection<InviteRecord>(COLLECTIONS.invites)
  const closed = [
    ...(await invites.find({ filingId, state: 'revoked' })),
    ...(await invites.find({ filingId, state: 'open', expiresAt: { $lte: nowUtc } }))
  ].sort((a, b) => (a.createdAt < b.createdAt ? 1 : a.createdAt > b.createdAt ? -1 : 0))
  for (const old of closed.slice(MAX_CLOSED_INVITES_PER_FILING)) await invites.removeWhere({ _id: old._id })
}

/**
 * Invites a principal to a filing. The token is returned once and stored only as its SHA-256;
 * on WeChat, `withCode` also returns a mini-program code image that opens the invite page.
 */
export const createInvite = defineAction(invitesSchemas.create, async (ctx, input) => {
  const record = await loadFilingForWrite(ctx, input.filingId)
  const invites = ctx.deps.store.collection<InviteRecord>(COLLECTIONS.invites)
  const nowUtc = isoUtc(ctx.now)
  const limit = ctx.deps.settings.maxOpenInvitesPerFiling
  const tooMany = new AppError('LIMIT_REACHED', '未使用的邀请过多，请先撤销一些')
  // the count also covers invites made before slots existed; the slot is what holds under racing creates
  const open = await invites.count({ filingId: record._id, state: 'open', expiresAt: { $gt: nowUtc } })
  if (open >= limit) throw tooMany
  const token = randomToken(INVITE_TOKEN_BYTES)
  const invite: InviteRecord = {
    _id: sha256Hex(token),
    version: 1,
    inviteId: randomId(),
    filingId: record._id,
    ownerId: ctx.userId,
    role: input.role,
    state: 'open',
    createdAt: isoShanghai(ctx.now),
    expiresAt: isoUtc(addMs(ctx.now, ctx.deps.settings.inviteTtlHours * 3600_000))
  }
  const slot = await claimInviteSlot(ctx.deps.store, {
    filingId: record._id,
    inviteId: invite.inviteId,
    heldUntil: invite.expiresAt,
    nowUtc,
    limit
  })
  if (slot === null) throw tooMany
  invite.slot = slot
  try {
    await invites.insert(invite)
  } catch (err) {
    await releaseInviteSlot(ctx.deps.store, record._id, slot, invite.inviteId)
    throw err
  }
  await pruneClosedInvites(ctx.deps.store, record._id, nowUtc)
  const page = ctx.deps.settings.invitePage
  let code: { contentType: string; base64: string } | undefined
  if (input.withCode && ctx.deps.codeMaker) {
    try {
      code = await ctx.deps.codeMaker.make(token, page)
    } catch {
      ctx.deps.logger.warn('invite_code_failed', { inviteId: invite.inviteId })
    }
  }
  return {
    inviteId: invite.inviteId,
    role: invite.role,
    token,
    expiresAt: invite.expiresAt,
    path: `${page}?invite=${token}`,
    code
  }
})
