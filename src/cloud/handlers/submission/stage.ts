/** Moves the filing's stage for what the platform accepted (source 'platform'), and lets the sync take over. */
import { applyStageAction } from '../../../domain'
import type { Stage, StageAction } from '../../../domain/types'
import type { Ctx } from '../../context'
import { AppError } from '../../envelope'
import { NEVER } from '../../platforms/connector'
import { connectionsOf, POLL_EVERY } from '../../platforms/sync'
import { COLLECTIONS, type FilingRecord } from '../../records'
import { syncRemindersSafely } from '../../reminders/materialise'
import { isoShanghai } from '../../time'
import type { BoundConnection } from './binding-state'
import { toUtcIso } from '../../../domain/time'

export async function moveStage(
  ctx: Ctx,
  filing: FilingRecord,
  c: BoundConnection,
  action: StageAction
): Promise<Stage> {
  const filings = ctx.deps.store.collection<FilingRecord>(COLLECTIONS.filings)
  const now = isoShanghai(ctx.now)
  let record: FilingRecord | null = filing
  for (let attempt = 0; attempt < 3 && record; attempt++) {
    const result = applyStageAction(record.progress, action, now, {
      platform: record.profile.platform,
      province: record.profile.province,
      filingType: record.profile.filingType,
      now,
      source: 'platform',
      by: 'owner'
    })
    if (!result.ok) throw new AppError('STAGE_RULE', result.message, undefined, result.code)
    const changed = await filings.updateWhere(
      { _id: record._id, version: record.version },
      { set: { progress: result.progress, updatedAt: now }, inc: { version: 1 } }
    )
    if (changed) {
      const updated = await filings.get(record._id)
      if (updated) await syncRemindersSafely(ctx.deps, updated)
      // the platform reviews now: the status sync looks again at the stage's cadence, not the idle hourly one
      const every = POLL_EVERY[result.progress.stage]
      await connectionsOf(ctx.deps).updateWhere(
        { _id: c._id },
        { set: { nextSyncAt: every ? toUtcIso(ctx.now.getTime() + every) : NEVER }, inc: { version: 1 } }
      )
      return result.progress.stage
    }
    record = await filings.get(record._id)
  }
  throw new AppError('CONFLICT', '备案记录正在别处修改，请刷新后再试')
}
