/**
 * The Store over PostgreSQL SQL, the same statements on two drivers (pg-drivers.ts): embedded PGlite (one process,
 * a data folder) and a PostgreSQL server through `pg` (any number of processes).
 *
 * - A table per collection: `_id`, the document as `jsonb`, and generated real columns for queried fields
 *   (pg-schema.ts). A filter on such a field with a value of the column's type uses the column (and its index;
 *   the SQL of filters, orders and patches is built in pg-sql.ts);
 *   anything else compares inside the jsonb with the same meaning.
 * - `updateWhere` is one `UPDATE … WHERE …`: PostgreSQL re-checks the WHERE on the latest row version after
 *   waiting for a concurrent writer, so a condition and its patch are atomic per document, across processes.
 * - Strings compare in byte order (COLLATE "C"), as in the other stores: ISO instants compare in time order.
 */
import type { Collection, Filter, FindOptions, Patch, ReminderBatchSteps, Store, StoredDoc } from '../ports'
import { DuplicateKeyError } from '../ports'
import { COLLECTIONS } from '../records'
import { PgReminderBatches } from './pg-reminder-batches'
import { COLLECTION_COLUMNS, MIGRATIONS, type ColumnSpec, createTableSql, quoteIdent } from './pg-schema'
import { CollectionSql, Params, sqlString } from './pg-sql'

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

const UNIQUE_VIOLATION = '23505'

class PgCollection<T extends StoredDoc> implements Collection<T> {
  private readonly sql: CollectionSql<T>

  constructor(
    private readonly driver: SqlDriver,
    private readonly table: string,
    columns: readonly ColumnSpec[],
    private readonly ready: () => Promise<void>
  ) {
    this.sql = new CollectionSql<T>(columns)
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
    let sql = `SELECT doc FROM ${this.table}${this.sql.where(filter, params)}${this.sql.orderBy(options)}`
    if (options.limit !== undefined) sql += ` LIMIT ${params.p(options.limit)}`
    const { rows } = await this.driver.query<{ doc: T }>(sql, params.values)
    return rows.map((r) => r.doc)
  }

  async count(filter: Filter<T>): Promise<number> {
    await this.ready()
    const params = new Params()
    const { rows } = await this.driver.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM ${this.table}${this.sql.where(filter, params)}`,
      params.values
    )
    return Number(rows[0]?.n ?? 0)
  }

  async updateWhere(filter: Filter<T>, patch: Patch<T>): Promise<number> {
    await this.ready()
    const params = new Params()
    const doc = this.sql.patched(patch, params)
    if (!doc) return this.count(filter)
    const where = this.sql.where(filter, params)
    const { rowCount } = await this.driver.query(`UPDATE ${this.table} SET doc = ${doc}${where}`, params.values)
    return rowCount
  }

  /** One statement: the conditional update and the document as it now is (no second read). */
  async updateOne(filter: Filter<T> & { _id: string }, patch: Patch<T>): Promise<T | null> {
    await this.ready()
    const params = new Params()
    const doc = this.sql.patched(patch, params) ?? 'doc'
    const where = this.sql.where(filter, params)
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
    const doc = this.sql.patched(patch, params) ?? 'doc'
    const where = this.sql.where(filter, params)
    const pick =
      `SELECT _id FROM ${this.table}${where}${this.sql.orderBy(options)} ` +
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
      `DELETE FROM ${this.table}${this.sql.where(filter, params)}`,
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
  readonly reminderBatches: ReminderBatchSteps

  constructor(
    readonly driver: SqlDriver,
    private readonly options: PgStoreOptions = {}
  ) {
    this.schema = options.schema ?? 'beian'
    const tables = [COLLECTIONS.deliveries, COLLECTIONS.subscriptions]
    this.reminderBatches = new PgReminderBatches(driver, quoteIdent(this.schema), () =>
      Promise.all(tables.map((name) => this.ensureTable(name)))
    )
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
