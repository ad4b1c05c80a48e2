/**
 * Following the filing: one poll of one bound mini-program (status → observed state → stage actions through the
 * domain's machine → reminders replanned at once), and the scheduled job that polls every binding that is due —
 * every 5 minutes while a stage can change within hours, every 30 in 管局 review, hourly while nothing is under
 * review, never once final — with backoff on errors and the clients' per-API limits.
 */
import {
  applyPlatformObservation,
  douyinObservedState,
  wechatObservedState,
  type PlatformObservation
} from '../../domain/platform-status'
import type { Stage } from '../../domain/types'
import type { Deps } from '../context'
import { COLLECTIONS, type FilingRecord } from '../records'
import { syncRemindersSafely } from '../reminders/materialise'
import { isoShanghai } from '../time'
import {
  connectionId,
  NEVER,
  type ConnectionRecord,
  type ConnectorPlatform,
  type NoticeKind,
  type NoticeRecord,
  type PlatformConnector
} from './connector'
import { GrantRevoked, PermissionMissing, PlatformError } from './shared/http'
import { forgetOldNonces } from './shared/replay'
import { randomId } from '../crypto'
import { toUtcIso } from '../../domain/time'

const MINUTE = 60_000
/** Poll cadence by stage (ms); absent = never. */
export const POLL_EVERY: Partial<Record<Stage, number>> = {
  draft: 60 * MINUTE,
  platform_review: 5 * MINUTE,
  platform_rejected: 60 * MINUTE,
  sms_verification: 5 * MINUTE,
  sms_expired: 60 * MINUTE,
  admin_review: 30 * MINUTE,
  admin_rejected: 60 * MINUTE
}
const MAX_BACKOFF = 6 * 60 * MINUTE

export function backoffMs(failures: number): number {
  return Math.min(MAX_BACKOFF, 5 * MINUTE * 2 ** Math.max(0, failures - 1))
}

export function connectionsOf(deps: Pick<Deps, 'store'>) {
  return deps.store.collection<ConnectionRecord>(COLLECTIONS.platformConnections)
}

export async function notifyOwner(
  deps: Pick<Deps, 'store' | 'clock'>,
  c: { ownerId: string; filingId: string; platform: ConnectorPlatform },
  kind: NoticeKind
): Promise<void> {
  await deps.store.collection<NoticeRecord>(COLLECTIONS.platformNotices).insert({
    _id: randomId(),
    version: 1,
    ownerId: c.ownerId,
    filingId: c.filingId,
    platform: c.platform,
    kind,
    createdAt: deps.clock.now().toISOString()
  })
}

/** Drops the binding and its tokens, and tells the owner (revocation push, or the platform says the grant is gone). */
export async function unbind(
  deps: Deps,
  connector: PlatformConnector,
  platform: ConnectorPlatform,
  appId: string,
  kind: NoticeKind = 'revoked'
): Promise<boolean> {
  const col = connectionsOf(deps)
  const found = await col.get(connectionId(platform, appId))
  await connector[platform]?.client.forgetAuthorizer(appId)
  if (!found) return false
  const removed = await col.removeWhere({ _id: found._id })
  if (removed) {
    await notifyOwner(deps, found, kind)
    deps.logger.info('platform_unbound', { platform, filingId: found.filingId, kind })
  }
  return removed > 0
}

export interface Observed {
  observation: Omit<PlatformObservation, 'observedAt' | 'previousObservedAt'>
  status: number
  sms?: number
}

async function observe(connector: PlatformConnector, c: ConnectionRecord): Promise<Observed> {
  if (c.platform === 'wechat') {
    const client = connector.wechat!.client
    const info = await client.getIcpEntranceInfo(c.appId)
    const state = wechatObservedState(info.status, info.sms_verify_status)
    const filingNumber = state === 'filed' ? await client.getMiniProgramFilingNumber(c.appId) : undefined
    return {
      status: info.status,
      ...(info.sms_verify_status !== undefined ? { sms: info.sms_verify_status } : {}),
      observation: {
        state,
        audit: info.audit_data.map((a) => ({ field: a.key_name, error: a.error, suggestion: a.suggest })),
        ...(filingNumber ? { filingNumber } : {})
      }
    }
  }
  const client = connector.douyin!.client
  const { status, symbolic } = await client.queryRecordStatus(c.appId)
  const state = douyinObservedState(symbolic)
  const filingNumber = state === 'filed' ? await client.latestFilingNumber(c.appId) : undefined
  // Douyin gives no rejection reasons in the status answer (UNCONFIRMED `region_list`): none are invented
  return { status, observation: { state, ...(filingNumber ? { filingNumber } : {}) } }
}

export type SyncOutcome = 'unchanged' | 'advanced' | 'revoked' | 'permission_missing' | 'failed' | 'gone'

