/**
 * SQL store benchmarks (`npm run bench -- store`), side by side on embedded PGlite (on disk) and on a PostgreSQL
 * server (DATABASE_URL; skipped, saying so, when unset):
 *  (a) p50/p95 of HTTP filings.get / filings.update through the server app with 100,000 filings stored
 *      (goal p95 ≤ 15 ms on both);
 *  (b) PostgreSQL: the reminder job over 20,000 due deliveries, two instances (two pools, two job runs) at
 *      concurrency 20 each, a fake sender with 50 ms latency — wall time against the lower bound
 *      20,000 × 50 ms / 40 (goal ≤ 1.2×);
 *  (c) `node dist/server/index.js` cold start to the first answer on a fresh data folder (PGlite: initdb + migrate).
 * BENCH_FILINGS / BENCH_DUE change the sizes; BENCH_LOG=1 prints the reminder job's log. `npm run bench -- store:http` (or `store:job`, `store:cold`) runs one part.
 */
import { execFileSync, spawn } from 'child_process'
import * as fs from 'fs'
import * as os from 'os'
import * as path from 'path'
import { performance } from 'perf_hooks'
import { DEFAULT_SETTINGS, type Deps } from '../../src/cloud/context'
import { decryptForm, localKeyProvider } from '../../src/cloud/crypto'
import { storeForm } from '../../src/cloud/filing-data'
import { userForToken } from '../../src/cloud/handlers/session/login'
import { subscriptionId } from '../../src/cloud/handlers/subscriptions/quota'
import { consoleLogger, silentLogger, systemClock, type Sender } from '../../src/cloud/ports'
import { COLLECTIONS, type DeliveryRecord, type FilingRecord } from '../../src/cloud/records'
import { runReminderJob } from '../../src/cloud/reminders/run'
import { openPglite, openPostgres } from '../../src/cloud/stores/pg-drivers'
import { PgStore, type SqlDriver } from '../../src/cloud/stores/pg-store'
import { FORM, PROFILE } from '../unit/cloud/helpers'
import { fmt, measureGetAndUpdate, reportGetAndUpdate } from './http-latency'
import { apiPoster, startLocalServer } from '../unit/cloud/local-server'

const FILINGS = Number(process.env.BENCH_FILINGS || 100_000)
const DUE = Number(process.env.BENCH_DUE || 20_000)
const LATENCY_MS = 50
const CONCURRENCY = 20
const SAMPLES = 400
const WARMUP = 50
const root = path.resolve(__dirname, '../..')

/** Many documents in one statement each 1,000: seeding is not what is measured. */
async function bulkInsert(store: PgStore, collection: string, docs: object[]): Promise<void> {
  store.collection(collection) // the table exists (migrated)
  for (let i = 0; i < docs.length; i += 1000) {
    await store.driver.query(
      `INSERT INTO "${store.schema}"."${collection}" (_id, doc)
       SELECT e->>'_id', e FROM jsonb_array_elements($1::jsonb) e`,
      [JSON.stringify(docs.slice(i, i + 1000))]
    )
  }
}

