/**
 * Encryption at rest of the sensitive form fields (AES-256-GCM), the data key's sources, and the random
 * tokens / hashes used for sessions and invites.
 */
import { createCipheriv, createDecipheriv, createHash, randomBytes } from 'crypto'
import * as fs from 'fs'
import * as path from 'path'
import { SENSITIVE_FIELD_PATHS, type FilingForm } from '../domain/types'
import { ConfigurationError } from './envelope'
import type { DataKey, KeyProvider } from './ports'

const PREFIX = 'enc1'

export function sha256Hex(value: string): string {
  return createHash('sha256').update(value, 'utf8').digest('hex')
}

/** An opaque token with `bytes` × 8 bits of entropy, URL- and mini-program-scene-safe (base64url). */
export function randomToken(bytes: number): string {
  return randomBytes(bytes).toString('base64url')
}

export function randomId(): string {
  return randomBytes(12).toString('hex')
}

function keyId(key: Buffer): string {
  return createHash('sha256').update(key).digest('hex').slice(0, 8)
}

export function dataKey(key: Buffer): DataKey {
  if (key.length !== 32) throw new ConfigurationError('数据密钥必须是 32 字节（base64 编码）')
  return { id: keyId(key), key }
}

/** Parses a base64 32-byte key (as in BEIAN_DATA_KEY). */
export function parseDataKey(base64: string): DataKey {
  return dataKey(Buffer.from(base64.trim(), 'base64'))
}

/** Keys from the environment: BEIAN_DATA_KEY (current) and optional BEIAN_DATA_KEYS_OLD (comma-separated, for rotation). */
export function envKeyProvider(env: NodeJS.ProcessEnv = process.env): KeyProvider {
  let keys: DataKey[] | undefined
  const load = (): DataKey[] => {
    if (keys) return keys
    const current = env.BEIAN_DATA_KEY
    if (!current) throw new ConfigurationError('未配置数据密钥 BEIAN_DATA_KEY')
    keys = [current, ...(env.BEIAN_DATA_KEYS_OLD ?? '').split(',').filter(Boolean)].map(parseDataKey)
    return keys
  }
  return {
    current: () => load()[0],
    byId: (id) => load().find((k) => k.id === id)
  }
}

export function staticKeyProvider(...keys: DataKey[]): KeyProvider {
  return { current: () => keys[0], byId: (id) => keys.find((k) => k.id === id) }
}

/**
 * Local mode: the key from BEIAN_DATA_KEY, or else a key generated once into `<dataDir>/data.key` (mode 0600).
 * Returns whether a key was generated so the server can say so on start-up.
 */
export function localKeyProvider(
  dataDir: string,
  env: NodeJS.ProcessEnv = process.env
): { keys: KeyProvider; generated: boolean; source: string } {
  if (env.BEIAN_DATA_KEY) return { keys: envKeyProvider(env), generated: false, source: 'BEIAN_DATA_KEY' }
  const file = path.join(dataDir, 'data.key')
  let generated = false
  if (!fs.existsSync(file)) {
    fs.mkdirSync(dataDir, { recursive: true, mode: 0o700 })
    // 'wx' fails if another process created it in between: never overwrite a key
    try {
      fs.writeFileSync(file, randomBytes(32).toString('base64') + '\n', { mode: 0o600, flag: 'wx' })
      generated = true
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err
    }
  }
  const key = parseDataKey(fs.readFileSync(file, 'utf8'))
  return { keys: staticKeyProvider(key), generated, source: file }
}

/** `aad` binds a ciphertext to its place (filing id + field path), so values cannot be swapped between records. */
export function encryptValue(keys: KeyProvider, plaintext: string, aad: string): string {
  const { id, key } = keys.current()
  const iv = randomBytes(12)
  const cipher = createCipheriv('aes-256-gcm', key, iv)
  cipher.setAAD(Buffer.from(aad, 'utf8'))
  const body = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()])
  return [PREFIX, id, Buffer.concat([iv, cipher.getAuthTag(), body]).toString('base64')].join('.')
}

export function isEncrypted(value: unknown): value is string {
  return typeof value === 'string' && value.startsWith(PREFIX + '.')
}

export function decryptValue(keys: KeyProvider, stored: string, aad: string): string {
  const [prefix, id, payload] = stored.split('.')
  if (prefix !== PREFIX || !id || !payload) throw new Error('not an encrypted value')
  const key = keys.byId(id)
  if (!key) throw new ConfigurationError('缺少解密所需的数据密钥')
  const raw = Buffer.from(payload, 'base64')
  const decipher = createDecipheriv('aes-256-gcm', key.key, raw.subarray(0, 12))
  decipher.setAAD(Buffer.from(aad, 'utf8'))
  decipher.setAuthTag(raw.subarray(12, 28))
  return Buffer.concat([decipher.update(raw.subarray(28)), decipher.final()]).toString('utf8')
}

type Sections = Record<string, Record<string, unknown> | undefined>

function mapSensitive(form: FilingForm, fn: (value: string, path: string) => string): FilingForm {
  const out = JSON.parse(JSON.stringify(form)) as Sections
  for (const p of SENSITIVE_FIELD_PATHS) {
    const [section, field] = p.split('.')
    const value = out[section]?.[field]
    if (typeof value === 'string' && value !== '') out[section]![field] = fn(value, p)
  }
  return out as unknown as FilingForm
}

export function encryptForm(keys: KeyProvider, form: FilingForm, filingId: string): FilingForm {
  return mapSensitive(form, (v, p) => encryptValue(keys, v, `${filingId}:${p}`))
}

export function decryptForm(keys: KeyProvider, form: FilingForm, filingId: string): FilingForm {
  return mapSensitive(form, (v, p) => (isEncrypted(v) ? decryptValue(keys, v, `${filingId}:${p}`) : v))
}
