/**
 * A manual report never fights a synced one: on a filing bound to a mini-program, the steps the platform reports are
 * the sync's alone. WeChat reports every step including the SMS check (sms_verify_status); Douyin has no SMS field,
 * so there the SMS steps stay the user's. Abandoning (cancel) is always the user's.
 */
import type { StageAction } from '../../domain/types'
import type { Deps } from '../context'
import { AppError } from '../envelope'
import type { ConnectorPlatform } from './connector'
import { connectionsOf } from './sync'

const MANUAL_WHEN_SYNCED: Record<ConnectorPlatform, StageAction['type'][]> = {
  wechat: ['cancel'],
  douyin: ['cancel', 'sms_verified', 'sms_expire']
}

/** The platform the filing is bound to and actively synced from, if any. */
async function syncedPlatformOf(deps: Pick<Deps, 'store'>, filingId: string): Promise<ConnectorPlatform | undefined> {
  const [c] = await connectionsOf(deps).find({ filingId, state: 'active' }, { limit: 1 })
  return c?.platform
}

/** A view offers only the steps a manual report may still take: the rest arrive from the platform. */
export async function withoutSyncedSteps<V extends { id: string; actions: StageAction['type'][] }>(
  deps: Pick<Deps, 'store'>,
  view: V
): Promise<V> {
  const platform = await syncedPlatformOf(deps, view.id)
  if (!platform) return view
  return { ...view, actions: view.actions.filter((a) => MANUAL_WHEN_SYNCED[platform].includes(a)) }
}

export async function refuseManualStepOnSyncedFiling(
  deps: Pick<Deps, 'store'>,
  filingId: string,
  action: StageAction['type']
): Promise<void> {
  const platform = await syncedPlatformOf(deps, filingId)
  if (platform && !MANUAL_WHEN_SYNCED[platform].includes(action)) {
    throw new AppError(
      'STAGE_RULE',
      '这份备案已连接小程序，进度由平台自动同步，无需手动更新',
      { action: ['进度由平台自动同步'] },
      'SYNCED_BY_PLATFORM'
    )
  }
}
