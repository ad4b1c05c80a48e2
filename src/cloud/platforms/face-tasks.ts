/**
 * The principal's face check as stored (collection `platform_face_tasks`): started through the filing API, moved by
 * the platforms' result pushes (WeChat notify_icpfiling_verify_result, Douyin's ICP_… push), and polled as a
 * fallback when a view asks and the last look is older than POLL_AFTER_MS. Only ids, states and times are stored.
 */
import type { Deps } from '../context'
import type { StoredDoc } from '../ports'
import { COLLECTIONS } from '../records'
import type { ConnectorPlatform } from './connector'
import { DOUYIN_FACE_RESULT_MS } from './douyin/icp-filing'
import type { FaceCheckTarget, FaceTask, FaceTaskStatus, PlatformFilingApi } from './filing-api'
import { WECHAT_FACE_TASK_MS } from './wechat/icp-filing'
import { toUtcIso } from '../../domain/time'

export const POLL_AFTER_MS = 30_000

export interface FaceTaskRecord extends StoredDoc {
  /** `_id` = `<platform>:<taskId>`. */
  platform: ConnectorPlatform
  appId: string
  filingId?: string
  taskId: string
  status: FaceTaskStatus
  channel: FaceTask['channel']
  /** Douyin: the recognition link (shown as a QR code). */
  url?: string
  startedAt: string
  /** Pending: the invitation's end; passed: when the result stops counting. */
  expiresAt?: string
  checkedAt: string
  updatedAt: string
}

type FaceDeps = Pick<Deps, 'store' | 'clock'>

const tasks = (deps: FaceDeps) => deps.store.collection<FaceTaskRecord>(COLLECTIONS.platformFaceTasks)
const faceTaskId = (platform: ConnectorPlatform, taskId: string) => `${platform}:${taskId}`

/** How long a passed check counts, from the moment we learn of it (WeChat: the task id's 3 days from its start). */
function passedUntil(r: FaceTaskRecord, now: Date): string {
  const from = r.platform === 'wechat' ? Date.parse(r.startedAt) : now.getTime()
  return toUtcIso(from + (r.platform === 'wechat' ? WECHAT_FACE_TASK_MS : DOUYIN_FACE_RESULT_MS))
}

/** Starts a new check (an expired or failed one is simply replaced by the newest). */
export async function startFaceTask(
  deps: FaceDeps,
  api: PlatformFilingApi,
  appId: string,
  who: FaceCheckTarget,
  filingId?: string
): Promise<FaceTaskRecord> {
  const task = await api.startFaceCheck(appId, who)
  const now = deps.clock.now().toISOString()
  const record: FaceTaskRecord = {
    _id: faceTaskId(api.platform, task.taskId),
    version: 1,
    platform: api.platform,
    appId,
    ...(filingId ? { filingId } : {}),
    taskId: task.taskId,
    status: task.status,
    channel: task.channel,
    ...(task.url ? { url: task.url } : {}),
    startedAt: now,
    ...(task.expiresAt ? { expiresAt: task.expiresAt } : {}),
    checkedAt: now,
    updatedAt: now
  }
  await tasks(deps).insert(record)
  return record
}

async function setStatus(deps: FaceDeps, r: FaceTaskRecord, status: FaceTaskStatus): Promise<FaceTaskRecord> {
  const now = deps.clock.now()
  const set: Partial<FaceTaskRecord> = { status, checkedAt: now.toISOString(), updatedAt: now.toISOString() }
  if (status === 'passed' && r.status !== 'passed') set.expiresAt = passedUntil(r, now)
  await tasks(deps).updateWhere({ _id: r._id }, { set, inc: { version: 1 } })
  return { ...r, ...set, version: r.version + 1 }
}

/** The newest check of a mini-program, brought up to date: expiry by time, else a poll when the last look is old. */
export async function currentFaceTask(
  deps: FaceDeps,
  api: PlatformFilingApi,
  appId: string,
  options: { pollAfterMs?: number } = {}
): Promise<FaceTaskRecord | undefined> {
  const [latest] = await tasks(deps).find(
    { appId, platform: api.platform },
    { orderBy: { field: 'startedAt', direction: 'desc' }, limit: 1 }
  )
  if (!latest || latest.status === 'failed' || latest.status === 'expired') return latest
  const now = deps.clock.now().getTime()
  if (latest.expiresAt && Date.parse(latest.expiresAt) <= now) return setStatus(deps, latest, 'expired')
  if (latest.status === 'passed') return latest
  if (now - Date.parse(latest.checkedAt) < (options.pollAfterMs ?? POLL_AFTER_MS)) return latest
  const polled = await api.faceCheckStatus(appId, latest.taskId)
  return setStatus(deps, latest, polled.status)
}

/** A result push: the stored task moves (false when we never started it). */
export async function recordFaceResult(
  deps: FaceDeps,
  platform: ConnectorPlatform,
  taskId: string,
  status: 'passed' | 'failed'
): Promise<boolean> {
  const r = await tasks(deps).get(faceTaskId(platform, taskId))
  if (!r || r.status === status) return !!r
  await setStatus(deps, r, status)
  return true
}
