/**
 * Replay refusal for pushes: the timestamp must be within a window of now, and a (platform, timestamp, nonce) seen
 * once is refused afterwards. Nonces are remembered in the store (one insert per push, a duplicate key = replay) for
 * as long as the window lasts, so a second instance of the server refuses the replay too.
 */
import type { Clock, Store, StoredDoc } from '../../ports'
import { DuplicateKeyError } from '../../ports'
import { sha256Hex } from '../../crypto'
import { PushRejected } from './push-crypto'
import { toUtcIso } from '../../../domain/time'

export const PUSH_NONCES = 'platform_push_nonces'
/** ±5 minutes: pushes are delivered at once and retried within minutes. */
export const REPLAY_WINDOW_SECONDS = 300

export interface PushNonceRecord extends StoredDoc {
  platform: string
  /** UTC ISO; after this the timestamp check alone refuses the push, so the record may go. */
  expiresAt: string
}

export async function refuseReplay(
  deps: { store: Store; clock: Clock },
  platform: 'wechat' | 'douyin',
  timestampSeconds: string,
  nonce: string,
  windowSeconds = REPLAY_WINDOW_SECONDS
): Promise<void> {
  const ts = Number(timestampSeconds)
  if (!/^\d{1,12}$/.test(timestampSeconds) || !Number.isFinite(ts)) throw new PushRejected('format')
  const nowMs = deps.clock.now().getTime()
  if (Math.abs(nowMs - ts * 1000) > windowSeconds * 1000) throw new PushRejected('stale')
  const col = deps.store.collection<PushNonceRecord>(PUSH_NONCES)
  try {
    await col.insert({
      _id: sha256Hex(`${platform}|${timestampSeconds}|${nonce}`).slice(0, 40),
      version: 1,
      platform,
      expiresAt: toUtcIso(ts * 1000 + windowSeconds * 1000)
    })
  } catch (err) {
    if (err instanceof DuplicateKeyError) throw new PushRejected('replay')
    throw err
  }
}

/** Drops remembered nonces whose timestamps the window refuses anyway (run by the sync job). */
export async function forgetOldNonces(deps: { store: Store; clock: Clock }): Promise<number> {
  return deps.store
    .collection<PushNonceRecord>(PUSH_NONCES)
    .removeWhere({ expiresAt: { $lt: deps.clock.now().toISOString() } })
}
