/** @jest-environment node */
/**
 * What PgStore adds to the Store contract: migrations applied once (also when two instances start together),
 * the indexes INDEXES lists as real indexes on real columns, and the reminder job's due page served by an index.
 * On PGlite always; on a PostgreSQL server when DATABASE_URL is set.
 */
import { INDEXES } from '../../../src/cloud/records'
import { openPglite, openPostgres } from '../../../src/cloud/stores/pg-drivers'
import { columnName, MIGRATIONS } from '../../../src/cloud/stores/pg-schema'
import { PgStore, type SqlDriver } from '../../../src/cloud/stores/pg-store'
import { fetchDuePage } from '../../../src/cloud/reminders/due-queue'
import type { DeliveryRecord } from '../../../src/cloud/records'

const engines: [string, () => Promise<SqlDriver>][] = [['PGlite', () => openPglite('memory://')]]
if (process.env.DATABASE_URL) engines.push(['PostgreSQL server', async () => openPostgres(process.env.DATABASE_URL!)])
else
  describe.skip('PgStore on a PostgreSQL server — skipped: DATABASE_URL is not set', () => {
    it('runs when DATABASE_URL points at a PostgreSQL server', () => undefined)
  })

const delivery = (i: number, state: DeliveryRecord['state'], nextAttemptAt: string): DeliveryRecord => ({
  _id: `d${String(i).padStart(5, '0')}`,
  version: 1,
  key: `k${i}`,
  filingId: 'f1',
  ownerId: 'o1',
  recipientId: 'r1',
  recipientRole: 'owner',
  kind: 'sms_window_open',
  template: 'sms_deadline',
  fields: {},
  page: 'pages/index/index',
  dueAt: nextAttemptAt,
  state,
  nextAttemptAt,
  attempts: 0,
  updatedAt: nextAttemptAt
})

describe.each(engines)('PgStore on %s', (_name, open) => {
  let driver: SqlDriver
  const schema = `pgtest_${process.pid}`
  beforeAll(async () => {
    driver = await open()
    await driver.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`)
  }, 60_000)
  afterAll(async () => {
    await driver.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`)
    await driver.close()
  })

  it('applies every migration once; a second start applies none', async () => {
    expect(await new PgStore(driver, { schema }).migrate()).toEqual(MIGRATIONS.map((m) => m.version))
    expect(await new PgStore(driver, { schema }).migrate()).toEqual([])
    const { rows } = await driver.query<{ version: number }>(`SELECT version FROM "${schema}".schema_migrations`)
    expect(rows.map((r) => r.version)).toEqual(MIGRATIONS.map((m) => m.version))
  })

  it('every index INDEXES lists exists on the real column of that field', async () => {
    const { rows } = await driver.query<{ tablename: string; indexdef: string }>(
      `SELECT tablename, indexdef FROM pg_indexes WHERE schemaname = $1`,
      [schema]
    )
    for (const [collection, fields] of Object.entries(INDEXES)) {
      for (const field of fields) {
        const defs = rows.filter((r) => r.tablename === collection).map((r) => r.indexdef)
        expect(defs.some((d) => d.includes(`(${columnName(field)})`))).toBe(true)
      }
    }
  })

  it('serves the due page in time order from the columns (state and nextAttemptAt)', async () => {
    const store = new PgStore(driver, { schema })
    const col = store.collection<DeliveryRecord>('reminder_deliveries')
    await col.insert(delivery(1, 'sent', '2025-01-01T00:00:00.000Z'))
    await col.insert(delivery(2, 'pending', '2025-01-03T00:00:00.000Z'))
    await col.insert(delivery(3, 'claimed', '2025-01-02T00:00:00.000Z'))
    await col.insert(delivery(4, 'pending', '2025-02-01T00:00:00.000Z'))
    const page = await fetchDuePage(col, new Date('2025-01-10T00:00:00Z'))
    expect(page.map((d) => d._id)).toEqual(['d00003', 'd00002'])
    const { rows } = await driver.query<{ state: string; next_attempt_at: string }>(
      `SELECT state, next_attempt_at FROM "${schema}".reminder_deliveries WHERE _id = 'd00002'`
    )
    expect(rows[0]).toEqual({ state: 'pending', next_attempt_at: '2025-01-03T00:00:00.000Z' })
  })
})

const describeServer = process.env.DATABASE_URL ? describe : describe.skip
describeServer('PgStore: two instances starting together on one PostgreSQL server', () => {
  it('migrate in turn under the advisory lock: the migrations are applied exactly once', async () => {
    const schema = `pgrace_${process.pid}`
    const a = openPostgres(process.env.DATABASE_URL!)
    const b = openPostgres(process.env.DATABASE_URL!)
    try {
      await a.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`)
      const [ra, rb] = await Promise.all([new PgStore(a, { schema }).migrate(), new PgStore(b, { schema }).migrate()])
      expect([...ra, ...rb].sort()).toEqual(MIGRATIONS.map((m) => m.version))
    } finally {
      await a.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`)
      await a.close()
      await b.close()
    }
  })
})
