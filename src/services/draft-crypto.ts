/**
 * Encryption of the sensitive part of a form draft kept on the device: AES-256-GCM from @noble/ciphers, which is
 * plain JavaScript and so runs on WeChat and Douyin, where there is no WebCrypto. The key comes from the back end
 * (`filings.draftKey`, derived per user) and is kept in memory only: the device's storage holds ciphertext whose key
 * is not on the device.
 */
import Taro from '@tarojs/taro'
import { ctr, gcm } from '@noble/ciphers/aes'
import { SENSITIVE_FIELD_PATHS, type FilingForm, type SensitiveFieldPath } from '../domain/types'
import { api } from './api'

/** The sensitive values of one form, by dotted path. An empty string is kept: it means the user cleared the field. */
export type SensitiveValues = Partial<Record<SensitiveFieldPath, string>>

const SEAL_PREFIX = 'fd1'
const KEY_BYTES = 32
const NONCE_BYTES = 12

// ---- bytes ↔ text (TextEncoder is missing on some mini-program engines) ----

export function utf8Encode(text: string): Uint8Array {
  const out: number[] = []
  for (const ch of text) {
    const c = ch.codePointAt(0)!
    if (c < 0x80) out.push(c)
    else if (c < 0x800) out.push(0xc0 | (c >> 6), 0x80 | (c & 63))
    else if (c < 0x10000) out.push(0xe0 | (c >> 12), 0x80 | ((c >> 6) & 63), 0x80 | (c & 63))
    else out.push(0xf0 | (c >> 18), 0x80 | ((c >> 12) & 63), 0x80 | ((c >> 6) & 63), 0x80 | (c & 63))
  }
  return Uint8Array.from(out)
}

export function utf8Decode(bytes: Uint8Array): string {
  let out = ''
  for (let i = 0; i < bytes.length;) {
    const b = bytes[i]
    const size = b < 0x80 ? 1 : b >= 0xf0 ? 4 : b >= 0xe0 ? 3 : 2
    let c = size === 1 ? b : b & (0xff >> (size + 1))
    for (let j = 1; j < size; j++) c = (c << 6) | (bytes[i + j] & 63)
    out += String.fromCodePoint(c)
    i += size
  }
  return out
}

const B64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/'

export function toBase64(bytes: Uint8Array): string {
  let out = ''
  for (let i = 0; i < bytes.length; i += 3) {
    const n = (bytes[i] << 16) | ((bytes[i + 1] ?? 0) << 8) | (bytes[i + 2] ?? 0)
    out += B64[n >> 18] + B64[(n >> 12) & 63]
    out += i + 1 < bytes.length ? B64[(n >> 6) & 63] : '='
    out += i + 2 < bytes.length ? B64[n & 63] : '='
  }
  return out
}

export function fromBase64(text: string): Uint8Array {
  const clean = text.replace(/[\s=]/g, '')
  if (/[^A-Za-z0-9+/]/.test(clean)) throw new Error('not base64')
  const out: number[] = []
  let bits = 0
  let acc = 0
  for (const ch of clean) {
    acc = (acc << 6) | B64.indexOf(ch)
    bits += 6
    if (bits >= 8) {
      bits -= 8
      out.push((acc >> bits) & 0xff)
    }
  }
  return Uint8Array.from(out)
}

// ---- randomness ----

type WebCryptoLike = { getRandomValues<T extends Uint8Array>(array: T): T }

function webCrypto(): WebCryptoLike | undefined {
  const c = (globalThis as { crypto?: Partial<WebCryptoLike> }).crypto
  return typeof c?.getRandomValues === 'function' ? (c as WebCryptoLike) : undefined
}

/** State of the fallback generator for engines without WebCrypto (WeChat, Douyin). */
let generatorKey: Uint8Array | null = null
/** Whether the fallback generator had to be seeded from Math.random (no secure source at all). */
let weaklySeeded = false

/** wx.getRandomValues / tt.getRandomValues (both asynchronous), through Taro. */
function platformRandom(length: number): Promise<Uint8Array | null> {
  const fn = (Taro as unknown as { getRandomValues?: (o: object) => unknown }).getRandomValues
  if (process.env.TARO_ENV === 'h5' || typeof fn !== 'function') return Promise.resolve(null)
  return new Promise((resolve) => {
    try {
      const done = (res: { randomValues?: ArrayBuffer }) =>
        resolve(res?.randomValues?.byteLength === length ? new Uint8Array(res.randomValues) : null)
      const maybe = fn({ length, success: done, fail: () => resolve(null) }) as Promise<unknown> | undefined
      maybe?.catch?.(() => resolve(null))
    } catch {
      resolve(null)
    }
  })
}

/**
 * Seeds the fallback generator once, before the first seal (the key fetch awaits it). Browsers and Node have
 * WebCrypto and need nothing.
 */
