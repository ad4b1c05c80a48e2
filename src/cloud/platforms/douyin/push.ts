/**
 * Douyin service-provider pushes (授权事件接收 URL and 消息与事件接收 URL): JSON `{Nonce, TimeStamp, Encrypt,
 * MsgSignature}`, signed and encrypted like WeChat's but with a 32-byte random prefix (douyin-icp-api.md §4.2).
 */
import { z } from 'zod'
import type { Clock, Store } from '../../ports'
import { openSealedPush } from '../shared/open-push'
import { DOUYIN_PREFIX_BYTES, encryptPush, PushRejected, pushSignature } from '../shared/push-crypto'

export interface DouyinPushSecrets {
  componentAppId: string
  /** 消息验证 TOKEN */
  token: string
  /** 消息加密解密 KEY (43 chars) */
  encodingAesKey: string
}

const envelopeSchema = z.object({
  Nonce: z.string().min(1).max(64),
  TimeStamp: z.union([z.string(), z.number()]).transform(String),
  Encrypt: z.string().min(1).max(1_000_000),
  MsgSignature: z.string().min(1).max(64)
})

export async function openDouyinPush(
  deps: { store: Store; clock: Clock },
  secrets: DouyinPushSecrets,
  body: unknown
): Promise<Record<string, unknown>> {
  const parsed = envelopeSchema.safeParse(body)
  if (!parsed.success) throw new PushRejected('format')
  const { Nonce, TimeStamp, Encrypt, MsgSignature } = parsed.data
  const sealed = { timestamp: TimeStamp, nonce: Nonce, encrypted: Encrypt, signature: MsgSignature }
  const message = await openSealedPush(deps, 'douyin', secrets, sealed, DOUYIN_PREFIX_BYTES)
  try {
    const value: unknown = JSON.parse(message)
    if (!value || typeof value !== 'object' || Array.isArray(value)) throw new Error('not an object')
    return value as Record<string, unknown>
  } catch {
    throw new PushRejected('format')
  }
}

export function sealDouyinPush(
  secrets: DouyinPushSecrets,
  message: Record<string, unknown>,
  timestamp: string,
  nonce: string
): { Nonce: string; TimeStamp: string; Encrypt: string; MsgSignature: string } {
  const encrypted = encryptPush(
    secrets.encodingAesKey,
    JSON.stringify(message),
    secrets.componentAppId,
    DOUYIN_PREFIX_BYTES
  )
  return {
    Nonce: nonce,
    TimeStamp: timestamp,
    Encrypt: encrypted,
    MsgSignature: pushSignature(secrets.token, timestamp, nonce, encrypted)
  }
}
