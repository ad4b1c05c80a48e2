/**
 * An in-memory stand-in for the wx-server-sdk cloud database, faithful to the behaviour the WxStore relies on:
 * - `collection().where().orderBy().skip().limit().get()` with at most 100 documents a page (larger limits clamp);
 * - commands `_.eq/neq/lt/lte/gt/gte/in` in queries, `_.inc/_.set/_.remove` in updates;
 * - a plain object inside `update` data merges field by field (only `_.set` replaces it);
 * - `where().update()` / `.remove()` answer `{ stats: { updated } }` / `{ stats: { removed } }`;
 * - `doc(id).get()` throws for a missing document, `add` throws E11000 for a duplicate `_id`;
 * - every call yields to the event loop first, so concurrent callers interleave like real network calls.
 */
import { randomBytes } from 'crypto'
import type { WxCollectionRef, WxCommand, WxDatabase, WxDocRef, WxQuery } from '../../../../src/cloud/adapters/wx-types'

const MAX_PAGE = 100

class Cmd {
  constructor(
    readonly op: string,
    readonly value?: unknown
  ) {}
}

type Doc = Record<string, unknown>

function isPlain(v: unknown): v is Doc {
  return typeof v === 'object' && v !== null && !Array.isArray(v) && !(v instanceof Cmd)
}

function equal(a: unknown, b: unknown): boolean {
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return a === b
  return JSON.stringify(a) === JSON.stringify(b)
}

function compare(a: unknown, b: unknown): number {
  if (a === b) return 0
  if (a === undefined || a === null) return -1
  if (b === undefined || b === null) return 1
  return (a as number) < (b as number) ? -1 : 1
}

function comparable(a: unknown, b: unknown): boolean {
  return (typeof a === 'number' && typeof b === 'number') || (typeof a === 'string' && typeof b === 'string')
}

function matchesValue(actual: unknown, condition: unknown): boolean {
  if (condition instanceof Cmd) {
    const v = condition.value
    switch (condition.op) {
      case 'eq':
        return equal(actual, v)
      case 'neq':
        return !equal(actual, v)
      case 'lt':
        return comparable(actual, v) && compare(actual, v) < 0
      case 'lte':
        return comparable(actual, v) && compare(actual, v) <= 0
      case 'gt':
        return comparable(actual, v) && compare(actual, v) > 0
      case 'gte':
        return comparable(actual, v) && compare(actual, v) >= 0
      case 'in':
        return (v as unknown[]).some((x) => equal(actual, x))
      default:
        throw wxError(-501001, `unsupported query command ${condition.op}`)
    }
  }
  // a plain object in a query matches nested fields one by one
  if (isPlain(condition)) {
    return isPlain(actual) && Object.entries(condition).every(([k, c]) => matchesValue(actual[k], c))
  }
  return equal(actual, condition)
}

function matches(doc: Doc, where: Doc): boolean {
  return Object.entries(where).every(([k, c]) => matchesValue(doc[k], c))
}

function wxError(errCode: number, errMsg: string): Error & { errCode: number; errMsg: string } {
  const err = new Error(`errCode: ${errCode} | errMsg: ${errMsg}`) as Error & { errCode: number; errMsg: string }
  err.errCode = errCode
  err.errMsg = errMsg
  return err
}

function applyUpdate(target: Doc, data: Doc): void {
  for (const [k, v] of Object.entries(data)) {
    if (k === '_id') throw wxError(-501007, 'cannot update _id')
    if (v instanceof Cmd) {
      if (v.op === 'inc') target[k] = ((target[k] as number) ?? 0) + (v.value as number)
      else if (v.op === 'set') target[k] = structuredClone(v.value)
      else if (v.op === 'remove') delete target[k]
      else throw wxError(-501001, `unsupported update command ${v.op}`)
    } else if (isPlain(v)) {
      if (!isPlain(target[k])) target[k] = {}
      applyUpdate(target[k] as Doc, v)
    } else if (v !== undefined) {
      target[k] = structuredClone(v)
    }
  }
}

export interface FakeWxDatabaseStats {
  calls: number
}

export interface FakeWxDatabase extends WxDatabase {
  /** Raw documents of a collection (copies), for assertions. */
  dump(name: string): Doc[]
  /** Called before each database call executes; throw to inject a failure. */
  beforeCall?: (call: string, collection: string) => void | Promise<void>
  stats: FakeWxDatabaseStats
}

