/** @jest-environment node */
/**
 * `npm run migrate:nedb`: a NeDB folder (datafiles written as NeDB writes them: updates appended, deletions as
 * tombstones, index lines, a torn last line) imported into PgStore on PGlite; every collection, documents equal
 * to the last version of each, encrypted values untouched, counts verified, and a second run changes nothing.
 */
import * as fs from 'fs'
import * as os from 'os'
import * as path from 'path'
import { openPglite } from '../../../src/cloud/stores/pg-drivers'
import { PgStore } from '../../../src/cloud/stores/pg-store'
import { importNedbFolder, readNedbFile } from '../../../src/server/migrate-nedb'

const lines = (...docs: unknown[]) => docs.map((d) => JSON.stringify(d)).join('\n') + '\n'

const FILING_V1 = {
  _id: 'f1',
  version: 1,
  ownerId: 'local:a',
  title: '第一个',
  form: { ownerPrincipal: { mobile: 'enc1.k1.AAAAbbbbCCCC' } }
}
const FILING_V2 = { ...FILING_V1, version: 2, title: '改过的' }
const FILING_GONE = { _id: 'f2', version: 1, ownerId: 'local:a', title: '删掉的', form: {} }
const SESSION = { _id: 'hash1', version: 1, userId: 'local:a', createdAt: '2025-01-01T00:00:00.000Z', expiresAt: 'x' }

let folder: string
beforeAll(() => {
  folder = fs.mkdtempSync(path.join(os.tmpdir(), 'beian-nedb-'))
  fs.writeFileSync(
    path.join(folder, 'filings.db'),
    lines({ $$indexCreated: { fieldName: 'ownerId' } }, FILING_V1, FILING_GONE, FILING_V2, {
      $$deleted: true,
      _id: 'f2'
    })
  )
  // a crash left half a line at the end
  fs.writeFileSync(path.join(folder, 'sessions.db'), lines(SESSION) + '{"_id":"hash2","vers')
  fs.writeFileSync(
    path.join(folder, 'usage_counters.db'),
    lines({ _id: 'c1', version: 3, used: 2, at: { $$date: Date.UTC(2025, 0, 2) } })
  )
  fs.writeFileSync(path.join(folder, 'invites.db'), '')
})
afterAll(() => fs.rmSync(folder, { recursive: true, force: true }))

it('reads a datafile as NeDB would: the last line of an id wins, tombstones delete, a torn line is counted', () => {
  expect(readNedbFile(path.join(folder, 'filings.db'))).toEqual({
    collection: 'filings',
    docs: [FILING_V2],
    unreadableLines: 0
  })
  expect(readNedbFile(path.join(folder, 'sessions.db'))).toMatchObject({ docs: [SESSION], unreadableLines: 1 })
})

it('imports every collection with its documents as they were, verifies the counts, and is safe to rerun', async () => {
  const store = new PgStore(await openPglite('memory://'))
  try {
    await store.migrate()
    const first = await importNedbFolder(folder, store)
    expect(first).toEqual([
      { collection: 'filings', inFile: 1, imported: 1, alreadyThere: 0, verified: 1, unreadableLines: 0 },
      { collection: 'invites', inFile: 0, imported: 0, alreadyThere: 0, verified: 0, unreadableLines: 0 },
      { collection: 'sessions', inFile: 1, imported: 1, alreadyThere: 0, verified: 1, unreadableLines: 1 },
      { collection: 'usage_counters', inFile: 1, imported: 1, alreadyThere: 0, verified: 1, unreadableLines: 0 }
    ])
    // encrypted values byte for byte; NeDB's dates as ISO strings
    expect(await store.collection('filings').get('f1')).toEqual(FILING_V2)
    expect(await store.collection('usage_counters').get('c1')).toEqual({
      _id: 'c1',
      version: 3,
      used: 2,
      at: '2025-01-02T00:00:00.000Z'
    })
    expect(await store.collection('filings').get('f2')).toBeNull()
    const again = await importNedbFolder(folder, store)
    expect(again.map((r) => [r.collection, r.imported, r.alreadyThere, r.verified])).toEqual([
      ['filings', 0, 1, 1],
      ['invites', 0, 0, 0],
      ['sessions', 0, 1, 1],
      ['usage_counters', 0, 1, 1]
    ])
  } finally {
    await store.close()
  }
}, 120_000)
