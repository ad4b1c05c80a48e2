/**
 * `npm run migrate:nedb -- <folder>`: imports a NeDB data folder (the server's store before PostgreSQL) into the
 * configured store — PGlite in `<folder>/pglite`, or the PostgreSQL server at DATABASE_URL — and verifies that
 * every document arrived. Documents are copied as they are: encrypted fields stay encrypted with the same key
 * (keep `data.key` / BEIAN_DATA_KEY). Safe to run again: documents already there are left alone and counted.
 *
 * A NeDB datafile is append-only JSON lines: a later line with the same `_id` replaces the earlier one, a line
 * `{"$$deleted":true,"_id":…}` deletes, `{"$$indexCreated":…}` lines describe indexes. It is read here directly,
 * so the import needs no NeDB package.
 */
import * as fs from 'fs'
import * as path from 'path'
import { DuplicateKeyError, type Store, type StoredDoc } from '../cloud/ports'
import { openPglite, openPostgres } from '../cloud/stores/pg-drivers'
import { PgStore } from '../cloud/stores/pg-store'
import { lockDataDir } from './data-lock'

export interface NedbFile {
  collection: string
  docs: StoredDoc[]
  /** Lines that are not JSON (a torn last line after a crash): left out, and reported. */
  unreadableLines: number
}

/** NeDB writes a Date as `{ "$$date": ms }`; our documents hold ISO strings, so any such value becomes one. */
function reviveDates(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(reviveDates)
  if (value && typeof value === 'object') {
    const obj = value as Record<string, unknown>
    if (Object.keys(obj).length === 1 && typeof obj.$$date === 'number') return new Date(obj.$$date).toISOString()
    return Object.fromEntries(Object.entries(obj).map(([k, v]) => [k, reviveDates(v)]))
  }
  return value
}

export function readNedbFile(file: string): NedbFile {
  const byId = new Map<string, StoredDoc>()
  let unreadableLines = 0
  for (const line of fs.readFileSync(file, 'utf8').split('\n')) {
    if (!line.trim()) continue
    let parsed: Record<string, unknown>
    try {
      parsed = JSON.parse(line) as Record<string, unknown>
    } catch {
      unreadableLines++
      continue
    }
    if ('$$indexCreated' in parsed || '$$indexRemoved' in parsed) continue
    const id = parsed._id
    if (typeof id !== 'string') {
      unreadableLines++
      continue
    }
    if (parsed.$$deleted === true) byId.delete(id)
    else byId.set(id, reviveDates(parsed) as StoredDoc)
  }
  return { collection: path.basename(file, '.db'), docs: [...byId.values()], unreadableLines }
}

export interface ImportReport {
  collection: string
  inFile: number
  imported: number
  alreadyThere: number
  /** Found in the store after the import (must equal inFile). */
  verified: number
  unreadableLines: number
}

/** Imports every `*.db` file of `folder` into `store`; the per-collection counts, verified by reading back. */
export async function importNedbFolder(folder: string, store: Store): Promise<ImportReport[]> {
  const files = fs
    .readdirSync(folder)
    .filter((f) => f.endsWith('.db'))
    .sort()
  const reports: ImportReport[] = []
  for (const file of files) {
    const { collection, docs, unreadableLines } = readNedbFile(path.join(folder, file))
    const col = store.collection<StoredDoc>(collection)
    let imported = 0
    let alreadyThere = 0
    for (const doc of docs) {
      try {
        await col.insert(doc)
        imported++
      } catch (err) {
        if (!(err instanceof DuplicateKeyError)) throw err
        alreadyThere++
      }
    }
    let verified = 0
    for (let i = 0; i < docs.length; i += 500) {
      const ids = docs.slice(i, i + 500).map((d) => d._id)
      verified += await col.count({ _id: { $in: ids } })
    }
    reports.push({ collection, inFile: docs.length, imported, alreadyThere, verified, unreadableLines })
  }
  return reports
}

async function main(): Promise<void> {
  const folder = process.argv[2]
  if (!folder || !fs.existsSync(folder)) {
    console.error('usage: npm run migrate:nedb -- <NeDB data folder>   (DATABASE_URL set: into that server)')
    process.exit(2)
  }
  const dir = path.resolve(folder)
  const url = process.env.DATABASE_URL
  // the embedded database is one process's: refuse while a server runs on the folder
  const unlock = url ? () => undefined : lockDataDir(dir)
  const driver = url ? openPostgres(url) : await openPglite(path.join(dir, 'pglite'))
  const store = new PgStore(driver, { schema: process.env.BEIAN_PG_SCHEMA || undefined })
  try {
    await store.migrate()
    const reports = await importNedbFolder(dir, store)
    let ok = true
    for (const r of reports) {
      const good = r.verified === r.inFile
      ok &&= good
      console.info(
        `${good ? '✔' : '✘'} ${r.collection}: ${r.inFile} in the file, ${r.imported} imported, ` +
          `${r.alreadyThere} already there, ${r.verified} verified` +
          (r.unreadableLines ? `, ${r.unreadableLines} unreadable line(s) left out` : '')
      )
    }
    console.info(
      ok
        ? `imported into ${url ? 'the PostgreSQL server (DATABASE_URL)' : path.join(dir, 'pglite')}; the *.db files can be archived`
        : 'counts differ: nothing was deleted; see above'
    )
    if (!ok) process.exitCode = 1
  } finally {
    await store.close()
    unlock()
  }
}

if (require.main === module) {
  main().catch((err) => {
    console.error('import failed:', err instanceof Error ? err.message : err)
    process.exit(1)
  })
}
