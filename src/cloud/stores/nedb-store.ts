/**
 * The embedded on-disk Store of the local server: one @seald-io/nedb datafile per collection.
 * nedb runs its operations one at a time, so a conditional `updateWhere` is atomic per call.
 */
import Datastore from '@seald-io/nedb'
import * as path from 'path'
import type { Collection, Filter, FindOptions, Patch, Store, StoredDoc } from '../ports'
import { DuplicateKeyError } from '../ports'

export interface NedbStoreOptions {
  /** Folder of the datafiles; omit for an in-memory store (tests). */
  dir?: string
  /** Secondary indexes per collection. */
  indexes?: Record<string, string[]>
  /** Compact the append-only datafiles this often (ms); 0 disables. */
  compactEveryMs?: number
}

type NedbQuery = Record<string, unknown>

function toQuery<T>(filter: Filter<T>): NedbQuery {
  // Our Filter already uses nedb's operator names ($lte, $in, …); drop undefined conditions.
  const query: NedbQuery = {}
  for (const [field, condition] of Object.entries(filter as Record<string, unknown>)) {
    if (condition !== undefined) query[field] = condition
  }
  return query
}

function toUpdate<T>(patch: Patch<T>): Record<string, unknown> {
  const update: Record<string, unknown> = {}
  if (patch.set) {
    const set: Record<string, unknown> = {}
    for (const [k, v] of Object.entries(patch.set as Record<string, unknown>)) if (v !== undefined) set[k] = v
    if (Object.keys(set).length) update.$set = set
  }
  if (patch.inc && Object.keys(patch.inc).length) update.$inc = patch.inc
  if (patch.unset && patch.unset.length) update.$unset = Object.fromEntries(patch.unset.map((k) => [k, true]))
  return update
}

class NedbCollection<T extends StoredDoc> implements Collection<T> {
  constructor(
    private readonly db: Datastore,
    /** The datafile's load; every operation waits for it, and fails with it when the file is unreadable. */
    readonly ready: Promise<void>
  ) {}

  async get(id: string): Promise<T | null> {
    await this.ready
    const doc = (await this.db.findOneAsync({ _id: id })) as unknown as T | null
    return doc ?? null
  }

  async insert(doc: T): Promise<void> {
    await this.ready
    try {
      await this.db.insertAsync(doc as unknown as Record<string, unknown>)
    } catch (err) {
      if ((err as { errorType?: string }).errorType === 'uniqueViolated') throw new DuplicateKeyError(doc._id)
      throw err
    }
  }

  async find(filter: Filter<T>, options: FindOptions<T> = {}): Promise<T[]> {
    await this.ready
    let cursor = this.db.findAsync(toQuery(filter))
    if (options.orderBy) cursor = cursor.sort({ [options.orderBy.field]: options.orderBy.direction === 'asc' ? 1 : -1 })
    if (options.limit !== undefined) cursor = cursor.limit(options.limit)
    return (await cursor) as unknown as T[]
  }

  async count(filter: Filter<T>): Promise<number> {
    await this.ready
    return (await this.db.countAsync(toQuery(filter))) as unknown as number
  }

  async updateWhere(filter: Filter<T>, patch: Patch<T>): Promise<number> {
    await this.ready
    const update = toUpdate(patch)
    if (!Object.keys(update).length) return this.count(filter)
    const { numAffected } = await this.db.updateAsync(toQuery(filter), update, { multi: true })
    return numAffected
  }

  async removeWhere(filter: Filter<T>): Promise<number> {
    await this.ready
    return this.db.removeAsync(toQuery(filter), { multi: true })
  }
}

/** A datafile that cannot be loaded (corrupt beyond nedb's tolerance, unreadable…); the message names the file. */
export class DatafileError extends Error {
  constructor(
    readonly filename: string,
    cause: unknown
  ) {
    super(`cannot open data file ${filename}: ${cause instanceof Error ? cause.message : String(cause)}`)
    this.name = 'DatafileError'
  }
}

export class NedbStore implements Store {
  private readonly collections = new Map<string, NedbCollection<StoredDoc>>()
  private readonly datastores: { db: Datastore; ready: Promise<void> }[] = []

  constructor(private readonly options: NedbStoreOptions = {}) {}

  collection<T extends StoredDoc>(name: string): Collection<T> {
    let found = this.collections.get(name)
    if (!found) {
      if (!/^[a-z][a-z0-9_]{0,40}$/.test(name)) throw new Error('bad collection name')
      const filename = this.options.dir ? path.join(this.options.dir, `${name}.db`) : undefined
      const db = new Datastore(
        filename
          ? // the datafiles hold (encrypted) personal data: owner-only
            { filename, modes: { fileMode: 0o600, dirMode: 0o700 } }
          : { inMemoryOnly: true }
      )
      for (const fieldName of this.options.indexes?.[name] ?? []) void db.ensureIndexAsync({ fieldName })
      if (this.options.dir && this.options.compactEveryMs) db.setAutocompactionInterval(this.options.compactEveryMs)
      const ready = filename
        ? db.loadDatabaseAsync().catch((err: unknown) => {
            throw new DatafileError(filename, err)
          })
        : Promise.resolve()
      // observed here so a failed load is an error of the calls that wait for it, never an unhandled rejection
      ready.catch(() => undefined)
      this.datastores.push({ db, ready })
      found = new NedbCollection<StoredDoc>(db, ready)
      this.collections.set(name, found)
    }
    return found as unknown as Collection<T>
  }

  /**
   * Opens and verifies these collections' datafiles now (the server does this before listening), so a torn or
   * unreadable file stops the start with its name instead of failing a request later.
   */
  async open(names: readonly string[]): Promise<void> {
    for (const name of names) await (this.collection(name) as unknown as NedbCollection<StoredDoc>).ready
  }

  /** Stops compaction timers and writes a compact datafile. */
  async close(): Promise<void> {
    for (const { db, ready } of this.datastores) {
      db.stopAutocompaction()
      // a datafile that never loaded is left as it is
      const loaded = await ready.then(
        () => true,
        () => false
      )
      if (this.options.dir && loaded) await db.compactDatafileAsync()
    }
  }
}
