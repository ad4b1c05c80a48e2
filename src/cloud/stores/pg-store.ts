/**
 * The Store over PostgreSQL SQL, the same statements on two drivers (pg-drivers.ts): embedded PGlite (one process,
 * a data folder) and a PostgreSQL server through `pg` (any number of processes).
 *
 * - A table per collection: `_id`, the document as `jsonb`, and generated real columns for queried fields
 *   (pg-schema.ts). A filter on such a field with a value of the column's type uses the column (and its index);
 *   anything else compares inside the jsonb with the same meaning.
 * - `updateWhere` is one `UPDATE … WHERE …`: PostgreSQL re-checks the WHERE on the latest row version after
 *   waiting for a concurrent writer, so a condition and its patch are atomic per document, across processes.
 * - Strings compare in byte order (COLLATE "C"), as in the other stores: ISO instants compare in time order.
 */
import type { Collection, FieldCondition, Filter, FindOptions, Patch, Store, StoredDoc } from '../ports'
import { DuplicateKeyError } from '../ports'
import { COLLECTION_COLUMNS, MIGRATIONS, type ColumnSpec, columnName, createTableSql, quoteIdent } from './pg-schema'

export interface SqlResult<R> {
  rows: R[]
  /** Rows an INSERT/UPDATE/DELETE touched. */
  rowCount: number
}

export type SqlQuery = <R = Record<string, unknown>>(sql: string, params?: unknown[]) => Promise<SqlResult<R>>

/** The little the store needs from a PostgreSQL client. */
export interface SqlDriver {
  readonly kind: 'pglite' | 'postgres'
  query: SqlQuery
  /** Runs `fn` on one connection between BEGIN and COMMIT (ROLLBACK when it throws). */
  transaction<T>(fn: (query: SqlQuery) => Promise<T>): Promise<T>
  close(): Promise<void>
}

export interface PgStoreOptions {
  /** Schema of the tables (default `beian`), so a shared database keeps them apart. */
  schema?: string
  /** Real columns for collections created on demand (tests); known collections get theirs from migrations. */
  columns?: Record<string, ColumnSpec[]>
}

const isPlainObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v) && Object.getPrototypeOf(v) === Object.prototype

const UNIQUE_VIOLATION = '23505'

/** Builds parameterised SQL: `p(value)` adds a parameter and answers its placeholder. */
class Params {
  readonly values: unknown[] = []
  p(value: unknown): string {
    this.values.push(value)
    return `$${this.values.length}`
  }
}

const sqlString = (s: string) => `'${s.replace(/'/g, "''")}'`

class PgCollection<T extends StoredDoc> implements Collection<T> {
  private readonly columns: Map<string, ColumnSpec['type']>

  constructor(
    private readonly driver: SqlDriver,
    private readonly table: string,
    columns: readonly ColumnSpec[],
    private readonly ready: () => Promise<void>
  ) {
    this.columns = new Map([
      ['version', 'numeric'],
      ...columns.map((c): [string, ColumnSpec['type']] => [c.field, c.type])
    ])
  }

  /** The column holding `field` when `value` is of its type, else null (compare inside the jsonb). */
  private column(field: string, value: unknown): string | null {
    if (field === '_id') return typeof value === 'string' ? '_id' : null
    const type = this.columns.get(field)
    if (type === 'text' && typeof value === 'string') return quoteIdent(columnName(field))
    if (type === 'numeric' && typeof value === 'number' && Number.isFinite(value)) return quoteIdent(columnName(field))
    return null
  }

  private jsonPath(field: string): string {
    return field === '_id' ? `to_jsonb(_id)` : `doc->${sqlString(field)}`
  }

  private comparison(field: string, op: '<' | '<=' | '>' | '>=', value: unknown, params: Params): string {
    const col = this.column(field, value)
    if (col) return `${col} ${op} ${params.p(value)}`
    const path = this.jsonPath(field)
    if (typeof value === 'string') {
      return `(CASE WHEN jsonb_typeof(${path}) = 'string' THEN (${path} #>> '{}') COLLATE "C" END) ${op} ${params.p(value)}`
    }
    if (typeof value === 'number') {
      return `(CASE WHEN jsonb_typeof(${path}) = 'number' THEN (${path})::numeric END) ${op} ${params.p(value)}::numeric`
    }
    const v = params.p(JSON.stringify(value))
    return `(jsonb_typeof(${path}) = jsonb_typeof(${v}::jsonb) AND ${path} ${op} ${v}::jsonb)`
  }

