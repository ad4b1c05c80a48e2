/**
 * The push encryption both platforms use (WeChat's WXBizMsgCrypt scheme; Douyin's variant of it): a SHA-1 signature
 * over the sorted token, timestamp, nonce and ciphertext, and AES-256-CBC with IV = key[0..16), PKCS#7 padding to
 * 32-byte blocks, plaintext = random prefix ‖ 4-byte big-endian length ‖ message ‖ receiver appid.
 * WeChat's random prefix is 16 bytes, Douyin's 32 (wechat-icp-api.md §4.2, douyin-icp-api.md §4.2).
 */
import { createCipheriv, createDecipheriv, createHash, randomBytes, timingSafeEqual } from 'crypto'

export const WECHAT_PREFIX_BYTES = 16
export const DOUYIN_PREFIX_BYTES = 32
const BLOCK = 32

export class PushRejected extends Error {
  constructor(readonly reason: 'signature' | 'decrypt' | 'appid' | 'replay' | 'format' | 'stale') {
    super(`push rejected: ${reason}`)
    this.name = 'PushRejected'
  }
}

/** SHA-1 hex (lower case) of the four values sorted by code unit and concatenated. */
export function pushSignature(token: string, timestamp: string, nonce: string, encrypted: string): string {
  const joined = [token, timestamp, nonce, encrypted].sort().join('')
  return createHash('sha1').update(joined, 'utf8').digest('hex')
}

/** Constant-time comparison, so the signature cannot be guessed byte by byte from response times. */
export function signatureMatches(expected: string, given: string): boolean {
  const a = Buffer.from(expected, 'utf8')
  const b = Buffer.from(given.toLowerCase(), 'utf8')
  return a.length === b.length && timingSafeEqual(a, b)
}

/** EncodingAESKey (43 chars of [A-Za-z0-9]) → the 32-byte AES key. */
export function aesKeyOf(encodingAesKey: string): Buffer {
  if (!/^[A-Za-z0-9]{43}$/.test(encodingAesKey)) throw new Error('EncodingAESKey must be 43 alphanumeric characters')
  return Buffer.from(encodingAesKey + '=', 'base64')
}

export interface DecryptedPush {
  message: string
  /** The receiver appid at the end of the plaintext (the provider's own). */
  appId: string
}

export function decryptPush(encodingAesKey: string, encrypted: string, prefixBytes: number): DecryptedPush {
  const key = aesKeyOf(encodingAesKey)
  let plain: Buffer
  try {
    const decipher = createDecipheriv('aes-256-cbc', key, key.subarray(0, 16))
    decipher.setAutoPadding(false)
    plain = Buffer.concat([decipher.update(Buffer.from(encrypted, 'base64')), decipher.final()])
  } catch {
    throw new PushRejected('decrypt')
  }
  const pad = plain[plain.length - 1]
  if (!plain.length || pad < 1 || pad > BLOCK || pad > plain.length) throw new PushRejected('decrypt')
  const body = plain.subarray(0, plain.length - pad)
  if (body.length < prefixBytes + 4) throw new PushRejected('decrypt')
  const length = body.readUInt32BE(prefixBytes)
  const start = prefixBytes + 4
  if (start + length > body.length) throw new PushRejected('decrypt')
  return {
    message: body.subarray(start, start + length).toString('utf8'),
    appId: body.subarray(start + length).toString('utf8')
  }
}

export function encryptPush(
  encodingAesKey: string,
  message: string,
  appId: string,
  prefixBytes: number,
  prefix: Buffer = randomBytes(prefixBytes)
): string {
  const key = aesKeyOf(encodingAesKey)
  const msg = Buffer.from(message, 'utf8')
  const length = Buffer.alloc(4)
  length.writeUInt32BE(msg.length)
  const body = Buffer.concat([prefix.subarray(0, prefixBytes), length, msg, Buffer.from(appId, 'utf8')])
  const pad = BLOCK - (body.length % BLOCK)
  const cipher = createCipheriv('aes-256-cbc', key, key.subarray(0, 16))
  cipher.setAutoPadding(false)
  const padded = Buffer.concat([body, Buffer.alloc(pad, pad)])
  return Buffer.concat([cipher.update(padded), cipher.final()]).toString('base64')
}