export function createFakeWxDatabase(): FakeWxDatabase {
  const collections = new Map<string, Map<string, Doc>>()
  const table = (name: string) => {
    let t = collections.get(name)
    if (!t) collections.set(name, (t = new Map()))
    return t
  }

  const command: WxCommand = {
    eq: (v) => new Cmd('eq', v),
    neq: (v) => new Cmd('neq', v),
    lt: (v) => new Cmd('lt', v),
    lte: (v) => new Cmd('lte', v),
    gt: (v) => new Cmd('gt', v),
    gte: (v) => new Cmd('gte', v),
    in: (v) => new Cmd('in', [...v]),
    inc: (n) => new Cmd('inc', n),
    set: (v) => new Cmd('set', structuredClone(v)),
    remove: () => new Cmd('remove')
  }

  const db: FakeWxDatabase = {
    command,
    stats: { calls: 0 },
    dump: (name) => [...table(name).values()].map((d) => structuredClone(d)),
    collection: (name) => collectionRef(name)
  }

  async function enter(call: string, name: string): Promise<void> {
    db.stats.calls++
    await new Promise((resolve) => setImmediate(resolve))
    if (db.beforeCall) await db.beforeCall(call, name)
  }

  interface QueryState {
    where?: Doc
    orders: [string, 'asc' | 'desc'][]
    skip: number
    limit: number
  }

  function selected(name: string, state: QueryState): Doc[] {
    const t = table(name)
    const where = state.where ?? {}
    const id = where._id
    let docs: Doc[]
    // _id equality is a key lookup, as in the real database
    if (typeof id === 'string' || (id instanceof Cmd && id.op === 'eq')) {
      const d = t.get(typeof id === 'string' ? id : (id.value as string))
      docs = d && matches(d, where) ? [d] : []
    } else {
      docs = [...t.values()].filter((d) => matches(d, where))
    }
    if (state.orders.length) {
      docs = [...docs].sort((a, b) => {
        for (const [field, dir] of state.orders) {
          const c = compare(a[field], b[field])
          if (c) return dir === 'asc' ? c : -c
        }
        return 0
      })
    }
    return docs
  }

  function query(name: string, state: QueryState): WxQuery {
    return {
      where(where) {
        if (!isPlain(where)) throw wxError(-501001, 'where() needs an object')
        return query(name, { ...state, where })
      },
      orderBy(field, direction) {
        if (direction !== 'asc' && direction !== 'desc') throw wxError(-501001, 'bad orderBy direction')
        return query(name, { ...state, orders: [...state.orders, [field, direction]] })
      },
      skip(n) {
        if (!Number.isInteger(n) || n < 0) throw wxError(-501001, 'skip must be a non-negative integer')
        return query(name, { ...state, skip: n })
      },
      limit(n) {
        if (!Number.isInteger(n) || n <= 0) throw wxError(-501001, 'limit must be a positive integer')
        return query(name, { ...state, limit: Math.min(n, MAX_PAGE) })
      },
      async get() {
        await enter('get', name)
        const docs = selected(name, state).slice(state.skip, state.skip + state.limit)
        return { data: docs.map((d) => structuredClone(d)), errMsg: 'collection.get:ok' }
      },
      async count() {
        await enter('count', name)
        return { total: selected(name, state).length }
      },
      async update({ data }) {
        await enter('update', name)
        if (!state.where) throw wxError(-501001, 'update needs where()')
        const docs = selected(name, state)
        for (const d of docs) applyUpdate(d, data)
        return { stats: { updated: docs.length } }
      },
      async remove() {
        await enter('remove', name)
        if (!state.where) throw wxError(-501001, 'remove needs where()')
        const docs = selected(name, state)
        for (const d of docs) table(name).delete(d._id as string)
        return { stats: { removed: docs.length } }
      }
    }
  }

  function docRef(name: string, id: string): WxDocRef {
    return {
      async get() {
        await enter('doc.get', name)
        const d = table(name).get(id)
        if (!d) throw wxError(-502004, `document.get:fail document with _id ${id} does not exist`)
        return { data: structuredClone(d) }
      },
      async set({ data }) {
        await enter('doc.set', name)
        if ('_id' in data) throw wxError(-501007, 'document.set:fail data must not contain _id')
        const existed = table(name).has(id)
        table(name).set(id, { ...structuredClone(data), _id: id })
        return { _id: id, stats: { updated: existed ? 1 : 0, created: existed ? 0 : 1 } }
      },
      async update({ data }) {
        await enter('doc.update', name)
        const d = table(name).get(id)
        if (d) applyUpdate(d, data)
        return { stats: { updated: d ? 1 : 0 } }
      },
      async remove() {
        await enter('doc.remove', name)
        const removed = table(name).delete(id)
        return { stats: { removed: removed ? 1 : 0 } }
      }
    }
  }

  function collectionRef(name: string): WxCollectionRef {
    const base = query(name, { orders: [], skip: 0, limit: MAX_PAGE })
    return {
      ...base,
      doc: (id) => docRef(name, id),
      async add({ data }) {
        await enter('add', name)
        const id = (data._id as string | undefined) ?? randomBytes(16).toString('hex')
        if (table(name).has(id)) throw wxError(-502001, 'E11000 duplicate key error collection: ' + name)
        table(name).set(id, { ...structuredClone(data), _id: id })
        return { _id: id }
      }
    }
  }

  return db
}
