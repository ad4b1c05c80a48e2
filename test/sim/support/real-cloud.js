/**
 * The real WeChat cloud functions behind `wx.cloud.callFunction` in miniprogram-simulate: the bundles
 * `npm run build:cloud` writes (cloudfunctions/<name>/index.js), loaded with a fake wx-server-sdk over the in-memory
 * cloud database the unit tests use (test/unit/cloud/fakes, bundled here with esbuild: this jest project has no
 * TypeScript transform). The caller's OPENID is set per call; the `reminders` timer runs "as of" any instant by
 * giving its bundle a Date whose clock is shifted, so a test can play the hours of an SMS window.
 *
 *   const cloud = installRealCloud({ openid: 'o-owner' })
 *   await cloud.runRemindersAt(Date.parse(…))   // → the job's report
 *   cloud.sent                                  // subscribeMessage.send calls, in order
 */
const { execFileSync } = require('node:child_process')
const crypto = require('node:crypto')
const fs = require('node:fs')
const os = require('node:os')
const path = require('node:path')
const { installCloud } = require('./cloud-stub')

const root = path.resolve(__dirname, '../../..')
const FUNCTIONS = ['filings', 'subscriptions', 'invites', 'reminders']

function loadFakeDatabase() {
  // esbuild's JS API refuses to run inside jsdom (its TextEncoder invariant): use its command line
  const outfile = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'beian-sim-')), 'fake-wx-database.js')
  execFileSync(
    path.join(root, 'node_modules/.bin/esbuild'),
    [
      path.join(root, 'test/unit/cloud/fakes/fake-wx-database.ts'),
      '--bundle',
      '--platform=node',
      '--format=cjs',
      '--log-level=warning',
      `--outfile=${outfile}`
    ],
    { stdio: 'pipe' }
  )
  const module = { exports: {} }
  // it yields with setImmediate and copies with structuredClone, which jsdom does not have
  const v8 = require('node:v8')
  new Function('require', 'module', 'exports', 'setImmediate', 'structuredClone', fs.readFileSync(outfile, 'utf8'))(
    require,
    module,
    module.exports,
    require('node:timers').setImmediate,
    (value) => v8.deserialize(v8.serialize(value))
  )
  fs.rmSync(path.dirname(outfile), { recursive: true, force: true })
  return module.exports.createFakeWxDatabase()
}

/** A Date whose "now" is `offset()` ms ahead of the real one; parsing and formatting are Date's own. */
function shiftedDate(offset) {
  return class ShiftedDate extends Date {
    constructor(...args) {
      if (args.length === 0) super(Date.now() + offset())
      else super(...args)
    }
    static now() {
      return Date.now() + offset()
    }
  }
}

function installRealCloud({ openid }) {
  execFileSync(process.execPath, [path.join(root, 'scripts/build-cloud.mjs')], { cwd: root, stdio: 'pipe' })
  process.env.BEIAN_DATA_KEY = crypto.randomBytes(32).toString('base64')
  process.env.BEIAN_TEMPLATE_IDS = JSON.stringify({
    sms_deadline: 'TPL_SMS',
    review_progress: 'TPL_REVIEW',
    todo_reminder: 'TPL_TODO'
  })
  const db = loadFakeDatabase()
  const context = { OPENID: openid }
  const sent = []
  const calls = []
  const sdk = {
    DYNAMIC_CURRENT_ENV: Symbol('env'),
    init() {},
    database: () => db,
    getWXContext: () => ({ ...context }),
    openapi: {
      subscribeMessage: {
        send: async (message) => {
          sent.push(message)
          return { errCode: 0, errMsg: 'openapi.subscribeMessage.send:ok' }
        }
      },
      wxacode: {
        getUnlimited: async () => ({ buffer: Buffer.from([0x89, 0x50, 0x4e, 0x47]), contentType: 'image/png' })
      }
    }
  }
  let offsetMs = 0
  const ShiftedDate = shiftedDate(() => offsetMs)
  const mains = {}
  for (const name of FUNCTIONS) {
    const file = path.join(root, 'cloudfunctions', name, 'index.js')
    const module = { exports: {} }
    const requireFn = (id) => (id === 'wx-server-sdk' ? sdk : require(id))
    new Function('require', 'module', 'exports', '__filename', '__dirname', 'Date', fs.readFileSync(file, 'utf8'))(
      requireFn,
      module,
      module.exports,
      file,
      path.dirname(file),
      ShiftedDate
    )
    mains[name] = module.exports.main
  }

  async function answer(name, payload) {
    calls.push({ fn: name, action: payload && payload.action, data: payload && payload.data })
    const result = await mains[name](JSON.parse(JSON.stringify(payload)), {})
    return { errMsg: 'cloud.callFunction:ok', result: JSON.parse(JSON.stringify(result)) }
  }

  installCloud(answer)

  return {
    calls,
    sent,
    /** Calls a function as `as` (an OPENID), as the app would. */
    async call(as, name, action, data) {
      const before = context.OPENID
      context.OPENID = as
      try {
        return (await answer(name, { action, data })).result
      } finally {
        context.OPENID = before
      }
    },
    /** Runs the reminder job's timer as of `instantMs`. */
    async runRemindersAt(instantMs) {
      const before = context.OPENID
      context.OPENID = ''
      offsetMs = instantMs - Date.now()
      try {
        const out = await mains.reminders({ Type: 'Timer', TriggerName: 'reminderTimer' }, {})
        return out.data
      } finally {
        offsetMs = 0
        context.OPENID = before
      }
    }
  }
}

module.exports = { installRealCloud }
