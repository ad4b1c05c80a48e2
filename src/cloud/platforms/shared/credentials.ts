/**
 * Tickets and tokens of the connector, kept in the store so every instance shares them. Every secret value (ticket,
 * access token, refresh token) is encrypted at rest with the data key, bound to its record by the AAD, and never
 * logged or returned to a client.
 */
import { decryptValue, encryptValue } from '../../crypto'
import type { Clock, KeyProvider, Store, StoredDoc } from '../../ports'
import { DuplicateKeyError } from '../../ports'

export const PLATFORM_CREDENTIALS = 'platform_credentials'

export type CredentialKind = 'ticket' | 'component_token' | 'authorizer'

export interface CredentialRecord extends StoredDoc {
  platform: 'wechat' | 'douyin'
  kind: CredentialKind
  /** The mini-program's AppID for `authorizer`. */
  appId?: string
  /** Encrypted: the ticket, or the access token. */
  secret?: string
  /** Encrypted: the authorizer refresh token. */
  refreshSecret?: string
  /** UTC ISO; when the secret stops working. */
  expiresAt?: string
  updatedAt: string
}

export interface CredentialDeps {
  store: Store
  keys: KeyProvider
  clock: Clock
}

export function credentialId(platform: string, kind: CredentialKind, appId = ''): string {
  return `${platform}:${kind}${appId ? ':' + appId : ''}`
}

const aad = (id: string, field: string) => `platform-credential:${id}:${field}`

export async function readCredential(
  deps: CredentialDeps,
  id: string
): Promise<{ record: CredentialRecord; secret?: string; refresh?: string } | null> {
  const record = await deps.store.collection<CredentialRecord>(PLATFORM_CREDENTIALS).get(id)
  if (!record) return null
  return {
    record,
    secret: record.secret ? decryptValue(deps.keys, record.secret, aad(id, 'secret')) : undefined,
    refresh: record.refreshSecret ? decryptValue(deps.keys, record.refreshSecret, aad(id, 'refresh')) : undefined
  }
}

export interface CredentialWrite {
  platform: 'wechat' | 'douyin'
  kind: CredentialKind
  appId?: string
  secret?: string
  refresh?: string
  expiresAt?: Date
}

/** Upsert by id (last writer wins: every write carries a value fresh from the platform). */
export async function writeCredential(deps: CredentialDeps, id: string, w: CredentialWrite): Promise<void> {
  const col = deps.store.collection<CredentialRecord>(PLATFORM_CREDENTIALS)
  const fields: Partial<CredentialRecord> = {
    platform: w.platform,
    kind: w.kind,
    updatedAt: deps.clock.now().toISOString(),
    ...(w.appId ? { appId: w.appId } : {}),
    ...(w.secret !== undefined ? { secret: encryptValue(deps.keys, w.secret, aad(id, 'secret')) } : {}),
    ...(w.refresh !== undefined ? { refreshSecret: encryptValue(deps.keys, w.refresh, aad(id, 'refresh')) } : {}),
    ...(w.expiresAt ? { expiresAt: w.expiresAt.toISOString() } : {})
  }
  const changed = await col.updateWhere({ _id: id }, { set: fields, inc: { version: 1 } })
  if (changed) return
  try {
    await col.insert({ _id: id, version: 1, ...(fields as Omit<CredentialRecord, '_id' | 'version'>) })
  } catch (err) {
    if (!(err instanceof DuplicateKeyError)) throw err
    await col.updateWhere({ _id: id }, { set: fields, inc: { version: 1 } })
  }
}

/** Marks an access token unusable (after 40001/42001) without touching the refresh token. */
export async function expireCredential(deps: CredentialDeps, id: string): Promise<void> {
  await deps.store
    .collection<CredentialRecord>(PLATFORM_CREDENTIALS)
    .updateWhere({ _id: id }, { set: { expiresAt: new Date(0).toISOString() }, inc: { version: 1 } })
}

export async function removeCredential(deps: CredentialDeps, id: string): Promise<void> {
  await deps.store.collection<CredentialRecord>(PLATFORM_CREDENTIALS).removeWhere({ _id: id })
}

/** Fresh = usable for at least `marginMs` more (the doc suggests refreshing ~10 minutes before the 2 h end). */
export function isFresh(record: CredentialRecord, now: Date, marginMs: number): boolean {
  return !!record.secret && !!record.expiresAt && Date.parse(record.expiresAt) - marginMs > now.getTime()
}

/** One refresh at a time per credential in this process: concurrent callers share the same promise. */
export class SingleFlight {
  private readonly inFlight = new Map<string, Promise<string>>()
  run(key: string, fn: () => Promise<string>): Promise<string> {
    const running = this.inFlight.get(key)
    if (running) return running
    const p = fn().finally(() => this.inFlight.delete(key))
    this.inFlight.set(key, p)
    return p
  }
}
