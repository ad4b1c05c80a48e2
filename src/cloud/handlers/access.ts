/** Ownership and invite-role checks shared by the handlers: anything not yours is NOT_FOUND. */
import type { Ctx } from '../context'
import { AppError } from '../envelope'
import { COLLECTIONS, type Access, type FilingRecord, type MemberRecord } from '../records'

export function filingsOf(ctx: Ctx) {
  return ctx.deps.store.collection<FilingRecord>(COLLECTIONS.filings)
}

export function membersOf(ctx: Ctx) {
  return ctx.deps.store.collection<MemberRecord>(COLLECTIONS.members)
}

/** A filing the caller owns or was invited to, with the caller's access. */
export async function loadVisibleFiling(ctx: Ctx, id: string): Promise<{ record: FilingRecord; access: Access }> {
  const record = await filingsOf(ctx).get(id)
  if (!record) throw new AppError('NOT_FOUND')
  if (record.ownerId === ctx.userId) return { record, access: 'owner' }
  const [member] = await membersOf(ctx).find({ filingId: id, userId: ctx.userId }, { limit: 1 })
  if (!member) throw new AppError('NOT_FOUND')
  return { record, access: member.role }
}

/** Writes are for the owner only; an invitee gets FORBIDDEN (they can see the filing anyway), a stranger NOT_FOUND. */
export async function loadFilingForWrite(ctx: Ctx, id: string): Promise<FilingRecord> {
  const { record, access } = await loadVisibleFiling(ctx, id)
  if (access !== 'owner') throw new AppError('FORBIDDEN', '受邀成员只能查看，不能修改')
  return record
}