/** Applies one observation to the stored filing (optimistic, retried on a concurrent write) and replans reminders. */
export async function applyObservation(
  deps: Deps,
  c: ConnectionRecord,
  observed: Observed
): Promise<{ changed: boolean; stage?: Stage; pendingNumber: boolean; exists: boolean }> {
  const filings = deps.store.collection<FilingRecord>(COLLECTIONS.filings)
  const now = deps.clock.now()
  for (let attempt = 0; attempt < 3; attempt++) {
    const record = await filings.get(c.filingId)
    if (!record || record.ownerId !== c.ownerId) return { changed: false, pendingNumber: false, exists: false }
    const result = applyPlatformObservation(
      record.progress,
      {
        ...observed.observation,
        observedAt: isoShanghai(now),
        ...(c.lastObservedAt ? { previousObservedAt: isoShanghai(new Date(c.lastObservedAt)) } : {})
      },
      { platform: record.profile.platform, province: record.profile.province, filingType: record.profile.filingType }
    )
    if (result.refused) deps.logger.warn('platform_sync_refused', { filingId: c.filingId, code: result.refused.code })
    const pendingNumber = result.pending === 'filing_number'
    if (!result.applied.length) return { changed: false, stage: record.progress.stage, pendingNumber, exists: true }
    const changed = await filings.updateWhere(
      { _id: record._id, version: record.version },
      { set: { progress: result.progress, updatedAt: isoShanghai(now) }, inc: { version: 1 } }
    )
    if (!changed) continue
    const updated = await filings.get(record._id)
    // the SMS window's reminders are planned the moment the stage changes
    if (updated) await syncRemindersSafely(deps, updated)
    deps.logger.info('platform_sync_advanced', {
      filingId: c.filingId,
      platform: c.platform,
      stage: result.progress.stage,
      steps: result.applied.length
    })
    return { changed: true, stage: result.progress.stage, pendingNumber, exists: true }
  }
  return { changed: false, pendingNumber: false, exists: true }
}

/** One poll of one binding; never throws for a platform answer. */
export async function syncConnection(
  deps: Deps,
  connector: PlatformConnector,
  c: ConnectionRecord
): Promise<SyncOutcome> {
  const col = connectionsOf(deps)
  const now = deps.clock.now()
  if (!connector[c.platform]) return 'failed'
  try {
    const observed = await observe(connector, c)
    const applied = await applyObservation(deps, c, observed)
    if (!applied.exists) {
      await col.removeWhere({ _id: c._id })
      return 'gone'
    }
    const every = applied.pendingNumber ? 30 * MINUTE : applied.stage ? POLL_EVERY[applied.stage] : undefined
    await col.updateWhere(
      { _id: c._id },
      {
        set: {
          lastObservedAt: now.toISOString(),
          lastState: observed.observation.state,
          lastStatus: observed.status,
          ...(observed.sms !== undefined ? { lastSmsStatus: observed.sms } : {}),
          pendingFilingNumber: applied.pendingNumber,
          failures: 0,
          nextSyncAt: every ? toUtcIso(now.getTime() + every) : NEVER,
          updatedAt: now.toISOString()
        },
        unset: ['lastErrorCode', ...(observed.sms === undefined ? (['lastSmsStatus'] as const) : [])],
        inc: { version: 1 }
      }
    )
    return applied.changed ? 'advanced' : 'unchanged'
  } catch (err) {
    if (err instanceof GrantRevoked) {
      await unbind(deps, connector, c.platform, c.appId, 'revoked')
      return 'revoked'
    }
    if (err instanceof PermissionMissing) {
      const n = await col.updateWhere(
        { _id: c._id, state: 'active' },
        { set: { state: 'permission_missing', nextSyncAt: NEVER, updatedAt: now.toISOString() }, inc: { version: 1 } }
      )
      if (n) await notifyOwner(deps, c, 'permission_missing')
      return 'permission_missing'
    }
    const failures = c.failures + 1
    const code = err instanceof PlatformError ? err.errcode : -1
    deps.logger.warn('platform_sync_failed', { platform: c.platform, filingId: c.filingId, code, failures })
    await col.updateWhere(
      { _id: c._id },
      {
        set: {
          failures,
          lastErrorCode: code,
          nextSyncAt: toUtcIso(now.getTime() + backoffMs(failures)),
          updatedAt: now.toISOString()
        },
        inc: { version: 1 }
      }
    )
    return 'failed'
  }
}

export interface SyncJobOptions {
  /** Bindings polled at once (the clients' rate limiters spread the calls). */
  concurrency?: number
  /** At most this many bindings per run. */
  limit?: number
  /** How long a claimed binding stays hidden from another run (a crashed run's claims come back after it). */
  leaseMs?: number
  /** Stop claiming after this long (a cloud function has a time limit); the rest stays due for the next run. */
  budgetMs?: number
}

export type SyncJobReport = Record<SyncOutcome, number> & { due: number }

/** Polls every due binding once. Claims each by a conditional write, so overlapping runs never poll one twice. */
export async function runPlatformSync(
  deps: Deps,
  connector: PlatformConnector,
  options: SyncJobOptions = {}
): Promise<SyncJobReport> {
  const { concurrency = 50, limit = 20_000, leaseMs = 10 * MINUTE, budgetMs = Infinity } = options
  const col = connectionsOf(deps)
  const now = deps.clock.now()
  const due = await col.find(
    { state: 'active', nextSyncAt: { $lte: now.toISOString() } },
    { orderBy: { field: 'nextSyncAt', direction: 'asc' }, limit }
  )
  const outOfTime = () => deps.clock.now().getTime() - now.getTime() > budgetMs
  const report: SyncJobReport = {
    due: due.length,
    unchanged: 0,
    advanced: 0,
    revoked: 0,
    permission_missing: 0,
    failed: 0,
    gone: 0
  }
  let next = 0
  const worker = async () => {
    while (next < due.length && !outOfTime()) {
      const c = due[next++]
      const claimed = await col.updateWhere(
        { _id: c._id, version: c.version },
        { set: { nextSyncAt: toUtcIso(now.getTime() + leaseMs) }, inc: { version: 1 } }
      )
      if (!claimed) continue
      report[await syncConnection(deps, connector, { ...c, version: c.version + 1 })]++
    }
  }
  await Promise.all(Array.from({ length: Math.min(concurrency, due.length) }, worker))
  await forgetOldNonces(deps)
  return report
}
