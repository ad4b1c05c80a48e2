/** @jest-environment node */
/**
 * One contract, every Store: the wx-server-sdk adapter over the in-memory fake of the cloud database, PgStore on embedded PGlite (in memory) and PgStore on a PostgreSQL server (DATABASE_URL; the
 * suite says it is skipped when none is configured — `npm test` starts one, see README).
 */
import fc from 'fast-check'
import { WxStore } from '../../../src/cloud/stores/wx-store'
import { DuplicateKeyError, type Filter, type Store, type StoredDoc } from '../../../src/cloud/ports'
import { createFakeWxDatabase } from './fakes/fake-wx-database'
import { PgStore, type SqlDriver } from '../../../src/cloud/stores/pg-store'
import { openPglite, openPostgres } from '../../../src/cloud/stores/pg-drivers'
import type { ColumnSpec } from '../../../src/cloud/stores/pg-schema'

interface Item extends StoredDoc {
  owner: string
  rank: number
  due: string
  nested?: { a?: number; b?: number }
  tags?: string[]
}

/**
 * The SQL stores share one driver per suite; each store gets a schema of its own. `items` filters `owner` and
 * `due` through real columns and `rank` inside the jsonb; `p` has `rank` as a numeric column: both paths tested.
 */
const TEST_COLUMNS: Record<string, ColumnSpec[]> = {
  items: [
    { field: 'owner', type: 'text' },
    { field: 'due', type: 'text' }
  ],
  p: [
    { field: 'rank', type: 'numeric' },
    { field: 'owner', type: 'text' }
  ]
}

