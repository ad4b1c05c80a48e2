/**
 * `node dist/server/index.js` (what `npm start` runs): the local and Douyin back end on 127.0.0.1.
 *
 * Environment (the README lists them all):
 *   BEIAN_MODE — `local` (login code = identity, dev endpoints; `npm start` sets it) or `production` (Douyin
 *     code2Session; needs TT_APPID, TT_SECRET and BEIAN_DATA_KEY). Unset means production: fail closed.
 *   PORT (8787), BEIAN_DATA_DIR (.local-data), BEIAN_STATIC_DIR (dist/h5),
 *   DATABASE_URL — a PostgreSQL server (`postgres://user:pass@host:5432/db`) shared by any number of instances;
 *     unset: embedded PostgreSQL (PGlite) in <data dir>/pglite, one instance per data folder,
 *   BEIAN_PG_POOL — connections per instance to DATABASE_URL (10), BEIAN_PG_SCHEMA — schema of the tables (beian),
 *   BEIAN_MAX_FILINGS_PER_USER — filings one user may own (50),
 *   BEIAN_DATA_KEY — base64 32-byte AES key; in local mode generated once into <data dir>/data.key if absent,
 *   TT_APPID + TT_SECRET — Douyin: tt.login codes via code2Session, reminders via notify-user v2,
 *   TT_TEMPLATE_IDS — JSON { "sms_deadline": "MSG…", … } (Douyin msg_ids),
 *   BEIAN_TEMPLATE_IDS — JSON template ids returned to clients by subscriptions.status (defaults to TT_TEMPLATE_IDS),
 *   BEIAN_TRUSTED_PROXIES — proxies in front that append to X-Forwarded-For (0: use the socket's address).
 * Local mode only: GET /api/dev/outbox (the caller's own messages) and POST /api/dev/run-reminders { now? }, POST /api/dev/sync-platform (poll the caller's connections now).
 * Platform connector: BEIAN_PLATFORM=fake runs the WeChat/Douyin fakes in process (control page /api/platform/fake);
 * otherwise BEIAN_PUBLIC_URL + WECHAT_COMPONENT_* / DOUYIN_COMPONENT_* (src/cloud/platforms/from-env.ts).
 */
import * as fs from 'fs'
import * as path from 'path'
import { DEFAULT_SETTINGS, type Deps } from '../cloud/context'
import { localKeyProvider } from '../cloud/crypto'
import { localCodeExchanger } from '../cloud/handlers/session/login'
import { consoleLogger, systemClock, type Store } from '../cloud/ports'
import { openPglite, openPostgres } from '../cloud/stores/pg-drivers'
import { PgStore } from '../cloud/stores/pg-store'
import { createServerApp, type ServerApp } from './app'
import { lockDataDir } from './data-lock'
import { douyinCodeExchanger, douyinSender, type FetchLike } from './douyin'
import { outboxSender } from './outbox'
import { connectorFromEnv } from '../cloud/platforms/from-env'
import { startFakePlatforms } from './platform-fake/control'
import { startPlatformSync } from './platform-routes'

function jsonEnv(name: string): Record<string, string> {
  const raw = process.env[name]
  if (!raw) return {}
  try {
    return JSON.parse(raw) as Record<string, string>
  } catch {
    console.error(`${name} is not valid JSON; ignored`)
    return {}
  }
}

/** Local mode "sends" to the outbox, so every kind has a template there: the H5 app can ask and record consent. */
const LOCAL_TEMPLATE_IDS = {
  sms_deadline: 'local-sms-deadline',
  review_progress: 'local-review-progress',
  todo_reminder: 'local-todo-reminder'
}

/** A start-up refusal: printed as it is, exit code 1. */
class StartError extends Error {}

interface OpenedStore {
  store: Store
  describe: string
  close(): Promise<void>
}

/** The folder PGlite keeps its cluster in, inside the data folder. */
const PGLITE_DIR = 'pglite'

/**
 * DATABASE_URL: a PostgreSQL server, shared by every instance. Otherwise embedded PGlite in the data folder.
 * Migrations run before the port opens.
 */
