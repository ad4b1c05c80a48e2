/** @jest-environment node */
/**
 * The built cloud functions (cloudfunctions/<name>/index.js from `npm run build:cloud`), loaded with a fake
 * wx-server-sdk over the in-memory database: identity only from OPENID, the timer-only reminders function,
 * and config.json declaring exactly the openapi permissions each needs.
 */
import { execFileSync } from 'child_process'
import { randomBytes } from 'crypto'
import * as fs from 'fs'
import * as path from 'path'
import { DEFAULT_RATE_POLICY } from '../../../src/cloud/rate-limit'
import { FORM, PROFILE } from './helpers'
import { createFakeWxDatabase } from './fakes/fake-wx-database'

const root = path.resolve(__dirname, '../../..')
const FUNCTIONS = ['filings', 'subscriptions', 'invites', 'reminders']

const db = createFakeWxDatabase()
const context = { OPENID: '' }
const sends: { touser: string; templateId: string; data: Record<string, { value: string }>; page?: string }[] = []
let sendAnswer: () => Promise<unknown> = async () => ({ errCode: 0, errMsg: 'openapi.subscribeMessage.send:ok' })
const codes: { scene: string; page?: string }[] = []

const mockCloud = {
  DYNAMIC_CURRENT_ENV: Symbol('env'),
  init: jest.fn(),
  database: () => db,
  getWXContext: () => ({ ...context }),
  openapi: {
    subscribeMessage: {
      send: async (o: (typeof sends)[number]) => {
        const answer = await sendAnswer()
        sends.push(o)
        return answer
      }
    },
    wxacode: {
      getUnlimited: async (o: { scene: string; page?: string }) => {
        codes.push(o)
        return { buffer: Buffer.from([0x89, 0x50, 0x4e, 0x47]), contentType: 'image/png', errCode: 0 }
      }
    }
  }
}

/** Loads a bundle as the cloud would (CommonJS), untransformed; its require('wx-server-sdk') gets the fake. */
function loadBundle(file: string): { main: Main } {
  const module = { exports: {} as { main: Main } }
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const requireFn = (id: string) => (id === 'wx-server-sdk' ? mockCloud : require(id))
  new Function('require', 'module', 'exports', '__filename', '__dirname', fs.readFileSync(file, 'utf8'))(
    requireFn,
    module,
    module.exports,
    file,
    path.dirname(file)
  )
  return module.exports
}

type Main = (event: unknown, context?: unknown) => Promise<{ ok: boolean; code?: string; data?: any }>
const mains: Record<string, Main> = {}

beforeAll(() => {
  execFileSync(process.execPath, [path.join(root, 'scripts/build-cloud.mjs')], { cwd: root, stdio: 'pipe' })
  process.env.BEIAN_DATA_KEY = randomBytes(32).toString('base64')
  process.env.BEIAN_TEMPLATE_IDS = JSON.stringify({
    sms_deadline: 'TPL_SMS',
    review_progress: 'TPL_REVIEW',
    todo_reminder: 'TPL_TODO'
  })
  jest.spyOn(console, 'log').mockImplementation(() => undefined)
  for (const name of FUNCTIONS) mains[name] = loadBundle(path.join(root, 'cloudfunctions', name, 'index.js')).main
}, 60_000)

afterAll(() => {
  delete process.env.BEIAN_DATA_KEY
  delete process.env.BEIAN_TEMPLATE_IDS
})

const as = (openid: string) => {
  context.OPENID = openid
}

/** Three taps' worth of the SMS template: enough to cover every message of the SMS window. */
async function acceptSmsTemplate(times: number) {
  for (let i = 0; i < times; i++)
    await mains.subscriptions({ action: 'record', data: { results: [{ template: 'sms_deadline', result: 'accept' }] } })
}