export async function prepareRandom(): Promise<void> {
  if (webCrypto() || generatorKey) return
  const seed = await platformRandom(KEY_BYTES)
  if (generatorKey) return
  if (seed) {
    generatorKey = seed
    return
  }
  // Last resort, only on an engine with no secure source at all: a nonce that is unpredictable enough to be
  // unique, which is all GCM needs from it (the key itself comes from the server)
  weaklySeeded = true
  generatorKey = new Uint8Array(KEY_BYTES)
  const now = Date.now()
  for (let i = 0; i < KEY_BYTES; i++) generatorKey[i] = Math.floor(Math.random() * 256) ^ ((now / 2 ** (i % 6)) & 0xff)
}

export function randomQuality(): 'webcrypto' | 'platform' | 'weak' | 'unseeded' {
  if (webCrypto()) return 'webcrypto'
  if (!generatorKey) return 'unseeded'
  return weaklySeeded ? 'weak' : 'platform'
}

/** Secure random bytes: WebCrypto where it exists, else AES-CTR with fast key erasure over a platform seed. */
export function randomBytes(length: number): Uint8Array {
  const c = webCrypto()
  if (c) return c.getRandomValues(new Uint8Array(length))
  if (!generatorKey) throw new Error('random source not prepared')
  const stream = ctr(generatorKey, new Uint8Array(16)).encrypt(new Uint8Array(KEY_BYTES + length))
  generatorKey = stream.slice(0, KEY_BYTES)
  return stream.slice(KEY_BYTES)
}

// ---- splitting a form ----

type Sections = Record<string, Record<string, unknown> | undefined>

/** The form without its sensitive values, and those values by path. */
export function splitSensitive(form: FilingForm): { plain: FilingForm; sensitive: SensitiveValues } {
  const plain = JSON.parse(JSON.stringify(form)) as Sections
  const sensitive: SensitiveValues = {}
  for (const path of SENSITIVE_FIELD_PATHS) {
    const [section, field] = path.split('.')
    const part = plain[section]
    if (!part || !(field in part)) continue
    const value = part[field]
    if (typeof value === 'string') sensitive[path] = value
    delete part[field]
  }
  return { plain: plain as unknown as FilingForm, sensitive }
}

/** Lays sensitive values over a form (a copy). */
export function mergeSensitive(form: FilingForm, sensitive: SensitiveValues): FilingForm {
  const out = JSON.parse(JSON.stringify(form)) as Sections
  for (const path of SENSITIVE_FIELD_PATHS) {
    const value = sensitive[path]
    if (typeof value !== 'string') continue
    const [section, field] = path.split('.')
    out[section] = { ...(out[section] ?? {}), [field]: value }
  }
  return out as unknown as FilingForm
}

// ---- sealing ----

/** `aad` binds the ciphertext to one draft (the filing id), so a sealed part cannot be moved to another draft. */
export function sealSensitive(key: Uint8Array, values: SensitiveValues, aad: string): string {
  const nonce = randomBytes(NONCE_BYTES)
  const body = gcm(key, nonce, utf8Encode(aad)).encrypt(utf8Encode(JSON.stringify(values)))
  const out = new Uint8Array(nonce.length + body.length)
  out.set(nonce)
  out.set(body, nonce.length)
  return `${SEAL_PREFIX}.${toBase64(out)}`
}

/** Throws when the key is wrong, the text was altered or it belongs to another draft. */
export function openSealed(key: Uint8Array, sealed: string, aad: string): SensitiveValues {
  const [prefix, payload] = sealed.split('.')
  if (prefix !== SEAL_PREFIX || !payload) throw new Error('not a sealed draft')
  const raw = fromBase64(payload)
  const plain = gcm(key, raw.subarray(0, NONCE_BYTES), utf8Encode(aad)).decrypt(raw.subarray(NONCE_BYTES))
  const parsed = JSON.parse(utf8Decode(plain)) as Record<string, unknown>
  const out: SensitiveValues = {}
  for (const path of SENSITIVE_FIELD_PATHS) if (typeof parsed[path] === 'string') out[path] = parsed[path] as string
  return out
}

export function isSealed(value: unknown): value is string {
  return typeof value === 'string' && value.startsWith(SEAL_PREFIX + '.')
}

// ---- the key (memory only) ----

let cachedKey: Uint8Array | null = null
let loading: Promise<Uint8Array | null> | null = null

export function cachedDraftKey(): Uint8Array | null {
  return cachedKey
}

/** The current user's draft key: from memory, else from the back end. null when it cannot be had (offline). */
export function loadDraftKey(): Promise<Uint8Array | null> {
  if (cachedKey) return Promise.resolve(cachedKey)
  loading ??= (async () => {
    await prepareRandom()
    const result = await api.filings.draftKey({})
    if (result.ok) {
      const key = fromBase64(result.data.key)
      if (key.length === KEY_BYTES) cachedKey = key
    }
    return cachedKey
  })()
    .catch(() => cachedKey)
    .finally(() => (loading = null))
  return loading
}

/** Forgets the key (another user logs in on H5, or all data was deleted). */
export function forgetDraftKey(): void {
  cachedKey = null
}
