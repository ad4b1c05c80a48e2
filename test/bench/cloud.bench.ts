/**
 * Cloud back-end benchmarks (`npm run bench -- cloud`):
 *  (a) one reminder run over 10,000 due reminders, fake sender with 50 ms latency, concurrency 20, through the
 *      WeChat production path (WxStore over the in-memory wx-server-sdk database fake) — wall time against the
 *      lower bound 10,000 × 50 ms / 20 = 25 s (goal ≤ 1.2×);
 *  (b) p50/p95 latency of filings.get and filings.update through the local HTTP server (PgStore on PGlite on
 *      disk, the local production path) with 10,000 filings stored (goal p95 ≤ 15 ms).
 * BENCH_SKIP_RUN=1 runs (b) only.
 */
import * as fs from 'fs'
import * as os from 'os'
import * as path from 'path'
import { performance } from 'perf_hooks'
import { DEFAULT_SETTINGS, type Deps } from '../../src/cloud/context'
import { decryptForm, localKeyProvider } from '../../src/cloud/crypto'
import { storeForm } from '../../src/cloud/filing-data'
import { userForToken } from '../../src/cloud/handlers/session/login'
import { subscriptionId } from '../../src/cloud/handlers/subscriptions/quota'
import { silentLogger, systemClock, type Sender } from '../../src/cloud/ports'
import { COLLECTIONS, type DeliveryRecord, type FilingRecord, type SubscriptionRecord } from '../../src/cloud/records'
import { runReminderJob } from '../../src/cloud/reminders/run'
import { openPglite } from '../../src/cloud/stores/pg-drivers'
import { PgStore } from '../../src/cloud/stores/pg-store'
import { WxStore } from '../../src/cloud/stores/wx-store'
import { createFakeWxDatabase } from '../unit/cloud/fakes/fake-wx-database'
import { FORM, PROFILE } from '../unit/cloud/helpers'
import { fmt, measureGetAndUpdate, reportGetAndUpdate } from './http-latency'
import { apiPoster, startLocalServer } from '../unit/cloud/local-server'

const REMINDERS = 10_000
const LATENCY_MS = 50
const CONCURRENCY = 20
const FILINGS = 10_000
const SAMPLES = 400
const WARMUP = 50

async function reminderRun(): Promise<void> {
  const store = new WxStore(createFakeWxDatabase())
  const deliveries = store.collection<DeliveryRecord>(COLLECTIONS.deliveries)
  const subs = store.collection<SubscriptionRecord>(COLLECTIONS.subscriptions)
  const due = new Date(Date.now() - 60_000)
  const users = 100
  for (let u = 0; u < users; u++) {
    await subs.insert({
      _id: subscriptionId(`user${u}`, 'sms_deadline'),
      version: 1,
      userId: `user${u}`,
      template: 'sms_deadline',
      quota: REMINDERS / users,
      lastResult: 'accept',
      updatedAt: due.toISOString()
    })
  }
  for (let i = 0; i < REMINDERS; i++) {
    await deliveries.insert({
      _id: `d${i}`,
      version: 1,
      key: `filing${i}:sms_window_open:2025-03-03T09:00:00+08:00`,
      filingId: `filing${i}`,
      ownerId: `user${i % users}`,
      recipientId: `user${i % users}`,
      recipientRole: 'owner',
      kind: 'sms_window_open',
      template: 'sms_deadline',
      fields: { thing1: '示例小程序', time2: '2025年3月4日 09:00', thing3: '请在24小时内完成12381短信核验' },
      page: 'pages/progress/index',
      dueAt: due.toISOString(),
      state: 'pending',
      nextAttemptAt: new Date(due.getTime() + (i % 1000)).toISOString(),
      attempts: 0,
      updatedAt: due.toISOString()
    })
  }
  let sent = 0
  const sender: Sender = {
    send: () =>
      new Promise((resolve) =>
        setTimeout(() => {
          sent++
          resolve({ ok: true })
        }, LATENCY_MS)
      )
  }
  const t0 = performance.now()
  const report = await runReminderJob(
    { store, clock: systemClock, sender, logger: silentLogger },
    { concurrency: CONCURRENCY, budgetMs: 120_000 }
  )
  const wall = performance.now() - t0
  const bound = (REMINDERS * LATENCY_MS) / CONCURRENCY
  if (report.sent !== REMINDERS || sent !== REMINDERS) throw new Error(`sent ${report.sent}/${sent} of ${REMINDERS}`)
  console.log(
    `cloud  reminder run ${REMINDERS.toLocaleString('en')} × ${LATENCY_MS} ms @${CONCURRENCY} (WxStore over the wx database fake)  wall ${fmt(wall)}  = ${(wall / bound).toFixed(3)}× the lower bound ${fmt(bound)}  (goal ≤ 1.2×)`
  )
}

async function httpLatency(): Promise<void> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'beian-bench-'))
  const store = new PgStore(await openPglite(path.join(dir, 'pglite')))
  await store.migrate()
  const deps: Deps = {
    store,
    clock: systemClock,
    keys: localKeyProvider(dir, {} as unknown as NodeJS.ProcessEnv).keys,
    logger: silentLogger,
    settings: DEFAULT_SETTINGS
  }
  // the rate limiter stays on (its cost is part of the figures); each bench user gets its own address
  const { app, base } = await startLocalServer(deps, { trustedProxies: 1 })
  // retried once on a keep-alive connection reset while the seeding below ran (as the store bench does)
  const post = apiPoster(base)

  // 1,000 users × 10 filings: one made through the handlers, the rest copies re-encrypted under their own ids
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
  for (let i = 1; i < FILINGS; i++) {
    const u = i % users
    const _id = `${i.toString(16).padStart(8, '0')}${'0'.repeat(16)}`
    await filings.insert({ ...templateRecord, _id, ownerId: userIds[u]!, form: storeForm(deps.keys, plainForm, _id) })
    filingsOf[u].push(_id)
  }
  const seeded = performance.now() - t0
  if ((await filings.count({})) !== FILINGS) throw new Error('seeding failed')

  const latency = { post, tokens, filingsOf, samples: SAMPLES, warmup: WARMUP }
  reportGetAndUpdate(
    'cloud',
    `with ${FILINGS.toLocaleString('en')} filings stored (PGlite on disk)`,
    latency,
    await measureGetAndUpdate(latency)
  )
  console.log(`cloud  (seeding ${FILINGS.toLocaleString('en')} filings + ${users} logins took ${fmt(seeded)})`)
  await app.close()
  await store.close()
  fs.rmSync(dir, { recursive: true, force: true })
}

async function main(): Promise<void> {
  if (!process.env.BENCH_SKIP_RUN) await reminderRun()
  await httpLatency()
}

main().then(
  () => process.exit(0),
  (err) => {
    console.error(err)
    process.exit(1)
  }
)
