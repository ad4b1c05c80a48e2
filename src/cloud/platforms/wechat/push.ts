/**
 * WeChat third-party-platform pushes to the 授权事件接收 URL: encrypted XML (安全模式 is forced for providers).
 * Verified in this order — signature, decryption, receiver appid, timestamp window and nonce — before any field is
 * believed (wechat-icp-api.md §4.2, §4.8, §14).
 */
import type { Clock, Store } from '../../ports'
import { openSealedPush } from '../shared/open-push'
import { encryptPush, PushRejected, pushSignature, WECHAT_PREFIX_BYTES } from '../shared/push-crypto'
import { parseFlatXml, toFlatXml } from '../shared/xml'

export interface WechatPushSecrets {
  componentAppId: string
  /** 消息校验Token */
  token: string
  /** 消息加解密Key (43 chars) */
  encodingAesKey: string
}

export interface WechatPushQuery {
  timestamp?: string
  nonce?: string
  msg_signature?: string
}

/** A verified, decrypted push: its top-level fields (`InfoType`, `ComponentVerifyTicket`, `AuthorizerAppid`…). */
export type WechatPushFields = Record<string, string>

export async function openWechatPush(
  deps: { store: Store; clock: Clock },
  secrets: WechatPushSecrets,
  query: WechatPushQuery,
  body: string
): Promise<WechatPushFields> {
  const { timestamp, nonce, msg_signature: signature } = query
  if (!timestamp || !nonce || !signature) throw new PushRejected('format')
  let envelope: Record<string, string>
  try {
    envelope = parseFlatXml(body)
  } catch {
    throw new PushRejected('format')
  }
  const encrypted = envelope.Encrypt
  if (!encrypted) throw new PushRejected('format')
  const sealed = { timestamp, nonce, encrypted, signature }
  const message = await openSealedPush(deps, 'wechat', secrets, sealed, WECHAT_PREFIX_BYTES)
  try {
    return parseFlatXml(message)
  } catch {
    throw new PushRejected('format')
  }
}

/** What WeChat sends (used by the fake and by tests): the query string values and the XML body. */
export function sealWechatPush(
  secrets: WechatPushSecrets,
  fields: Record<string, string | number>,
  timestamp: string,
  nonce: string
): { query: Required<WechatPushQuery>; body: string } {
  const encrypted = encryptPush(secrets.encodingAesKey, toFlatXml(fields), secrets.componentAppId, WECHAT_PREFIX_BYTES)
  return {
    query: { timestamp, nonce, msg_signature: pushSignature(secrets.token, timestamp, nonce, encrypted) },
    body: toFlatXml({ AppId: secrets.componentAppId, Encrypt: encrypted })
  }
}
