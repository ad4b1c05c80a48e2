/**
 * The two drivers of PgStore: PGlite (PostgreSQL compiled to WebAssembly, in this process, durable in a data
 * folder; `memory://` for tests) and `pg` (a PostgreSQL server at DATABASE_URL, a connection pool).
 */
import { PGlite } from '@electric-sql/pglite'
import { createHash } from 'crypto'
import { Pool, type QueryConfig } from 'pg'
import type { SqlDriver, SqlQuery, SqlResult } from './pg-store'

interface PgliteLike {
  query<R>(sql: string, params?: unknown[]): Promise<{ rows: R[]; affectedRows?: number }>
}

const pgliteQuery =
  (db: PgliteLike): SqlQuery =>
  async <R>(sql: string, params: unknown[] = []): Promise<SqlResult<R>> => {
    const result = await db.query<R>(sql, params)
    return { rows: result.rows, rowCount: result.affectedRows ?? 0 }
  }

/**
 * Embedded PostgreSQL in `dataDir` (a folder, or `memory://`). One process only: the server keeps its
 * data-folder lock. PGlite runs one statement at a time, so its queries queue in order.
 */
export async function openPglite(dataDir: string): Promise<SqlDriver> {
  const db = await PGlite.create(dataDir)
  return {
    kind: 'pglite',
    query: pgliteQuery(db as unknown as PgliteLike),
    transaction: (fn) => db.transaction((tx) => fn(pgliteQuery(tx as unknown as PgliteLike))),
    close: () => db.close()
  }
}

/**
 * The store's reads and writes as named prepared statements: each connection parses and plans a statement once and
 * then only binds values (the store builds a bounded set of texts, one per call site). DDL runs unnamed.
 */
export function preparedQuery(sql: string, values: unknown[]): QueryConfig {
  if (!/^\s*(SELECT|INSERT|UPDATE|DELETE|WITH)\b/i.test(sql)) return { text: sql, values }
  return { name: `beian_${createHash('sha1').update(sql).digest('hex').slice(0, 20)}`, text: sql, values }
}

/** A pool of connections to the PostgreSQL server at `url` (`postgres://user:pass@host:port/db`). */
export function openPostgres(url: string, options: { max?: number } = {}): SqlDriver {
  const pool = new Pool({ connectionString: url, max: options.max ?? 10 })
  // an idle client losing its server must not take the process down; the next query reconnects
  pool.on('error', () => undefined)
  const query: SqlQuery = async <R>(sql: string, params: unknown[] = []) => {
    const result = await pool.query(preparedQuery(sql, params))
    return { rows: result.rows as R[], rowCount: result.rowCount ?? 0 }
  }
  return {
    kind: 'postgres',
    query,
    async transaction(fn) {
      const client = await pool.connect()
      try {
        await client.query('BEGIN')
        const out = await fn(async <R>(sql: string, params: unknown[] = []) => {
          const result = await client.query(preparedQuery(sql, params))
          return { rows: result.rows as R[], rowCount: result.rowCount ?? 0 }
        })
        await client.query('COMMIT')
        return out
      } catch (err) {
        await client.query('ROLLBACK').catch(() => undefined)
        throw err
      } finally {
        client.release()
      }
    },
    close: () => pool.end()
  }
}