  private equality(field: string, value: unknown, params: Params, negate: boolean): string {
    const col = this.column(field, value)
    if (col) return negate ? `${col} IS DISTINCT FROM ${params.p(value)}` : `${col} = ${params.p(value)}`
    const path = this.jsonPath(field)
    if (value === null)
      return negate ? `(${path} IS NOT NULL AND ${path} <> 'null')` : `(${path} IS NULL OR ${path} = 'null')`
    const v = `${params.p(JSON.stringify(value))}::jsonb`
    return negate ? `${path} IS DISTINCT FROM ${v}` : `${path} = ${v}`
  }

  private membership(field: string, values: readonly unknown[], params: Params): string {
    if (!values.length) return 'false'
    const col = values.every((v) => this.column(field, v) !== null) ? this.column(field, values[0]) : null
    const list = params.p(JSON.stringify(values))
    if (col) {
      const element = this.columns.get(field) === 'numeric' && field !== '_id' ? `e::numeric` : `e #>> '{}'`
      return `${col} = ANY(ARRAY(SELECT ${element} FROM jsonb_array_elements(${list}::jsonb) e))`
    }
    const path = this.jsonPath(field)
    const nullClause = values.includes(null) ? ` OR ${path} IS NULL` : ''
    return `(EXISTS (SELECT 1 FROM jsonb_array_elements(${list}::jsonb) e WHERE e = ${path})${nullClause})`
  }

  private where(filter: Filter<T>, params: Params): string {
    const clauses: string[] = []
    for (const [field, condition] of Object.entries(filter as Record<string, FieldCondition<unknown>>)) {
      if (condition === undefined) continue
      if (!isPlainObject(condition)) {
        clauses.push(this.equality(field, condition, params, false))
        continue
      }
      const entries = Object.entries(condition)
      if (entries.length !== 1) throw new Error('one operator per field')
      const [op, value] = entries[0]
      switch (op) {
        case '$lte':
          clauses.push(this.comparison(field, '<=', value, params))
          break
        case '$lt':
          clauses.push(this.comparison(field, '<', value, params))
          break
        case '$gte':
          clauses.push(this.comparison(field, '>=', value, params))
          break
        case '$gt':
          clauses.push(this.comparison(field, '>', value, params))
          break
        case '$ne':
          clauses.push(this.equality(field, value, params, true))
          break
        case '$in':
          clauses.push(this.membership(field, value as unknown[], params))
          break
        default:
          throw new Error('unsupported filter operator')
      }
    }
    return clauses.length ? ` WHERE ${clauses.join(' AND ')}` : ''
  }

  private orderBy(options: FindOptions<T>): string {
    if (!options.orderBy) return ''
    const { field, direction } = options.orderBy
    const dir = direction === 'asc' ? 'ASC' : 'DESC'
    if (field === '_id') return ` ORDER BY _id ${dir}`
    const type = this.columns.get(field)
    if (type) return ` ORDER BY ${quoteIdent(columnName(field))} ${dir} NULLS FIRST, _id ${dir}`
    // mixed types: by kind first, then numbers by value and strings in byte order
    const path = this.jsonPath(field)
    return (
      ` ORDER BY jsonb_typeof(${path}) ${dir} NULLS FIRST,` +
      ` (CASE WHEN jsonb_typeof(${path}) = 'number' THEN (${path})::numeric END) ${dir},` +
      ` (${path} #>> '{}') COLLATE "C" ${dir}, _id ${dir}`
    )
  }

  async get(id: string): Promise<T | null> {
    await this.ready()
    const { rows } = await this.driver.query<{ doc: T }>(`SELECT doc FROM ${this.table} WHERE _id = $1`, [id])
    return rows[0]?.doc ?? null
  }

