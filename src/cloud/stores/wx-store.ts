/**
 * Store over the WeChat cloud database (wx-server-sdk), with the database object injected.
 * - reads page by 100 (the server SDK's page size) with skip;
 * - a conditional update is `where(filter).update()`, its `stats.updated` tells whether the condition held;
 * - object values are written with `_.set` because a plain object in `update` merges field by field.
 */
import type { Collection, FieldCondition, Filter, FindOptions, Patch, Store, StoredDoc } from '../ports'
import { DuplicateKeyError } from '../ports'
import type { WxCommand, WxDatabase, WxQuery } from '../adapters/wx-types'

export const WX_PAGE_SIZE = 100

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return (
    typeof value === 'object' &&
    value !== null &&
    !Array.isArray(value) &&
    Object.getPrototypeOf(value) === Object.prototype
  )
}

function toCondition(_: WxCommand, condition: FieldCondition<unknown>): unknown {
  if (isPlainObject(condition)) {
    const [op, value] = Object.entries(condition)[0] ?? []
    switch (op) {
      case '$lte':
        return _.lte(value)
      case '$lt':
        return _.lt(value)
      case '$gte':
        return _.gte(value)
      case '$gt':
        return _.gt(value)
      case '$ne':
        return _.neq(value)
      case '$in':
        return _.in(value as unknown[])
      default:
        throw new Error('unsupported filter operator')
    }
  }
  return _.eq(condition)
}

function toWhere<T>(_: WxCommand, filter: Filter<T>): Record<string, unknown> {
  const where: Record<string, unknown> = {}
  for (const [field, condition] of Object.entries(filter as Record<string, FieldCondition<unknown>>)) {
    if (condition !== undefined) where[field] = toCondition(_, condition)
  }
  return where
}

function toData<T>(_: WxCommand, patch: Patch<T>): Record<string, unknown> {
  const data: Record<string, unknown> = {}
  for (const [k, v] of Object.entries((patch.set ?? {}) as Record<string, unknown>)) {
    if (v === undefined) continue
    data[k] = isPlainObject(v) || Array.isArray(v) ? _.set(v) : v
  }
  for (const [k, n] of Object.entries((patch.inc ?? {}) as Record<string, number>)) data[k] = _.inc(n)
  for (const k of patch.unset ?? []) data[k as string] = _.remove()
  return data
}

function isDuplicateKey(err: unknown): boolean {
  const e = err as { errCode?: number; message?: string; errMsg?: string }
  return e?.errCode === -502001 || /duplicate|E11000/i.test(`${e?.errMsg ?? ''} ${e?.message ?? ''}`)
}

class WxCollection<T extends StoredDoc> implements Collection<T> {
  constructor(
    private readonly db: WxDatabase,
    private readonly name: string
  ) {}

  private query(filter: Filter<T>): WxQuery {
    const where = toWhere(this.db.command, filter)
    const ref = this.db.collection(this.name)
    return Object.keys(where).length ? ref.where(where) : ref
  }

  async get(id: string): Promise<T | null> {
    // where() instead of doc().get(): the latter throws for a missing document
    const { data } = await this.db.collection(this.name).where({ _id: id }).limit(1).get()
    return (data[0] as T | undefined) ?? null
  }

  async insert(doc: T): Promise<void> {
    try {
      await this.db.collection(this.name).add({ data: doc as unknown as Record<string, unknown> })
    } catch (err) {
      if (isDuplicateKey(err)) throw new DuplicateKeyError(doc._id)
      throw err
    }
  }

  async find(filter: Filter<T>, options: FindOptions<T> = {}): Promise<T[]> {
    const wanted = options.limit ?? Infinity
    const out: T[] = []
    while (out.length < wanted) {
      let q = this.query(filter)
      if (options.orderBy) q = q.orderBy(options.orderBy.field, options.orderBy.direction)
      const pageSize = Math.min(WX_PAGE_SIZE, wanted - out.length)
      if (out.length) q = q.skip(out.length)
      const { data } = await q.limit(pageSize).get()
      out.push(...(data as T[]))
      if (data.length < pageSize) break
    }
    return out
  }

  async count(filter: Filter<T>): Promise<number> {
    return (await this.query(filter).count()).total
  }

  async updateWhere(filter: Filter<T>, patch: Patch<T>): Promise<number> {
    const data = toData(this.db.command, patch)
    if (!Object.keys(data).length) return this.count(filter)
    const { stats } = await this.query(filter).update({ data })
    return stats.updated
  }

  async removeWhere(filter: Filter<T>): Promise<number> {
    if (!Object.keys(toWhere(this.db.command, filter)).length) throw new Error('refusing to remove a whole collection')
    const { stats } = await this.query(filter).remove()
    return stats.removed
  }
}

export class WxStore implements Store {
  constructor(private readonly db: WxDatabase) {}

  collection<T extends StoredDoc>(name: string): Collection<T> {
    return new WxCollection<T>(this.db, name)
  }
}
