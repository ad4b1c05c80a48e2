/**
 * Platform sync benchmark (`npm run bench -- platform`): one sync round over 10,000 bound WeChat mini-programs against
 * the in-process fake with 50 ms latency per API call and the per-second ceilings of the UNCONFIRMED table
 * (get_icp_entrance_info 200/s; neither platform documents per-second limits for these APIs), enforced by the fake
 * too (it answers 45011 above them). 10% of the mini-programs moved to 平台审核中 since the last round, so their
 * filings advance and their reminders are replanned. Lower bound = max(calls / rate, calls × latency / concurrency);
 * goal ≤ 1.2×.
 */
import { randomBytes } from 'crypto'
import { performance } from 'perf_hooks'
import { DEFAULT_SETTINGS, type Deps } from '../../src/cloud/context'
import { dataKey, staticKeyProvider } from '../../src/cloud/crypto'
import { EMPTY_FORM, storeForm } from '../../src/cloud/filing-data'
import type { ConnectionRecord, PlatformConnector } from '../../src/cloud/platforms/connector'
import { RateLimiter } from '../../src/cloud/platforms/shared/rate-limit'
import { UNCONFIRMED } from '../../src/cloud/platforms/shared/unconfirmed'
import { runPlatformSync } from '../../src/cloud/platforms/sync'
import { WechatComponentClient, WECHAT_HOSTS } from '../../src/cloud/platforms/wechat/client'
import { silentLogger, systemClock } from '../../src/cloud/ports'
import { COLLECTIONS, type FilingRecord } from '../../src/cloud/records'
import { openPglite } from '../../src/cloud/stores/pg-drivers'
import { PgStore } from '../../src/cloud/stores/pg-store'
import { newProgress } from '../../src/domain/stages'
import { PlatformFake, type PlatformFakeOptions } from '../../src/server/platform-fake/fake'
import { PROFILE } from '../unit/cloud/helpers'

const APPS = 10_000
const LATENCY_MS = 50
const CONCURRENCY = 60
const MOVED_SHARE = 0.1

const SECRETS = {
  componentAppId: 'wxbenchcomponent01',
  componentSecret: 'bench-secret',
  token: 'benchtoken',
  encodingAesKey: 'abcdefghijklmnopqrstuvwxyz0123456789ABCDEFG'
}

async function main(): Promise<void> {
  const store = new PgStore(await openPglite('memory://'))
  await store.migrate()
  const deps: Deps = {
    store,
    clock: systemClock,
    keys: staticKeyProvider(dataKey(randomBytes(32))),
    logger: silentLogger,
    settings: DEFAULT_SETTINGS
  }
  const limits = UNCONFIRMED.perSecondLimits.value
  const fakeOptions: PlatformFakeOptions = {
    clock: systemClock,
    wechat: SECRETS,
    douyin: { ...SECRETS, componentAppId: 'ttbench' },
    wait: (ms) => new Promise((r) => setTimeout(r, ms)),
    perSecond: limits
  }
  const fake = new PlatformFake(fakeOptions)
  const client = new WechatComponentClient(
    { store, keys: deps.keys, clock: systemClock },
    { componentAppId: SECRETS.componentAppId, componentSecret: SECRETS.componentSecret, ...WECHAT_HOSTS },
    fake.http
  )
  const connector: PlatformConnector = { publicBaseUrl: 'https://bench.example', wechat: { client, push: SECRETS } }
  deps.platforms = connector

  // ---- set-up (no latency, no limits): 10,000 authorised mini-programs with fresh tokens, bound to filings ----
  const setupStart = performance.now()
  fakeOptions.perSecond = undefined
  const ticket = fake.wechatTicketPush()
  void ticket
  await client.saveVerifyTicket(fake.latestWechatTicket())
  const now = new Date().toISOString()
  const filings = store.collection<FilingRecord>(COLLECTIONS.filings)
  const connections = store.collection<ConnectionRecord>(COLLECTIONS.platformConnections)
  for (let i = 0; i < APPS; i++) {
    const appId = `wxbench${String(i).padStart(8, '0')}`
    const { preAuthCode } = await client.preAuthCode()
    const consent = fake.wechatConsent(preAuthCode, appId, [18])
    if ('error' in consent) throw new Error(consent.error)
    await client.exchangeAuthCode(consent.authCode)
    const filingId = randomBytes(12).toString('hex')
    await filings.insert({
      _id: filingId,
      version: 1,
      ownerId: `owner${i}`,
      title: `小程序${i}`,
      profile: PROFILE,
      form: storeForm(deps.keys, EMPTY_FORM, filingId),
      progress: newProgress(now),
      materials: {},
      createdAt: now,
      updatedAt: now
    })
    await connections.insert({
      _id: `wechat:${appId}`,
      version: 1,
      platform: 'wechat',
      appId,
      ownerId: `owner${i}`,
      filingId,
      state: 'active',
      connectedAt: now,
      lastObservedAt: now,
      nextSyncAt: now,
      failures: 0,
      updatedAt: now
    })
    if (i < APPS * MOVED_SHARE) fake.wechatSetStatus(appId, 2)
  }
  const setupMs = performance.now() - setupStart

  // ---- the measured round ----
  fakeOptions.latencyMs = LATENCY_MS
  fakeOptions.perSecond = limits
  const callsBefore = fake.calls.length
  const limiter = new RateLimiter(systemClock, limits)
  const measured = new WechatComponentClient(
    { store, keys: deps.keys, clock: systemClock },
    { componentAppId: SECRETS.componentAppId, componentSecret: SECRETS.componentSecret, ...WECHAT_HOSTS },
    fake.http,
    limiter
  )
  deps.platforms = { ...connector, wechat: { client: measured, push: SECRETS } }
  const t0 = performance.now()
  const report = await runPlatformSync(deps, deps.platforms, { concurrency: CONCURRENCY })
  const wallMs = performance.now() - t0
  const calls = fake.calls.length - callsBefore
  const rate = limits['wechat:get_icp_entrance_info']
  const lowerMs = Math.max((calls / rate) * 1000, (calls * LATENCY_MS) / CONCURRENCY)

  console.log(`set-up: ${APPS} authorised + bound mini-programs in ${(setupMs / 1000).toFixed(1)} s`)
  console.log(
    `sync round: ${report.due} due → unchanged ${report.unchanged}, advanced ${report.advanced}, failed ${report.failed}`
  )
  console.log(`  API calls ${calls} at ${LATENCY_MS} ms each, ceiling ${rate}/s, concurrency ${CONCURRENCY}`)
  console.log(
    `  wall ${(wallMs / 1000).toFixed(2)} s vs lower bound ${(lowerMs / 1000).toFixed(2)} s → ${(wallMs / lowerMs).toFixed(3)}× (goal ≤ 1.2×)`
  )
}

main().catch((err) => {
  console.error(err)
  process.exit(1)
})
