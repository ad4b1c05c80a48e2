/**
 * Encryption of the sensitive part of a form draft kept on the device: XChaCha20-Poly1305 from @noble/ciphers, which
 * is plain JavaScript and so runs on WeChat and Douyin, where there is no WebCrypto. The key comes from the back end
 * (`filings.draftKey`, derived per user, the same on all of that user's devices) and is kept in memory only: the
 * device's storage holds ciphertext whose key is not on the device.
 *
 * Why XChaCha20: with one key on many devices, nonces are only as unique as the random source makes them. Its
 * 192-bit random nonces make a repeat negligible, where a repeated 96-bit AES-GCM nonce would give the key stream and
 * the authentication key away. Nonce bytes come only from the platform's secure random source (WebCrypto, or
 * wx/tt.getRandomValues); without one, sealing is refused (`NoSecureRandomError`) and the caller keeps the values
 * in memory. Drafts sealed earlier with AES-256-GCM (`fd1.`) still open, and are sealed anew on the next save.
 */
import Taro from '@tarojs/taro'
import { gcm } from '@noble/ciphers/aes'
import { xchacha20poly1305 } from '@noble/ciphers/chacha'
import { SENSITIVE_FIELD_PATHS, type FilingForm, type SensitiveFieldPath } from '../domain/types'
import { api } from './api'

/** The sensitive values of one form, by dotted path. An empty string is kept: it means the user cleared the field. */
export type SensitiveValues = Partial<Record<SensitiveFieldPath, string>>

/** The format of a sealed part, by its prefix: what seals now, and what is only read. */
const SEAL_XCHACHA = 'fd2'
const SEAL_GCM_LEGACY = 'fd1'
const KEY_BYTES = 32
const XCHACHA_NONCE_BYTES = 24
const GCM_NONCE_BYTES = 12

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

/** Thrown instead of sealing when the device has no secure random source: never a weaker nonce. */
export class NoSecureRandomError extends Error {
  constructor() {
    super('此设备没有安全的随机数来源，敏感信息暂不保存到设备上')
    this.name = 'NoSecureRandomError'
  }
}

type WebCryptoLike = { getRandomValues<T extends Uint8Array>(array: T): T }

function webCrypto(): WebCryptoLike | undefined {
  const c = (globalThis as { crypto?: Partial<WebCryptoLike> }).crypto
  return typeof c?.getRandomValues === 'function' ? (c as WebCryptoLike) : undefined
}

type PlatformGetRandomValues = (o: {
  length: number
  success(res: { randomValues?: ArrayBuffer }): void
  fail(): void
}) => unknown

/** wx.getRandomValues (base library 2.15.0) / tt.getRandomValues (2.87.0), through Taro or the platform's global. */
function platformSource(): PlatformGetRandomValues | undefined {
  if (process.env.TARO_ENV === 'h5') return undefined
  const g = globalThis as { wx?: { getRandomValues?: unknown }; tt?: { getRandomValues?: unknown } }
  const candidates = [
    (Taro as unknown as { getRandomValues?: unknown }).getRandomValues,
    g.wx?.getRandomValues,
    g.tt?.getRandomValues
  ]
  return candidates.find((fn): fn is PlatformGetRandomValues => typeof fn === 'function')
}

/** Asynchronous on both platforms: `length` secure random bytes, or null when the platform has none to give. */
function platformRandom(length: number): Promise<Uint8Array | null> {
  const fn = platformSource()
  if (!fn) return Promise.resolve(null)
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
 * Platform random bytes fetched ahead, because sealing is synchronous and the platform's source is not. Each byte
 * is handed out once and then dropped; the pool is topped up in the background when it runs low.
 */
const POOL_BYTES = 32 * XCHACHA_NONCE_BYTES
let pool = new Uint8Array(0)
let topping: Promise<void> | null = null

function topUpPool(): Promise<void> {
  topping ??= platformRandom(POOL_BYTES)
    .then((bytes) => {
      if (!bytes) return
      const next = new Uint8Array(pool.length + bytes.length)
      next.set(pool)
      next.set(bytes, pool.length)
      pool = next
    })
    .finally(() => (topping = null))
  return topping
}

/**
 * Fills the pool of platform random bytes before the first seal (the key fetch awaits it). Browsers and Node have
 * WebCrypto and need nothing.
 */
export async function prepareRandom(): Promise<void> {
  if (webCrypto() || pool.length >= POOL_BYTES / 2) return
  await topUpPool()
}

/** Where sealing's randomness comes from now; 'none' means sealing is refused until `prepareRandom` succeeds. */
export function randomQuality(): 'webcrypto' | 'platform' | 'none' {
  if (webCrypto()) return 'webcrypto'
  return pool.length ? 'platform' : 'none'
}

/** Secure random bytes straight from the platform's source. Throws `NoSecureRandomError` when there are none. */
export function randomBytes(length: number): Uint8Array {
  const c = webCrypto()
  if (c) return c.getRandomValues(new Uint8Array(length))
  if (pool.length < length) {
    void topUpPool()
    throw new NoSecureRandomError()
  }
  const out = pool.slice(0, length)
  pool.fill(0, 0, length)
  pool = pool.slice(length)
  if (pool.length < POOL_BYTES / 2) void topUpPool()
  return out
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

/**
 * Seals with XChaCha20-Poly1305 under a fresh random 192-bit nonce. `aad` binds the ciphertext to one draft (the
 * filing id), so a sealed part cannot be moved to another draft. Throws `NoSecureRandomError` when there is no
 * secure random source.
 */
export function sealSensitive(key: Uint8Array, values: SensitiveValues, aad: string): string {
  const nonce = randomBytes(XCHACHA_NONCE_BYTES)
  const body = xchacha20poly1305(key, nonce, utf8Encode(aad)).encrypt(utf8Encode(JSON.stringify(values)))
  const out = new Uint8Array(nonce.length + body.length)
  out.set(nonce)
  out.set(body, nonce.length)
  return `${SEAL_XCHACHA}.${toBase64(out)}`
}

/** Opens a part sealed now (`fd2.`) or earlier with AES-256-GCM (`fd1.`). */
function openRaw(key: Uint8Array, prefix: string, raw: Uint8Array, aad: Uint8Array): Uint8Array {
  if (prefix === SEAL_XCHACHA)
    return xchacha20poly1305(key, raw.subarray(0, XCHACHA_NONCE_BYTES), aad).decrypt(raw.subarray(XCHACHA_NONCE_BYTES))
  if (prefix === SEAL_GCM_LEGACY)
    return gcm(key, raw.subarray(0, GCM_NONCE_BYTES), aad).decrypt(raw.subarray(GCM_NONCE_BYTES))
  throw new Error('not a sealed draft')
}

/** Throws when the key is wrong, the text was altered or it belongs to another draft. */
export function openSealed(key: Uint8Array, sealed: string, aad: string): SensitiveValues {
  const [prefix, payload] = sealed.split('.')
  if (!payload) throw new Error('not a sealed draft')
  const plain = openRaw(key, prefix, fromBase64(payload), utf8Encode(aad))
  const parsed = JSON.parse(utf8Decode(plain)) as Record<string, unknown>
  const out: SensitiveValues = {}
  for (const path of SENSITIVE_FIELD_PATHS) if (typeof parsed[path] === 'string') out[path] = parsed[path] as string
  return out
}

/** Whether a value is a sealed part, in the current or the legacy format. */
export function isSealed(value: unknown): value is string {
  return typeof value === 'string' && (value.startsWith(`${SEAL_XCHACHA}.`) || value.startsWith(`${SEAL_GCM_LEGACY}.`))
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
