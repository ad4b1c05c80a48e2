/**
 * Opening a signed, encrypted push, the same on both platforms: signature, decryption, receiver appid, then the
 * timestamp window and nonce — in that order, so nothing unverified is believed and an attacker cannot fill our
 * nonce memory with unsigned junk (wechat-icp-api.md §4.2, douyin-icp-api.md §4.2).
 */
import type { Clock, Store } from '../../ports'
import { decryptPush, PushRejected, pushSignature, signatureMatches } from './push-crypto'
import { refuseReplay } from './replay'

export interface PushSecrets {
  /** The receiver appid the plaintext must end with: ours. */
  componentAppId: string
  token: string
  encodingAesKey: string
}

/** A push's envelope as the platform sent it. */
export interface SealedPush {
  timestamp: string
  nonce: string
  encrypted: string
  signature: string
}

/** The push's plaintext message, once every check has passed; otherwise PushRejected with the first that failed. */
export async function openSealedPush(
  deps: { store: Store; clock: Clock },
  platform: 'wechat' | 'douyin',
  secrets: PushSecrets,
  push: SealedPush,
  prefixBytes: number
): Promise<string> {
  const { timestamp, nonce, encrypted, signature } = push
  if (!signatureMatches(pushSignature(secrets.token, timestamp, nonce, encrypted), signature)) {
    throw new PushRejected('signature')
  }
  const { message, appId } = decryptPush(secrets.encodingAesKey, encrypted, prefixBytes)
  if (appId !== secrets.componentAppId) throw new PushRejected('appid')
  await refuseReplay(deps, platform, timestamp, nonce)
  return message
}
