import { defineAction } from '../../context'
import { randomId, randomToken, sha256Hex } from '../../crypto'
import { AppError } from '../../envelope'
import { COLLECTIONS, type InviteRecord } from '../../records'
import { invitesSchemas } from '../../schemas'
import { addMs, isoShanghai, isoUtc } from '../../time'
import { loadFilingForWrite } from '../access'

/** 24 random bytes = 192 bits, 32 base64url characters: fits a mini-program code's 32-character scene. */
export const INVITE_TOKEN_BYTES = 24

/**
 * Invites a principal to a filing. The token is returned once and stored only as its SHA-256;
 * on WeChat, `withCode` also returns a mini-program code image that opens the invite page.
 */
export const createInvite = defineAction(invitesSchemas.create, async (ctx, input) => {
  const record = await loadFilingForWrite(ctx, input.filingId)
  const invites = ctx.deps.store.collection<InviteRecord>(COLLECTIONS.invites)
  const nowUtc = isoUtc(ctx.now)
  const open = await invites.count({ filingId: record._id, state: 'open', expiresAt: { $gt: nowUtc } })
  if (open >= ctx.deps.settings.maxOpenInvitesPerFiling)
    throw new AppError('LIMIT_REACHED', '未使用的邀请过多，请先撤销一些')
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
  await invites.insert(invite)
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