async function httpLatency(label: string, store: PgStore): Promise<void> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'beian-bench-keys-'))
  const deps: Deps = {
    store,
    clock: systemClock,
    keys: localKeyProvider(dir, {} as unknown as NodeJS.ProcessEnv).keys,
    logger: silentLogger,
    settings: DEFAULT_SETTINGS
  }
  const { app, base } = await startLocalServer(deps, { trustedProxies: 1 })
  const post = apiPoster(base)
  const users = 1000
  const tokens: string[] = []
  const filingsOf: string[][] = []
  const t0 = performance.now()
  for (let u = 0; u < users; u++) {
    const { data } = await post('login', { code: `bench-user-${u}` }, undefined, `10.${u >> 8}.${u & 255}.1`)
    tokens.push(data.token)
    filingsOf.push([])
  }
  const userIds = await Promise.all(
    tokens.map((t) => userForToken({ store, clock: systemClock, logger: silentLogger }, t))
  )
  const template = await post('filings', { action: 'create', data: { profile: PROFILE, form: FORM } }, tokens[0])
  const filings = store.collection<FilingRecord>(COLLECTIONS.filings)
  const templateRecord = (await filings.get(template.data.id))!
  const plainForm = decryptForm(deps.keys, templateRecord.form, templateRecord._id)
  filingsOf[0].push(templateRecord._id)
  const docs: FilingRecord[] = []
  for (let i = 1; i < FILINGS; i++) {
    const u = i % users
    const _id = `${i.toString(16).padStart(8, '0')}${'0'.repeat(16)}`
    docs.push({ ...templateRecord, _id, ownerId: userIds[u]!, form: storeForm(deps.keys, plainForm, _id) })
    filingsOf[u].push(_id)
  }
  await bulkInsert(store, COLLECTIONS.filings, docs)
  const seeded = performance.now() - t0
  if ((await filings.count({})) !== FILINGS) throw new Error('seeding failed')

  const latency = { post, tokens, filingsOf, samples: SAMPLES, warmup: WARMUP }
  reportGetAndUpdate(
    'store',
    `with ${FILINGS.toLocaleString('en')} filings (${label})`,
    latency,
    await measureGetAndUpdate(latency)
  )
  console.log(
    `store  (${label}: seeding ${FILINGS.toLocaleString('en')} filings + ${users} logins took ${fmt(seeded)})`
  )
  await app.close()
  fs.rmSync(dir, { recursive: true, force: true })
}

async function twoInstanceReminderRun(url: string): Promise<void> {
  const schema = `bench_job_${process.pid}`
  const setup = new PgStore(openPostgres(url), { schema })
  await setup.driver.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`)
  await setup.migrate()
  const due = new Date(Date.now() - 60_000).toISOString()
  const users = 200
  await bulkInsert(
    setup,
    COLLECTIONS.subscriptions,
    Array.from({ length: users }, (_, u) => ({
      _id: subscriptionId(`user${u}`, 'sms_deadline'),
      version: 1,
      userId: `user${u}`,
      template: 'sms_deadline',
      quota: DUE / users,
      lastResult: 'accept',
      updatedAt: due
    }))
  )
  await bulkInsert(
    setup,
    COLLECTIONS.deliveries,
    Array.from({ length: DUE }, (_, i): DeliveryRecord => ({
      _id: `d${i}`,
      version: 1,
      key: `k${i}`,
      filingId: `f${i % 1000}`,
      ownerId: `user${i % users}`,
      recipientId: `user${i % users}`,
      recipientRole: 'owner',
      kind: 'sms_window_open',
      template: 'sms_deadline',
      fields: { thing1: '短信核验' },
      page: 'pages/index/index',
      dueAt: due,
      state: 'pending',
      nextAttemptAt: due,
      attempts: 0,
      updatedAt: due
    }))
  )
  let sent = 0
  const sender: Sender = {
    send: () => new Promise((resolve) => setTimeout(() => (sent++, resolve({ ok: true })), LATENCY_MS))
  }
  // statements the job sends, counted at the driver (a transaction's statements included)
  let statements = 0
  const counted = (driver: SqlDriver): SqlDriver => ({
    ...driver,
    query: (sql, params) => (statements++, driver.query(sql, params)),
    transaction: (fn) => driver.transaction((q) => fn((sql, params) => (statements++, q(sql, params))))
  })
  const instances = [0, 1].map(() => new PgStore(counted(openPostgres(url, { max: CONCURRENCY + 2 })), { schema }))
  const t0 = performance.now()
  const reports = await Promise.all(
    instances.map((store) =>
      runReminderJob(
        { store, clock: systemClock, sender, logger: process.env.BENCH_LOG ? consoleLogger : silentLogger },
        { concurrency: CONCURRENCY, budgetMs: 600_000 }
      )
    )
  )
  const wall = performance.now() - t0
  const bound = (DUE * LATENCY_MS) / (2 * CONCURRENCY)
  const reported = reports.reduce((n, r) => n + r.sent, 0)
  if (reported !== DUE || sent !== DUE) throw new Error(`sent ${reported}/${sent} of ${DUE}`)
  console.log(
    `store  reminder run ${DUE.toLocaleString('en')} × ${LATENCY_MS} ms, 2 instances @${CONCURRENCY} on PostgreSQL  wall ${fmt(wall)}  = ${(wall / bound).toFixed(3)}× the lower bound ${fmt(bound)}  (goal ≤ 1.2×; sent ${reports.map((r) => r.sent).join(' + ')}; ${(statements / DUE).toFixed(2)} statements per delivery)`
  )
  for (const s of instances) await s.close()
  await setup.driver.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`)
  await setup.close()
}