describe('built cloud functions', () => {
  it('each folder has config.json, package.json with wx-server-sdk 4.0.2 only, and a built index.js', () => {
    for (const name of FUNCTIONS) {
      const dir = path.join(root, 'cloudfunctions', name)
      expect(JSON.parse(fs.readFileSync(path.join(dir, 'package.json'), 'utf8')).dependencies).toEqual({
        'wx-server-sdk': '4.0.2'
      })
      expect(fs.readFileSync(path.join(dir, 'index.js'), 'utf8')).toMatch(/require\("wx-server-sdk"\)/)
      expect(typeof mains[name]).toBe('function')
    }
  })

  it.each([
    ['filings', []],
    ['subscriptions', []],
    ['invites', ['wxacode.getUnlimited']],
    ['reminders', ['subscribeMessage.send']]
  ])('%s declares exactly the openapi permissions it uses', (name, openapi) => {
    const config = JSON.parse(fs.readFileSync(path.join(root, 'cloudfunctions', name as string, 'config.json'), 'utf8'))
    expect(config.permissions.openapi).toEqual(openapi)
    if (name === 'reminders') {
      expect(config.triggers).toHaveLength(1)
      expect(config.triggers[0]).toMatchObject({ type: 'timer', config: '0 */5 * * * * *' })
      expect(config.triggers[0].config.split(' ')).toHaveLength(7)
    } else expect(config.triggers).toBeUndefined()
  })

  it('takes identity only from OPENID: empty is UNAUTHENTICATED, a userInfo in the event is ignored', async () => {
    as('')
    expect(await mains.filings({ action: 'list', data: {}, userInfo: { openId: 'o-a' } })).toMatchObject({
      ok: false,
      code: 'UNAUTHENTICATED'
    })
    as('o-a')
    const created = await mains.filings({
      action: 'create',
      data: { profile: PROFILE, form: FORM },
      userInfo: { openId: 'o-b' }
    })
    expect(created).toMatchObject({ ok: true, data: { access: 'owner' } })
    as('o-b')
    expect(await mains.filings({ action: 'get', data: { id: created.data.id } })).toMatchObject({
      ok: false,
      code: 'NOT_FOUND'
    })
    expect(JSON.stringify(db.dump('filings'))).not.toContain(FORM.ownerPrincipal.idNumber)
  })

  it('the reminders function refuses a client call and runs on its timer, sending through subscribeMessage.send', async () => {
    as('o-a')
    expect(await mains.reminders({ action: 'run' })).toMatchObject({ ok: false, code: 'FORBIDDEN' })
    expect(await mains.reminders({ Type: 'Timer', TriggerName: 'reminderTimer' })).toMatchObject({
      ok: false,
      code: 'FORBIDDEN'
    })

    const { data: filing } = await mains.filings({ action: 'create', data: { profile: PROFILE } })
    // the invited principal hears at once that the owner reported the 12381 text
    const invite = await mains.invites({ action: 'create', data: { filingId: filing.id, role: 'owner_principal' } })
    as('o-p')
    await mains.invites({ action: 'accept', data: { token: invite.data.token } })
    await acceptSmsTemplate(3)
    as('o-a')
    const submitted = await mains.filings({
      action: 'advance',
      data: { id: filing.id, version: 1, action: { type: 'submit' } }
    })
    await mains.filings({
      action: 'advance',
      data: { id: filing.id, version: submitted.data.version, action: { type: 'platform_pass' } }
    })

    as('')
    const run = await mains.reminders(
      { Type: 'Timer', TriggerName: 'reminderTimer', Time: new Date().toISOString() },
      { getRemainingTimeInMillis: () => 60_000 }
    )
    expect(run).toMatchObject({ ok: true, data: { sent: 1 } })
    expect(sends).toEqual([
      expect.objectContaining({
        touser: 'o-p',
        templateId: 'TPL_SMS',
        data: expect.objectContaining({ thing1: { value: expect.any(String) } })
      })
    ])
    expect(await mains.reminders({ Type: 'Timer' }, { getRemainingTimeInMillis: () => 60_000 })).toMatchObject({
      ok: true,
      data: { claimed: 0 }
    })
  })

  it('limits filings.create and invites.accept per OPENID (429-style RATE_LIMITED), others unaffected', async () => {
    as('o-flood')
    const answers = []
    for (let i = 0; i < DEFAULT_RATE_POLICY['filings.create'].user.capacity + 2; i++)
      answers.push(await mains.filings({ action: 'create', data: { profile: PROFILE } }))
    expect(answers.slice(-2)).toEqual([
      expect.objectContaining({ ok: false, code: 'RATE_LIMITED' }),
      expect.objectContaining({ ok: false, code: 'RATE_LIMITED' })
    ])
    expect(answers.filter((a) => a.ok)).toHaveLength(DEFAULT_RATE_POLICY['filings.create'].user.capacity)
    expect((await mains.filings({ action: 'list', data: {} })).ok).toBe(true)
    as('o-calm')
    expect((await mains.filings({ action: 'create', data: { profile: PROFILE } })).ok).toBe(true)
    as('o-guesser')
    const guesses = []
    for (let i = 0; i < DEFAULT_RATE_POLICY['invites.accept'].user.capacity + 1; i++)
      guesses.push(await mains.invites({ action: 'accept', data: { token: 'g'.repeat(32) } }))
    expect(guesses.map((g) => g.code)).toEqual([
      ...Array(DEFAULT_RATE_POLICY['invites.accept'].user.capacity).fill('GONE'),
      'RATE_LIMITED'
    ])
  })

  it('an SDK error with errCode 43101 is a platform answer, not a crash', async () => {
    as('o-c')
    const { data: filing } = await mains.filings({ action: 'create', data: { profile: PROFILE } })
    const invite = await mains.invites({ action: 'create', data: { filingId: filing.id, role: 'owner_principal' } })
    as('o-d')
    await mains.invites({ action: 'accept', data: { token: invite.data.token } })
    await acceptSmsTemplate(3)
    as('o-c')
    const submitted = await mains.filings({
      action: 'advance',
      data: { id: filing.id, version: 1, action: { type: 'submit' } }
    })
    await mains.filings({
      action: 'advance',
      data: { id: filing.id, version: submitted.data.version, action: { type: 'platform_pass' } }
    })
    sendAnswer = async () => {
      throw Object.assign(new Error('errCode: 43101 | errMsg: user refuse to accept the msg'), { errCode: 43101 })
    }
    as('')
    const run = await mains.reminders({ Type: 'Timer' }, { getRemainingTimeInMillis: () => 60_000 })
    expect(run).toMatchObject({ ok: true, data: { noQuota: 1, sent: 0 } })
    as('o-d')
    expect((await mains.subscriptions({ action: 'status', data: {} })).data.templates.sms_deadline.quota).toBe(0)
  })

  it('invites can come with a mini-program code whose scene is the token', async () => {
    as('o-a')
    const { data: filings } = await mains.filings({ action: 'list', data: {} })
    const invite = await mains.invites({
      action: 'create',
      data: { filingId: filings[0].id, role: 'owner_principal', withCode: true }
    })
    expect(invite).toMatchObject({ ok: true, data: { code: { contentType: 'image/png', base64: 'iVBORw==' } } })
    expect(codes).toEqual([expect.objectContaining({ scene: invite.data.token, page: 'pages/index/index' })])
  })
})