function sqlStores(open: () => Promise<SqlDriver>): { make: () => Store; done: () => Promise<void> } {
  let driver: Promise<SqlDriver> | undefined
  const schemas: string[] = []
  const lazyDriver = (): SqlDriver => {
    driver ??= open()
    // PgStore needs a driver now; queries wait for the real one
    const ready = driver
    return {
      kind: 'postgres',
      query: async (sql, params) => (await ready).query(sql, params),
      transaction: async (fn) => (await ready).transaction(fn),
      close: async () => undefined
    }
  }
  return {
    make: () => {
      const schema = `contract_${process.pid}_${schemas.length}`
      schemas.push(schema)
      return new PgStore(lazyDriver(), { schema, columns: TEST_COLUMNS })
    },
    done: async () => {
      if (!driver) return
      const d = await driver
      for (const schema of schemas) await d.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`)
      await d.close()
    }
  }
}

const pglite = sqlStores(() => openPglite('memory://'))
const postgres = sqlStores(async () => openPostgres(process.env.DATABASE_URL!, { max: 30 }))
afterAll(async () => {
  await pglite.done()
  await postgres.done()
}, 60_000)

const stores: [string, () => Store][] = [
  ['wx-server-sdk adapter over the fake database', () => new WxStore(createFakeWxDatabase())],
  ['PgStore on PGlite (in memory)', pglite.make]
]
if (process.env.DATABASE_URL) stores.push(['PgStore on a PostgreSQL server (DATABASE_URL)', postgres.make])
else
  describe.skip('Store contract: PgStore on a PostgreSQL server — skipped: DATABASE_URL is not set', () => {
    it('runs when DATABASE_URL points at a PostgreSQL server (npm test starts a throw-away one)', () => undefined)
  })

const item = (i: number, over: Partial<Item> = {}): Item => ({
  _id: `id${String(i).padStart(4, '0')}`,
  version: 1,
  owner: i % 2 ? 'alice' : 'bob',
  rank: i,
  due: `2025-01-${String((i % 28) + 1).padStart(2, '0')}T00:00:00+08:00`,
  ...over
})

describe.each(stores)('Store contract: %s', (_name, makeStore) => {
  let store: Store
  beforeEach(() => {
    store = makeStore()
  })
  const items = () => store.collection<Item>('items')

  it('inserts, gets by id, and answers null for a missing id', async () => {
    await items().insert(item(1, { nested: { a: 1 }, tags: ['x'] }))
    expect(await items().get('id0001')).toEqual(item(1, { nested: { a: 1 }, tags: ['x'] }))
    expect(await items().get('nope')).toBeNull()
  })

  it('refuses a duplicate _id with DuplicateKeyError and keeps the first document', async () => {
    await items().insert(item(1))
    await expect(items().insert(item(1, { rank: 99 }))).rejects.toBeInstanceOf(DuplicateKeyError)
    expect((await items().get('id0001'))?.rank).toBe(1)
  })

  it('returned documents are copies: mutating them changes nothing stored', async () => {
    await items().insert(item(1, { nested: { a: 1 } }))
    const got = (await items().get('id0001'))!
    got.nested!.a = 42
    expect((await items().get('id0001'))?.nested?.a).toBe(1)
  })

  it.each<[string, Filter<Item>, number[]]>([
    ['equality', { owner: 'alice' }, [1, 3, 5]],
    ['$lte', { rank: { $lte: 2 } }, [0, 1, 2]],
    ['$lt', { rank: { $lt: 2 } }, [0, 1]],
    ['$gte', { rank: { $gte: 4 } }, [4, 5]],
    ['$gt', { rank: { $gt: 4 } }, [5]],
    ['$ne', { owner: { $ne: 'alice' } }, [0, 2, 4]],
    ['$in', { rank: { $in: [1, 4, 9] } }, [1, 4]],
    ['two fields', { owner: 'bob', rank: { $gte: 2 } }, [2, 4]],
    ['ISO strings compare in time order', { due: { $lte: '2025-01-03T00:00:00+08:00' } }, [0, 1, 2]]
  ])('find with %s', async (_label, filter, expected) => {
    for (let i = 0; i < 6; i++) await items().insert(item(i))
    const found = await items().find(filter, { orderBy: { field: 'rank', direction: 'asc' } })
    expect(found.map((d) => d.rank)).toEqual(expected)
    expect(await items().count(filter)).toBe(expected.length)
  })

  it('pages past 100 documents, in order, and honours limit', async () => {
    for (let i = 0; i < 250; i++) await items().insert(item(i))
    const all = await items().find({}, { orderBy: { field: 'rank', direction: 'desc' } })
    expect(all).toHaveLength(250)
    expect(all.map((d) => d.rank)).toEqual([...Array(250).keys()].reverse())
    expect(
      (await items().find({}, { orderBy: { field: 'rank', direction: 'asc' }, limit: 130 })).map((d) => d.rank)
    ).toEqual([...Array(130).keys()])
    expect(await items().count({})).toBe(250)
  })

  it('conditional update on the version: the first writer wins, a stale one changes nothing', async () => {
    await items().insert(item(1))
    expect(await items().updateWhere({ _id: 'id0001', version: 1 }, { set: { rank: 10 }, inc: { version: 1 } })).toBe(1)
    expect(await items().updateWhere({ _id: 'id0001', version: 1 }, { set: { rank: 20 }, inc: { version: 1 } })).toBe(0)
    expect(await items().get('id0001')).toMatchObject({ rank: 10, version: 2 })
  })

  it('set replaces a whole object field, inc adds, unset deletes', async () => {
    await items().insert(item(1, { nested: { a: 1, b: 2 }, tags: ['x', 'y'] }))
    await items().updateWhere({ _id: 'id0001' }, { set: { nested: { a: 5 }, tags: ['z'] }, inc: { rank: 3 } })
    expect(await items().get('id0001')).toMatchObject({ nested: { a: 5 }, tags: ['z'], rank: 4 })
    expect((await items().get('id0001'))?.nested).toEqual({ a: 5 })
    await items().updateWhere({ _id: 'id0001' }, { unset: ['nested'] })
    expect((await items().get('id0001'))?.nested).toBeUndefined()
  })

  it('updates and removes every matching document and says how many', async () => {
    for (let i = 0; i < 6; i++) await items().insert(item(i))
    expect(await items().updateWhere({ owner: 'alice' }, { inc: { version: 1 } })).toBe(3)
    expect(await items().count({ version: 2 })).toBe(3)
    expect(await items().removeWhere({ owner: 'bob' })).toBe(3)
    expect(await items().removeWhere({ owner: 'bob' })).toBe(0)
    expect((await items().find({})).map((d) => d.owner)).toEqual(['alice', 'alice', 'alice'])
  })

  it('of twenty concurrent claims on the same version exactly one succeeds', async () => {
    await items().insert(item(1))
    const results = await Promise.all(
      Array.from({ length: 20 }, (_, n) =>
        items().updateWhere({ _id: 'id0001', version: 1 }, { set: { owner: `runner${n}` }, inc: { version: 1 } })
      )
    )
    expect(results.filter((r) => r === 1)).toHaveLength(1)
    expect((await items().get('id0001'))?.version).toBe(2)
  })

  it('a conditional increment below a bound never passes it under concurrency (what reservations rely on)', async () => {
    await items().insert(item(1, { rank: 0 }))
    const results = await Promise.all(
      Array.from({ length: 60 }, () =>
        items().updateWhere({ _id: 'id0001', rank: { $lt: 20 } }, { inc: { rank: 1, version: 1 } })
      )
    )
    expect(results.filter((r) => r === 1)).toHaveLength(20)
    expect((await items().get('id0001'))?.rank).toBe(20)
  })

  it('updateOne and claimMany, where a store has them: the patched documents, each claimed by one caller', async () => {
    const col = items()
    if (!col.updateOne || !col.claimMany) return // optional: the wx adapter has neither
    for (let i = 0; i < 30; i++) await col.insert(item(i, { due: `2025-01-${String(30 - i).padStart(2, '0')}` }))
    expect(await col.updateOne({ _id: 'id0001', version: 2 }, { inc: { version: 1 } })).toBeNull()
    expect(
      await col.updateOne({ _id: 'id0001', version: 1 }, { set: { owner: 'carol' }, inc: { version: 1 } })
    ).toEqual(item(1, { due: '2025-01-29', owner: 'carol', version: 2 }))
    // six claimers at once over 30 documents, batches of 4 of the ones still `rank < 100`, earliest `due` first
    const claim = () =>
      col.claimMany!(
        { rank: { $lt: 100 } },
        { inc: { rank: 100 } },
        { orderBy: { field: 'due', direction: 'asc' }, limit: 4 }
      )
    const batches = await Promise.all(Array.from({ length: 6 }, claim))
    const ids = batches.flat().map((d) => d._id)
    expect(batches.every((b) => b.length <= 4)).toBe(true)
    expect(new Set(ids).size).toBe(ids.length)
    expect(ids).toHaveLength(24)
    for (const d of batches.flat()) expect(d.rank).toBeGreaterThanOrEqual(100)
    // the six oldest are left
    expect((await claim()).map((d) => d._id).sort()).toEqual(['id0002', 'id0003', 'id0004', 'id0005'])
    expect(await col.count({ rank: { $lt: 100 } })).toBe(2)
  })

  it('collections are separate', async () => {
    await items().insert(item(1))
    expect(await store.collection<Item>('others').get('id0001')).toBeNull()
  })

  it('find agrees with a reference filter for arbitrary documents and conditions', async () => {
    const ops = ['eq', '$lte', '$lt', '$gte', '$gt', '$ne', '$in'] as const
    await fc.assert(
      fc.asyncProperty(
        fc.uniqueArray(fc.record({ rank: fc.integer({ min: -5, max: 5 }), owner: fc.constantFrom('a', 'b', 'c') }), {
          maxLength: 15,
          selector: (r) => `${r.rank}${r.owner}`
        }),
        fc.constantFrom(...ops),
        fc.integer({ min: -6, max: 6 }),
        fc.array(fc.integer({ min: -6, max: 6 }), { maxLength: 4 }),
        async (rows, op, pivot, set) => {
          const s = makeStore().collection<Item>('p')
          const docs = rows.map((r, i) => item(i, r))
          for (const d of docs) await s.insert(d)
          const condition =
            op === 'eq' ? pivot : op === '$in' ? { $in: set } : ({ [op]: pivot } as Filter<Item>['rank'])
          const reference = docs.filter((d) => {
            switch (op) {
              case 'eq':
                return d.rank === pivot
              case '$lte':
                return d.rank <= pivot
              case '$lt':
                return d.rank < pivot
              case '$gte':
                return d.rank >= pivot
              case '$gt':
                return d.rank > pivot
              case '$ne':
                return d.rank !== pivot
              case '$in':
                return set.includes(d.rank)
            }
          })
          const found = await s.find({ rank: condition }, { orderBy: { field: '_id', direction: 'asc' } })
          expect(found.map((d) => d._id)).toEqual(reference.map((d) => d._id).sort())
        }
      ),
      { numRuns: 60 }
    )
  })
})

describe('the wx adapter speaks the SDK the way the cloud database needs', () => {
  it('never asks for more than 100 documents a page and writes objects with _.set', async () => {
    const db = createFakeWxDatabase()
    const limits: number[] = []
    const realCollection = db.collection.bind(db)
    db.collection = (name: string) => {
      const ref = realCollection(name)
      const wrap = (q: ReturnType<typeof realCollection>): ReturnType<typeof realCollection> =>
        ({
          ...q,
          where: (w: Record<string, unknown>) => wrap({ ...ref, ...q.where(w) } as ReturnType<typeof realCollection>),
          orderBy: (f: string, d: 'asc' | 'desc') =>
            wrap({ ...ref, ...q.orderBy(f, d) } as ReturnType<typeof realCollection>),
          skip: (n: number) => wrap({ ...ref, ...q.skip(n) } as ReturnType<typeof realCollection>),
          limit: (n: number) => {
            limits.push(n)
            return wrap({ ...ref, ...q.limit(n) } as ReturnType<typeof realCollection>)
          }
        }) as ReturnType<typeof realCollection>
      return wrap(ref)
    }
    const store = new WxStore(db)
    for (let i = 0; i < 230; i++) await store.collection<Item>('items').insert(item(i, { nested: { a: 1, b: 2 } }))
    expect(await store.collection<Item>('items').find({})).toHaveLength(230)
    expect(Math.max(...limits)).toBeLessThanOrEqual(100)
    await store.collection<Item>('items').updateWhere({ _id: 'id0001' }, { set: { nested: { a: 3 } } })
    expect(db.dump('items').find((d) => d._id === 'id0001')?.nested).toEqual({ a: 3 })
  })

  it('the fake merges a plain object in update data field by field, as the real database does', async () => {
    const db = createFakeWxDatabase()
    await db.collection('c').add({ data: { _id: 'x', o: { a: 1, b: 2 } } })
    await db
      .collection('c')
      .where({ _id: 'x' })
      .update({ data: { o: { a: 9 } } })
    expect(db.dump('c')[0].o).toEqual({ a: 9, b: 2 })
    await expect(db.collection('c').doc('missing').get()).rejects.toThrow(/does not exist/)
    const page = await db.collection('c').limit(1000).get()
    expect(page.data).toHaveLength(1)
  })
})