async function coldStart(): Promise<void> {
  const outDir = fs.mkdtempSync(path.join(os.tmpdir(), 'beian-bench-srv-'))
  const outfile = path.join(outDir, 'index.js')
  execFileSync(process.execPath, [path.join(root, 'scripts/build-server.mjs'), '--outfile', outfile], { cwd: root })
  const dataDir = path.join(outDir, 'data')
  const t0 = performance.now()
  const child = spawn(process.execPath, [outfile], {
    env: { ...process.env, PORT: '0', BEIAN_MODE: 'local', BEIAN_DATA_DIR: dataDir, DATABASE_URL: '' }
  })
  let out = ''
  child.stdout.on('data', (d) => (out += d))
  const base = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no start: ${out}`)), 120_000)
    child.stdout.on('data', () => {
      const m = /on (http:\/\/127\.0\.0\.1:\d+)/.exec(out)
      if (m) {
        clearTimeout(timer)
        resolve(m[1])
      }
    })
  })
  const res = await fetch(`${base}/api/health`)
  const wall = performance.now() - t0
  if (!res.ok) throw new Error('health failed')
  console.log(`store  cold start to first answer, fresh data folder (PGlite initdb + migrations)  ${fmt(wall)}`)
  await new Promise<void>((resolve) => {
    child.on('exit', () => resolve())
    child.kill('SIGTERM')
  })
  fs.rmSync(outDir, { recursive: true, force: true })
}

/** The part asked for on the command line (`http`, `job`, `cold`); every part when none. */
const part = process.argv[2]
const wanted = (name: 'http' | 'job' | 'cold') => !part || part === name

async function main(): Promise<void> {
  if (part && !['http', 'job', 'cold'].includes(part)) throw new Error(`unknown part ${part} (http, job, cold)`)
  if (wanted('http')) await pgliteLatency()
  const url = process.env.DATABASE_URL
  if (url) {
    if (wanted('http')) await serverLatency(url)
    if (wanted('job')) await twoInstanceReminderRun(url)
  } else if (wanted('http') || wanted('job')) {
    console.log('store  PostgreSQL-server figures SKIPPED: DATABASE_URL is not set (scripts/pg-throwaway.sh start)')
  }
  if (wanted('cold')) await coldStart()
}

async function pgliteLatency(): Promise<void> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'beian-bench-pglite-'))
  const pglite = new PgStore(await openPglite(dir))
  await pglite.migrate()
  await httpLatency('PGlite on disk', pglite)
  await pglite.close()
  fs.rmSync(dir, { recursive: true, force: true })
}

async function serverLatency(url: string): Promise<void> {
  const schema = `bench_http_${process.pid}`
  const server = new PgStore(openPostgres(url), { schema })
  await server.driver.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`)
  await server.migrate()
  await httpLatency('PostgreSQL server', server)
  await server.driver.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`)
  await server.close()
}

main().catch((err) => {
  console.error(err)
  process.exit(1)
})
