/**
 * The ports the handlers are written against. Production wires WeChat cloud (wx-server-sdk) or the local
 * server (PostgreSQL, session tokens, outbox/Douyin) behind them; tests wire fakes.
 */
import type { TemplateKind } from '../domain/types'

// ---- Store ----

/** Every stored document has a string `_id` and a `version` bumped on each change (optimistic concurrency). */
export interface StoredDoc {
  _id: string
  version: number
}

/** One comparison on one top-level field. A plain value means equality. */
export type FieldCondition<V> =
  V | { $lte: V } | { $lt: V } | { $gte: V } | { $gt: V } | { $ne: V } | { $in: readonly V[] }

/** Conditions on top-level fields, all of which must hold. */
export type Filter<T> = { [K in keyof T]?: FieldCondition<T[K]> }

/** `set` replaces whole top-level fields (objects included), `inc` adds to numbers, `unset` deletes fields. */
export interface Patch<T> {
  set?: Partial<T>
  inc?: { [K in keyof T]?: number }
  unset?: (keyof T)[]
}

export interface FindOptions<T> {
  orderBy?: { field: keyof T & string; direction: 'asc' | 'desc' }
  /** At most this many documents (the adapter pages underneath). */
  limit?: number
}

export interface Collection<T extends StoredDoc> {
  get(id: string): Promise<T | null>
  /** Inserts a new document; throws `DuplicateKeyError` when the `_id` exists. */
  insert(doc: T): Promise<void>
  find(filter: Filter<T>, options?: FindOptions<T>): Promise<T[]>
  count(filter: Filter<T>): Promise<number>
  /**
   * Conditional update: applies `patch` to every document matching `filter`, returns how many changed. Checking
   * the filter and applying the patch must be atomic per document: limits and claims rely on it (reservations.ts).
   */
  updateWhere(filter: Filter<T>, patch: Patch<T>): Promise<number>
  removeWhere(filter: Filter<T>): Promise<number>
  /**
   * Optional (a store that can, does): `updateWhere` on one document by `_id`, answering the document as patched, or
   * null when the filter matched nothing — the update and the read in one round trip.
   */
  updateOne?(filter: Filter<T> & { _id: string }, patch: Patch<T>): Promise<T | null>
  /**
   * Optional (a store that can, does): takes up to `limit` documents matching `filter`, in `orderBy` order, skipping
   * any a concurrent caller is taking at that moment, applies `patch` to them and returns them as patched — one
   * round trip for a batch of queue entries. Each document is taken by one caller only, as with `updateWhere`.
   */
  claimMany?(filter: Filter<T>, patch: Patch<T>, options: Required<FindOptions<T>>): Promise<T[]>
}

export interface Store {
  collection<T extends StoredDoc>(name: string): Collection<T>
  /** Optional (a store that can, does): the reminder job's per-delivery writes, a batch in one statement each. */
  reminderBatches?: ReminderBatchSteps
}

/** A delivery the reminder job holds under `lease`, asking for one unit of its recipient's subscription. */
export interface QuotaRequest {
  deliveryId: string
  lease: string
  subscriptionId: string
  recipientId: string
  template: TemplateKind
}

/** Each delivery's answer: `held` a unit and is marked so; `short` (not decided here); `lost` its lease. */
export type QuotaAnswer = 'held' | 'short' | 'lost'

/** A leased delivery's last write of a run: `set` applied, the lease token removed — only under that token. */
export interface LeasedFinish {
  deliveryId: string
  lease: string
  set: Record<string, unknown>
}

export interface ReminderBatchSteps {
  /**
   * For each (recipient, template) of the batch: when the subscription has units for every open delivery of that
   * template still without one (and at least for the batch's), takes the batch's units and marks those deliveries
   * `quotaTaken` — never more units than there are; otherwise `short`, left to the per-delivery budget.
   */
  takeQuotaUnits(requests: readonly QuotaRequest[]): Promise<Map<string, QuotaAnswer>>
  /** Applies each finish under its lease token; the ids it applied to (a lost lease rejects that row only). */
  finishLeased(finishes: readonly LeasedFinish[], updatedAt: string): Promise<Set<string>>
}

export class DuplicateKeyError extends Error {
  constructor(id: string) {
    super(`duplicate _id ${id.slice(0, 8)}…`)
    this.name = 'DuplicateKeyError'
  }
}

// ---- Identity ----

/** Who is calling: the platform's user id (WeChat OPENID, `tt:<openid>`, `local:<id>`), or null when unknown. */
export interface Identity {
  userId(): Promise<string | null>
}

// ---- Sender ----

export interface OutgoingMessage {
  /** The recipient's user id, as Identity returns it. */
  toUserId: string
  template: TemplateKind
  /** Already within the platform's field limits; never personal data. */
  fields: Record<string, string>
  page: string
  /** For the outbox and for logs: the reminder key (no personal data in it). */
  reminderKey: string
}

/**
 * A platform answer. `errcode` follows WeChat's codes (43101 no permission, 47003 bad field value,
 * 45009 rate limit, -1 system busy); other platforms' senders translate into these.
 * A thrown error means the outcome is unknown (network, time-out) and is retried like -1.
 */
export type SendResult = { ok: true } | { ok: false; errcode: number; errmsg?: string }

export interface Sender {
  send(message: OutgoingMessage): Promise<SendResult>
}

// ---- Clock ----

export interface Clock {
  now(): Date
  /** Waits (backoff); fake clocks advance time instead. */
  sleep(ms: number): Promise<void>
}

export const systemClock: Clock = {
  now: () => new Date(),
  sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms))
}

// ---- Keys ----

export interface DataKey {
  /** Short fingerprint stored next to each ciphertext, so keys can be rotated. */
  id: string
  key: Buffer
}

export interface KeyProvider {
  /** The key new values are encrypted with; throws `ConfigurationError` when none is configured. */
  current(): DataKey
  /** A key by fingerprint, for decrypting older values. */
  byId(id: string): DataKey | undefined
}

// ---- Optional platform extras ----

/** WeChat `wxacode.getUnlimited`: a mini-program code image that opens `page` with `scene`. */
export interface MiniProgramCodeMaker {
  make(scene: string, page: string): Promise<{ contentType: string; base64: string }>
}

/** Logs carry ids and codes only, never personal data. */
export interface Logger {
  info(event: string, fields?: Record<string, string | number | boolean | undefined>): void
  warn(event: string, fields?: Record<string, string | number | boolean | undefined>): void
  error(event: string, fields?: Record<string, string | number | boolean | undefined>): void
}

export const silentLogger: Logger = { info: () => undefined, warn: () => undefined, error: () => undefined }

export const consoleLogger: Logger = {
  info: (event, fields) => console.info(JSON.stringify({ level: 'info', event, ...fields })),
  warn: (event, fields) => console.warn(JSON.stringify({ level: 'warn', event, ...fields })),
  error: (event, fields) => console.error(JSON.stringify({ level: 'error', event, ...fields }))
}