async function openStore(env: NodeJS.ProcessEnv, dataDir: string): Promise<OpenedStore> {
  if (env.DATABASE_URL) {
    const pool = Number(env.BEIAN_PG_POOL || 10)
    if (!Number.isInteger(pool) || pool < 1) throw new StartError('BEIAN_PG_POOL must be a whole number ≥ 1')
    const store = new PgStore(openPostgres(env.DATABASE_URL, { max: pool }), {
      schema: env.BEIAN_PG_SCHEMA || undefined
    })
    try {
      await store.migrate()
    } catch (err) {
      await store.close().catch(() => undefined)
      // the URL may carry a password: name the host only
      const host = /@([^/?]+)/.exec(env.DATABASE_URL)?.[1] ?? 'DATABASE_URL'
      throw new StartError(`cannot use the PostgreSQL server at ${host}: ${(err as Error).message}`)
    }
    return { store, describe: 'PostgreSQL server (DATABASE_URL)', close: () => store.close() }
  }
  // NeDB is no longer served; its files are imported once
  if (env.BEIAN_STORE === 'nedb')
    throw new StartError(
      `BEIAN_STORE=nedb is no longer supported: import the NeDB files with npm run migrate:nedb -- ${dataDir}, ` +
        'then start without BEIAN_STORE'
    )
  if (env.BEIAN_STORE && env.BEIAN_STORE !== 'pglite')
    throw new StartError(`BEIAN_STORE must be "pglite" (or unset), not "${env.BEIAN_STORE}"`)
  const folder = path.join(dataDir, PGLITE_DIR)
  let store: PgStore
  try {
    store = new PgStore(await openPglite(folder))
    await store.migrate()
  } catch (err) {
    throw new StartError(`cannot open the embedded database in ${folder}: ${(err as Error).message}`)
  }
  return { store, describe: `embedded PostgreSQL (PGlite) in ${folder}`, close: () => store.close() }
}

/**
 * Local mode (code = identity, dev endpoints) only when asked for by name; anything else is production and
 * must have its credentials, so a missing variable can never open the server to anyone with a made-up code.
 */
function chooseMode(env: NodeJS.ProcessEnv): 'local' | 'douyin' {
  const asked = env.BEIAN_MODE || 'production'
  if (asked === 'local') return 'local'
  if (asked !== 'production') throw new StartError(`BEIAN_MODE must be "local" or "production", not "${asked}"`)
  const missing = ['TT_APPID', 'TT_SECRET', 'BEIAN_DATA_KEY'].filter((name) => !env[name])
  if (missing.length)
    throw new StartError(
      `production mode needs ${missing.join(', ')} (see README: run in production); ` +
        'for local development set BEIAN_MODE=local (npm start does)'
    )
  return 'douyin'
}

/** Douyin's code exchange and subscription messages in production; code = identity and the dev outbox locally. */
function loginAndSender(douyin: boolean, templateIds: Record<string, string>, store: Deps['store']) {
  if (!douyin) return { exchanger: localCodeExchanger, sender: outboxSender(store, systemClock) }
  const fetchFn = globalThis.fetch as unknown as FetchLike
  const app = { appId: process.env.TT_APPID!, secret: process.env.TT_SECRET!, templateIds }
  return { exchanger: douyinCodeExchanger(app, fetchFn, consoleLogger), sender: douyinSender(app, fetchFn) }
}

/** The start-up banner: where the server listens and what it runs on (never a key or personal data). */
function printStartup(started: {
  app: ServerApp
  port: number
  mode: 'local' | 'douyin'
  dataDir: string
  staticRoot: string
  storeDescription: string
  key: { generated: boolean; source: string }
  fakePlatformsUrl?: string
  connectorConfigured: boolean
}): void {
  const { app, port, mode, dataDir, staticRoot, storeDescription, fakePlatformsUrl, connectorConfigured } = started
  const { generated, source } = started.key
  const address = app.server.address()
  const actualPort = typeof address === 'object' && address ? address.port : port
  console.info(`备案助手 server (${mode} mode) on http://127.0.0.1:${actualPort}`)
  console.info(`  data: ${storeDescription}`)
  if (storeDescription.startsWith('embedded') && fs.readdirSync(dataDir).some((f) => f.endsWith('.db')))
    console.info(`  NeDB files found in ${dataDir}: import them with npm run migrate:nedb -- ${dataDir}`)
  if (generated)
    console.info(`  generated a new data key in ${source} (mode 0600); set BEIAN_DATA_KEY to manage it yourself`)
  else console.info(`  data key: ${source === 'BEIAN_DATA_KEY' ? 'from BEIAN_DATA_KEY' : source}`)
  if (!fs.existsSync(path.join(staticRoot, 'index.html'))) console.info(`  no H5 build at ${staticRoot}: API only`)
  if (mode === 'local')
    console.info('  dev endpoints: GET /api/dev/outbox, POST /api/dev/run-reminders, POST /api/dev/sync-platform')
  if (fakePlatformsUrl) console.info(`  platform fakes: ${fakePlatformsUrl}`)
  else if (connectorConfigured) console.info('  platform connector: configured')
}

