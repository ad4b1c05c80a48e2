/**
 * PgStore on in-memory PGlite for the unit tests. Starting PGlite (initdb in WebAssembly) costs seconds and a
 * schema milliseconds, so a test file shares one PGlite and every store gets a fresh schema of its own: stores
 * never see each other's documents. Tables are made on first use (the same columns the migrations give them).
 */
import type { SqlDriver } from '../../../src/cloud/stores/pg-store'
import { PgStore } from '../../../src/cloud/stores/pg-store'
import { openPglite } from '../../../src/cloud/stores/pg-drivers'

let shared: Promise<SqlDriver> | undefined
let made = 0

// closed with the test file; registered when the file loads this module (a hook cannot be added inside a test)
if (typeof afterAll === 'function')
  afterAll(async () => {
    if (shared) await (await shared).close()
    shared = undefined
  }, 60_000)

/** The shared driver, opened on first use; PgStore needs one now, so queries wait for the real one. */
function sharedDriver(): SqlDriver {
  if (!shared) {
    shared = openPglite('memory://')
  }
  const ready = shared
  return {
    kind: 'pglite',
    query: async (sql, params) => (await ready).query(sql, params),
    transaction: async (fn) => (await ready).transaction(fn),
    // the PGlite is the file's, not this store's
    close: async () => undefined
  }
}

/**
 * Starts the file's PGlite now: `beforeAll(startTestPglite, 180_000)` in a file that uses it, so the seconds its
 * start takes on a loaded machine do not count against the first test's time-out.
 */
export async function startTestPglite(): Promise<void> {
  await sharedDriver().query('SELECT 1')
}

/** A store of its own on the test file's PGlite. */
export function pgliteTestStore(): PgStore {
  made++
  return new PgStore(sharedDriver(), { schema: `t${process.pid}_${made}` })
}
