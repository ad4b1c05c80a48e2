/**
 * Where a submission's state lives: on the filing's binding (`platform_connections`, field `submission`) — media ids
 * per slot, the face task, the platform's last refusal — so no new collection is needed and disconnecting forgets it.
 * Also: which PlatformFilingApi serves the binding, and the platforms' errors in the owner's words.
 */
import type { Ctx, Deps } from '../../context'
import { AppError } from '../../envelope'
import type { ConnectionRecord, ConnectorPlatform } from '../../platforms/connector'
import { FilingApiUnsupported, type PlatformFilingApi } from '../../platforms/filing-api'
import { filingApiFor } from '../../platforms/filing-apis'
import { GrantRevoked, PermissionMissing, PlatformError } from '../../platforms/shared/http'
import { COLLECTIONS, type FilingRecord } from '../../records'
import type { SubmissionState } from './views'

export type BoundConnection = ConnectionRecord & { submission?: SubmissionState }

export const PLATFORM_NAME: Record<ConnectorPlatform, string> = { wechat: '微信', douyin: '抖音' }

export const emptySubmission = (): SubmissionState => ({ media: {}, platformFindings: [] })

const bindings = (deps: Pick<Deps, 'store'>) => deps.store.collection<BoundConnection>(COLLECTIONS.platformConnections)

/** The filing's active binding; without one nothing can be sent to the platform. */
export async function activeBinding(ctx: Ctx, filing: FilingRecord): Promise<BoundConnection> {
  const [c] = await bindings(ctx.deps).find({ filingId: filing._id, ownerId: filing.ownerId }, { limit: 1 })
  if (!c || c.state !== 'active')
    throw new AppError('NOT_FOUND', '这份备案还没有连接小程序（或授权已失效），请先连接小程序再提交')
  return c
}

/** Applies `change` to the stored submission state, retried on a concurrent write (the sync job writes too). */
export async function updateSubmission(
  ctx: Ctx,
  c: BoundConnection,
  change: (s: SubmissionState) => SubmissionState
): Promise<SubmissionState> {
  const col = bindings(ctx.deps)
  let current: BoundConnection | null = c
  for (let attempt = 0; attempt < 5 && current; attempt++) {
    const next = change(current.submission ?? emptySubmission())
    const n = await col.updateWhere(
      { _id: current._id, version: current.version },
      { set: { submission: next, updatedAt: ctx.now.toISOString() }, inc: { version: 1 } }
    )
    if (n) return next
    current = await col.get(current._id)
  }
  throw new AppError('CONFLICT', '提交状态正在别处更新，请稍后再试')
}

/**
 * The configured platform's filing API over the connector's clients (a test may hand one in as `filing`); a
 * deployment without the connector cannot submit.
 */
export function filingApiOf(deps: Deps, platform: ConnectorPlatform): PlatformFilingApi {
  const given = (deps.platforms?.[platform] as { filing?: PlatformFilingApi } | undefined)?.filing
  const api = given ?? filingApiFor(deps.platforms, platform, deps.clock)
  if (!api) throw new AppError('UNAVAILABLE', `服务器没有配置${PLATFORM_NAME[platform]}的备案接口，暂不能在线提交`)
  return api
}

/** A platform failure in the owner's words (the platform's own message kept; never a token or a stack). */
export function platformFailure(err: unknown, platform: ConnectorPlatform): never {
  const name = PLATFORM_NAME[platform]
  if (err instanceof AppError) throw err
  if (err instanceof GrantRevoked)
    throw new AppError('FORBIDDEN', `小程序已取消对备案助手的授权，请重新连接小程序后再试`, undefined, 'GRANT_REVOKED')
  if (err instanceof PermissionMissing)
    throw new AppError(
      'FORBIDDEN',
      platform === 'wechat'
        ? '授权时没有勾选备案相关权限（权限集 18 或 156），请重新连接小程序并勾选'
        : '授权时没有勾选基本信息设置权限，请重新连接小程序并勾选',
      undefined,
      'PERMISSION_MISSING'
    )
  if (err instanceof FilingApiUnsupported)
    throw new AppError('INVALID', `${name}没有提供这项操作的接口，请在${name}的小程序管理后台操作`)
  if (err instanceof PlatformError)
    throw new AppError(
      'UNAVAILABLE',
      `${name}返回错误（${err.errcode}）${err.errmsg ? `：${err.errmsg}` : ''}，请稍后再试`,
      undefined,
      `PLATFORM_${err.errcode}`
    )
  throw err
}

/** Runs one platform call, turning its failures into answers for the owner. */
export async function onPlatform<T>(platform: ConnectorPlatform, call: () => Promise<T>): Promise<T> {
  try {
    return await call()
  } catch (err) {
    return platformFailure(err, platform)
  }
}