async function main(): Promise<void> {
  const port = Number(process.env.PORT || 8787)
  const dataDir = path.resolve(process.env.BEIAN_DATA_DIR || '.local-data')
  const staticRoot = path.resolve(process.env.BEIAN_STATIC_DIR || 'dist/h5')
  const trustedProxies = Number(process.env.BEIAN_TRUSTED_PROXIES || 0)
  if (!Number.isInteger(trustedProxies) || trustedProxies < 0)
    throw new StartError('BEIAN_TRUSTED_PROXIES must be a whole number (0 = no proxy)')
  const mode = chooseMode(process.env)
  const douyin = mode === 'douyin'
  fs.mkdirSync(dataDir, { recursive: true, mode: 0o700 })
  // an embedded store is one process's: a second server on the folder is refused (a server's store is shared)
  const unlock = process.env.DATABASE_URL ? () => undefined : lockDataDir(dataDir)

  const { keys, generated, source } = localKeyProvider(dataDir)
  const opened = await openStore(process.env, dataDir)
  const { store } = opened
  const ttTemplates = jsonEnv('TT_TEMPLATE_IDS')
  const maxFilingsPerUser = Number(process.env.BEIAN_MAX_FILINGS_PER_USER || DEFAULT_SETTINGS.maxFilingsPerUser)
  if (!Number.isInteger(maxFilingsPerUser) || maxFilingsPerUser < 1)
    throw new StartError('BEIAN_MAX_FILINGS_PER_USER must be a whole number ≥ 1')
  const deps: Deps = {
    store,
    clock: systemClock,
    keys,
    logger: consoleLogger,
    settings: {
      ...DEFAULT_SETTINGS,
      maxFilingsPerUser,
      templateIds: { ...(douyin ? {} : LOCAL_TEMPLATE_IDS), ...ttTemplates, ...jsonEnv('BEIAN_TEMPLATE_IDS') }
    }
  }
  const publicBaseUrl = (process.env.BEIAN_PUBLIC_URL || `http://127.0.0.1:${port}`).replace(/\/$/, '')
  // the fakes' control page moves filings without authentication: local mode only
  const fakePlatforms =
    process.env.BEIAN_PLATFORM === 'fake' && mode === 'local' ? startFakePlatforms(deps, publicBaseUrl) : undefined
  deps.platforms = fakePlatforms?.connector ?? connectorFromEnv(deps)
  const platformSync = deps.platforms ? startPlatformSync(deps, deps.platforms, 60_000) : undefined
  const app = createServerApp({
    platformFake: fakePlatforms?.handle,
    deps,
    mode,
    staticRoot,
    reminderEveryMs: 60_000,
    trustedProxies,
    ...loginAndSender(douyin, ttTemplates, store)
  })

  await new Promise<void>((resolve, reject) => {
    app.server.once('error', reject)
    app.server.listen(port, '127.0.0.1', () => resolve())
  })
  printStartup({
    app,
    port,
    mode,
    dataDir,
    staticRoot,
    storeDescription: opened.describe,
    key: { generated, source },
    fakePlatformsUrl: fakePlatforms ? `${publicBaseUrl}/api/platform/fake` : undefined,
    connectorConfigured: !!deps.platforms
  })

  const stop = async () => {
    platformSync?.stop()
    fakePlatforms?.stop()
    await app.close()
    await opened.close()
    unlock()
    process.exit(0)
  }
  process.once('SIGINT', () => void stop())
  process.once('SIGTERM', () => void stop())
}

// A rejection nobody handled leaves the server in an unknown state: log its kind (never its message, which may
// carry data) and exit non-zero so the supervisor starts a clean one.
process.on('unhandledRejection', (reason) => {
  consoleLogger.error('unhandled_rejection', { error: reason instanceof Error ? reason.name : typeof reason })
  process.exit(1)
})

main().catch((err) => {
  console.error('server failed to start:', err instanceof Error ? err.message : err)
  process.exit(1)
})