  async insert(doc: T): Promise<void> {
    await this.ready()
    try {
      await this.driver.query(`INSERT INTO ${this.table} (_id, doc) VALUES ($1, $2::jsonb)`, [
        doc._id,
        JSON.stringify(doc)
      ])
    } catch (err) {
      if ((err as { code?: string }).code === UNIQUE_VIOLATION) throw new DuplicateKeyError(doc._id)
      throw err
    }
  }

  async find(filter: Filter<T>, options: FindOptions<T> = {}): Promise<T[]> {
    await this.ready()
    const params = new Params()
    let sql = `SELECT doc FROM ${this.table}${this.where(filter, params)}${this.orderBy(options)}`
    if (options.limit !== undefined) sql += ` LIMIT ${params.p(options.limit)}`
    const { rows } = await this.driver.query<{ doc: T }>(sql, params.values)
    return rows.map((r) => r.doc)
  }

  async count(filter: Filter<T>): Promise<number> {
    await this.ready()
    const params = new Params()
    const { rows } = await this.driver.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM ${this.table}${this.where(filter, params)}`,
      params.values
    )
    return Number(rows[0]?.n ?? 0)
  }

  /** The new document as SQL (`doc` patched), or null when the patch changes nothing. */
  private patched(patch: Patch<T>, params: Params): string | null {
    let doc = 'doc'
    const set = Object.fromEntries(Object.entries((patch.set ?? {}) as object).filter(([, v]) => v !== undefined))
    if (Object.keys(set).length) doc = `(${doc} || ${params.p(JSON.stringify(set))}::jsonb)`
    const unset = (patch.unset ?? []) as string[]
    if (unset.length)
      doc = `(${doc} - ARRAY(SELECT jsonb_array_elements_text(${params.p(JSON.stringify(unset))}::jsonb)))`
    for (const [field, amount] of Object.entries((patch.inc ?? {}) as Record<string, number>)) {
      const old = `(CASE WHEN jsonb_typeof(doc->${sqlString(field)}) = 'number' THEN (doc->${sqlString(field)})::numeric ELSE 0 END)`
      doc = `jsonb_set(${doc}, ARRAY[${sqlString(field)}], to_jsonb(${old} + ${params.p(amount)}::numeric))`
    }
    return doc === 'doc' ? null : doc
  }

  async updateWhere(filter: Filter<T>, patch: Patch<T>): Promise<number> {
    await this.ready()
    const params = new Params()
    const doc = this.patched(patch, params)
    if (!doc) return this.count(filter)
    const where = this.where(filter, params)
    const { rowCount } = await this.driver.query(`UPDATE ${this.table} SET doc = ${doc}${where}`, params.values)
    return rowCount
  }

  /** One statement: the conditional update and the document as it now is (no second read). */
  async updateOne(filter: Filter<T> & { _id: string }, patch: Patch<T>): Promise<T | null> {
    await this.ready()
    const params = new Params()
    const doc = this.patched(patch, params) ?? 'doc'
    const where = this.where(filter, params)
    const { rows } = await this.driver.query<{ doc: T }>(
      `UPDATE ${this.table} SET doc = ${doc}${where} RETURNING doc`,
      params.values
    )
    return rows[0]?.doc ?? null
  }

  /**
   * A batch of queue entries in one statement: the rows are chosen and locked by a sub-select that skips rows
   * another transaction holds (FOR UPDATE SKIP LOCKED), so concurrent claimers take disjoint batches instead of
   * queueing on the same rows; the filter is checked again on the locked row version.
   */
  async claimMany(filter: Filter<T>, patch: Patch<T>, options: Required<FindOptions<T>>): Promise<T[]> {
    await this.ready()
    const params = new Params()
    const doc = this.patched(patch, params) ?? 'doc'
    const where = this.where(filter, params)
    const pick =
      `SELECT _id FROM ${this.table}${where}${this.orderBy(options)} ` +
      `LIMIT ${params.p(options.limit)} FOR UPDATE SKIP LOCKED`
    const { rows } = await this.driver.query<{ doc: T }>(
      `UPDATE ${this.table} SET doc = ${doc}${where ? `${where} AND` : ' WHERE'} _id IN (${pick}) RETURNING doc`,
      params.values
    )
    return rows.map((r) => r.doc)
  }

  async removeWhere(filter: Filter<T>): Promise<number> {
    await this.ready()
    const params = new Params()
    const { rowCount } = await this.driver.query(
      `DELETE FROM ${this.table}${this.where(filter, params)}`,
      params.values
    )
    return rowCount
  }
}

/** Serialises start-up DDL across processes: only one instance migrates a schema at a time. */
const lockKey = (schema: string) => `hashtext(${sqlString(`beian-store:${schema}`)})`

export class PgStore implements Store {
  readonly schema: string
  private readonly collections = new Map<string, PgCollection<StoredDoc>>()
  /** Tables that exist (migrated, or created on demand), so each is checked once per process. */
  private readonly tables = new Map<string, Promise<void>>()

  constructor(
    readonly driver: SqlDriver,
    private readonly options: PgStoreOptions = {}
  ) {
    this.schema = options.schema ?? 'beian'
    quoteIdent(this.schema)
  }

  /**
   * Applies the migrations not yet applied, in one transaction under an advisory lock: two instances starting
   * together take turns, and the second finds everything done. Idempotent.
   */
  async migrate(): Promise<number[]> {
    const s = quoteIdent(this.schema)
    const applied = await this.driver.transaction(async (q) => {
      await q(`SELECT pg_advisory_xact_lock(${lockKey(this.schema)})`)
      await q(`CREATE SCHEMA IF NOT EXISTS ${s}`)
      await q(
        `CREATE TABLE IF NOT EXISTS ${s}.schema_migrations ` +
          `(version integer PRIMARY KEY, name text NOT NULL, applied_at timestamptz NOT NULL DEFAULT now())`
      )
      const done = new Set(
        (await q<{ version: number }>(`SELECT version FROM ${s}.schema_migrations`)).rows.map((r) => r.version)
      )
      const now: number[] = []
      for (const m of MIGRATIONS) {
        if (done.has(m.version)) continue
        for (const statement of m.statements(this.schema)) await q(statement)
        await q(`INSERT INTO ${s}.schema_migrations (version, name) VALUES ($1, $2)`, [m.version, m.name])
        now.push(m.version)
      }
      return now
    })
    for (const name of Object.keys(COLLECTION_COLUMNS)) this.tables.set(name, Promise.resolve())
    return applied
  }

  /** A collection no migration made (tests, a new experimental one): created on first use, under the lock. */
  private ensureTable(name: string): Promise<void> {
    let ready = this.tables.get(name)
    if (!ready) {
      const s = quoteIdent(this.schema)
      ready = this.driver.transaction(async (q) => {
        await q(`SELECT pg_advisory_xact_lock(${lockKey(this.schema)})`)
        await q(`CREATE SCHEMA IF NOT EXISTS ${s}`)
        const columns = this.options.columns?.[name] ?? COLLECTION_COLUMNS[name] ?? []
        for (const statement of createTableSql(`${s}.${quoteIdent(name)}`, columns)) await q(statement)
      })
      ready.catch(() => this.tables.delete(name))
      this.tables.set(name, ready)
    }
    return ready
  }

  collection<T extends StoredDoc>(name: string): Collection<T> {
    let found = this.collections.get(name)
    if (!found) {
      if (!/^[a-z][a-z0-9_]{0,40}$/.test(name)) throw new Error('bad collection name')
      const columns = this.options.columns?.[name] ?? COLLECTION_COLUMNS[name] ?? []
      found = new PgCollection<StoredDoc>(this.driver, `${quoteIdent(this.schema)}.${quoteIdent(name)}`, columns, () =>
        this.ensureTable(name)
      )
      this.collections.set(name, found)
    }
    return found as unknown as Collection<T>
  }

  /** Row counts per collection (the NeDB import verifies with them). */
  async countAll(names: readonly string[]): Promise<Record<string, number>> {
    const out: Record<string, number> = {}
    for (const name of names) out[name] = await this.collection(name).count({})
    return out
  }

  close(): Promise<void> {
    return this.driver.close()
  }
}
