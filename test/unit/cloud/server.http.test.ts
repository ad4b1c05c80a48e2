/** @jest-environment node */
/**
 * The local HTTP server, started for real on an ephemeral port with a temporary data folder: the same envelopes
 * as the cloud functions, HTTP status codes, sessions, static files and the local-mode dev endpoints.
 */
import * as http from 'http'
import * as fs from 'fs'
import * as os from 'os'
import * as path from 'path'
import * as zlib from 'zlib'
import { DEFAULT_SETTINGS } from '../../../src/cloud/context'
import { localKeyProvider, sha256Hex } from '../../../src/cloud/crypto'
import { systemClock } from '../../../src/cloud/ports'
import type { PgStore } from '../../../src/cloud/stores/pg-store'
import type { ServerApp } from '../../../src/server/app'
import { FORM, ID_NUMBER, MOBILE, PROFILE, RecordingLogger } from './helpers'
import { pgliteTestStore, startTestPglite } from './pglite-test-store'
import { startLocalServer } from './local-server'

// the file's in-memory PostgreSQL starts before the first test (seconds on a loaded machine)
beforeAll(startTestPglite, 180_000)

let dir: string
let staticRoot: string
let app: ServerApp
let base: string
let store: PgStore
const logger = new RecordingLogger()

async function startServer(mode: 'local' | 'douyin' = 'local') {
  store = pgliteTestStore()
  const deps = {
    store,
    clock: systemClock,
    keys: localKeyProvider(path.join(dir, 'data'), {} as NodeJS.ProcessEnv).keys,
    logger,
    settings: DEFAULT_SETTINGS
  }
  const server = await startLocalServer(deps, { mode, staticRoot, maxBodyBytes: 64 * 1024 })
  app = server.app
  base = server.base
}

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'beian-server-'))
  staticRoot = path.join(dir, 'h5')
  fs.mkdirSync(path.join(staticRoot, 'js'), { recursive: true })
  fs.writeFileSync(path.join(staticRoot, 'index.html'), '<!doctype html><title>备案助手</title>')
  fs.writeFileSync(path.join(staticRoot, 'js', 'app.js'), 'console.log(1)')
  fs.writeFileSync(path.join(staticRoot, 'js', 'big.js'), 'console.log("备案助手")\n'.repeat(200))
  fs.writeFileSync(path.join(dir, 'secret.txt'), 'do not serve')
  await startServer()
})

afterAll(async () => {
  await app.close()
  await store.close()
  fs.rmSync(dir, { recursive: true, force: true })
})

async function api(route: string, body?: unknown, token?: string, method = 'POST') {
  const res = await fetch(`${base}/api/${route}`, {
    method,
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body)
  })
  return {
    status: res.status,
    body: (await res.json()) as { ok: boolean; code?: string; data?: any; fieldErrors?: object }
  }
}

async function loginAs(code: string): Promise<string> {
  const res = await api('login', { code })
  expect(res).toMatchObject({ status: 200, body: { ok: true } })
  return res.body.data.token
}

describe('local HTTP server', () => {
  it('answers health', async () => {
    expect(await api('health', undefined, undefined, 'GET')).toEqual({
      status: 200,
      body: { ok: true, data: { status: 'ok' } }
    })
  })

  it('answers HEAD on health without a body', async () => {
    const res = await fetch(`${base}/api/health`, { method: 'HEAD' })
    expect(res.status).toBe(200)
    expect(await res.text()).toBe('')
  })

  it('requires JSON for POST: another Content-Type gets 415 with the envelope', async () => {
    for (const type of ['text/plain', 'application/x-www-form-urlencoded', '']) {
      const res = await fetch(`${base}/api/login`, {
        method: 'POST',
        headers: type ? { 'content-type': type } : {},
        body: type ? JSON.stringify({ code: 'x' }) : new Blob([JSON.stringify({ code: 'x' })])
      })
      expect({ type, status: res.status }).toEqual({ type, status: 415 })
      expect(await res.json()).toMatchObject({ ok: false, code: 'INVALID' })
    }
    expect((await api('login', { code: 'charset-user' })).status).toBe(200)
  })

  it.each(['constructor', '__proto__', 'toString', 'hasOwnProperty', 'valueOf'])(
    'answers 400 to a login with an extra key %s',
    async (key) => {
      const res = await api('login', `{"code":"x",${JSON.stringify(key)}:1}`)
      expect(res).toMatchObject({ status: 400, body: { ok: false, code: 'INVALID' } })
    }
  )

  it.each(['null', '[]', '"text"', '7'])('answers dev/run-reminders with body %s without a 500', async (body) => {
    const token = await loginAs('odd-body-user')
    const res = await api('dev/run-reminders', body, token)
    expect(res.status).toBeLessThan(500)
  })

  it('logs out: the token no longer works', async () => {
    const token = await loginAs('leaving-user')
    expect((await api('filings', { action: 'list' }, token)).status).toBe(200)
    expect((await api('logout', {}, token)).status).toBe(200)
    expect((await api('filings', { action: 'list' }, token)).status).toBe(401)
  })

  it('logs in: the same code is the same user, a new token each time, stored only hashed', async () => {
    const t1 = await loginAs('device-one')
    const t2 = await loginAs('device-one')
    expect(t1).not.toBe(t2)
    const created = await api('filings', { action: 'create', data: { profile: PROFILE } }, t1)
    expect(created.status).toBe(200)
    expect((await api('filings', { action: 'get', data: { id: created.body.data.id } }, t2)).status).toBe(200)
    // what the store holds of the sessions: the tokens' hashes, never a token
    const sessions = JSON.stringify(await store.collection('sessions').find({}))
    expect(sessions).toContain(sha256Hex(t1))
    expect(sessions).not.toContain(t1)
    expect(sessions).not.toContain(t2)
  })

  it.each([
    ['no token', undefined, 401, 'UNAUTHENTICATED'],
    ['an unknown token', 'x'.repeat(43), 401, 'UNAUTHENTICATED']
  ])('refuses %s with 401', async (_label, token, status, code) => {
    expect(await api('filings', { action: 'list', data: {} }, token)).toMatchObject({
      status,
      body: { ok: false, code }
    })
  })

  it('maps error codes to 4xx statuses with the envelope', async () => {
    const a = await loginAs('user-a')
    const b = await loginAs('user-b')
    const { body } = await api('filings', { action: 'create', data: { profile: PROFILE, form: FORM } }, a)
    const id = body.data.id
    expect(await api('filings', { action: 'get', data: { id } }, b)).toMatchObject({
      status: 404,
      body: { ok: false, code: 'NOT_FOUND' }
    })
    expect(await api('filings', { action: 'update', data: { id, version: 9, title: 'x' } }, a)).toMatchObject({
      status: 409,
      body: { code: 'CONFLICT' }
    })
    expect(
      await api('filings', { action: 'create', data: { profile: { ...PROFILE, platform: 'qq' } } }, a)
    ).toMatchObject({
      status: 400,
      body: { code: 'INVALID', fieldErrors: { 'profile.platform': ['不是允许的取值'] } }
    })
    expect(
      await api('filings', { action: 'advance', data: { id, version: 1, action: { type: 'sms_verified' } } }, a)
    ).toMatchObject({
      status: 422,
      body: { code: 'STAGE_RULE' }
    })
    expect(await api('filings', '{not json', a)).toMatchObject({ status: 400, body: { ok: false, code: 'INVALID' } })
    expect(
      await api('filings', { action: 'create', data: { profile: PROFILE, title: 'x'.repeat(70_000) } }, a)
    ).toMatchObject({
      status: 413,
      body: { ok: false, code: 'INVALID' }
    })
    expect(await api('nothing-here', {}, a)).toMatchObject({ status: 404, body: { ok: false } })
  })

  it('keeps personal data encrypted on disk and out of the logs', async () => {
    const a = await loginAs('user-enc')
    const { body } = await api('filings', { action: 'create', data: { profile: PROFILE, form: FORM } }, a)
    expect(body.data.form.ownerPrincipal.idNumber).not.toBe(ID_NUMBER)
    const disk = fs
      .readdirSync(path.join(dir, 'data'))
      .map((f) => fs.readFileSync(path.join(dir, 'data', f), 'utf8'))
      .join('\n')
    expect(disk).not.toContain(ID_NUMBER)
    expect(disk).not.toContain(MOBILE)
    expect(logger.lines.join('\n')).not.toContain(ID_NUMBER)
    expect(logger.lines.join('\n')).not.toContain(a)
  })

  it('refuses client calls to the reminder function', async () => {
    const a = await loginAs('user-a')
    expect(await api('reminders', { action: 'run', data: {} }, a)).toMatchObject({
      status: 403,
      body: { code: 'FORBIDDEN' }
    })
  })

  it('runs the reminder job at a chosen time and shows each user only their own outbox', async () => {
    const a = await loginAs('outbox-a')
    const b = await loginAs('outbox-b')
    const { body } = await api('filings', { action: 'create', data: { profile: PROFILE, form: FORM } }, a)
    await api(
      'subscriptions',
      { action: 'record', data: { results: [{ template: 'sms_deadline', result: 'accept' }] } },
      a
    )
    const submitted = await api(
      'filings',
      { action: 'advance', data: { id: body.data.id, version: 1, action: { type: 'submit' } } },
      a
    )
    await api(
      'filings',
      {
        action: 'advance',
        data: { id: body.data.id, version: submitted.body.data.version, action: { type: 'platform_pass' } }
      },
      a
    )
    const before = await api('dev/outbox', undefined, a, 'GET')
    expect(before.body.data.messages).toEqual([])
    const run = await api('dev/run-reminders', { now: new Date(Date.now() + 20 * 3_600_000 + 60_000).toISOString() }, a)
    expect(run).toMatchObject({ status: 200, body: { ok: true, data: { sent: 1 } } })
    const after = await api('dev/outbox', undefined, a, 'GET')
    expect(after.body.data.messages).toEqual([
      expect.objectContaining({ template: 'sms_deadline', fields: expect.any(Object) })
    ])
    expect((await api('dev/outbox', undefined, b, 'GET')).body.data.messages).toEqual([])
    expect((await api('dev/outbox', undefined, undefined, 'GET')).status).toBe(401)
    expect((await api('dev/run-reminders', { now: 'yesterday' }, a)).status).toBe(400)
  })

  it('dev/sync-platform (local mode) needs a session and a platform connector', async () => {
    expect((await api('dev/sync-platform', {})).status).toBe(401)
    const token = await loginAs('sync-hook-user')
    const res = await api('dev/sync-platform', {}, token)
    expect(res.body).toMatchObject({ ok: false, code: 'UNAVAILABLE' })
  })

  it.each([
    ['/', 200, 'text/html'],
    ['/js/app.js', 200, 'text/javascript'],
    ['/pages/progress/index?id=1', 200, 'text/html'],
    ['/js/missing.js', 404, 'text/plain'],
    ['/../secret.txt', 404, 'text/plain'],
    ['/%2e%2e/secret.txt', 404, 'text/plain'],
    ['/js/%2e%2e%2f%2e%2e%2fsecret.txt', 404, 'text/plain'],
    ['/%E0%A4%A', 400, 'text/plain']
  ])('serves %s → %i %s, never a file outside the app', async (url, status, type) => {
    const res = await fetch(base + url)
    expect(res.status).toBe(status)
    expect(res.headers.get('content-type')).toContain(type)
    expect(res.headers.get('x-content-type-options')).toBe('nosniff')
    expect(await res.text()).not.toContain('do not serve')
  })

  /** A static file fetched with the given Accept-Encoding: status, headers and the body as sent. */
  function getRaw(url: string, acceptEncoding: string) {
    return new Promise<{ headers: http.IncomingHttpHeaders; body: Buffer }>((resolve, reject) => {
      http
        .get(base + url, { headers: { 'accept-encoding': acceptEncoding } }, (res) => {
          const parts: Buffer[] = []
          res.on('data', (c: Buffer) => parts.push(c))
          res.on('end', () => resolve({ headers: res.headers, body: Buffer.concat(parts) }))
        })
        .on('error', reject)
    })
  }

  it.each([
    ['/js/big.js', 'gzip, deflate, br', 'gzip'],
    ['/js/big.js', 'identity', undefined],
    // too small to be worth it
    ['/js/app.js', 'gzip', undefined]
  ])('%s asked with Accept-Encoding %s is sent with Content-Encoding %s', async (url, accept, encoding) => {
    const { headers, body } = await getRaw(url, accept)
    expect(headers['content-encoding']).toBe(encoding)
    expect(headers.vary).toBe('Accept-Encoding')
    expect(Number(headers['content-length'])).toBe(body.length)
    const text = (encoding ? zlib.gunzipSync(body) : body).toString('utf8')
    expect(text).toBe(fs.readFileSync(path.join(staticRoot, url.slice(1)), 'utf8'))
  })
})

describe('Douyin mode', () => {
  it('has no dev endpoints', async () => {
    await app.close()
    await store.close()
    await startServer('douyin')
    const a = await loginAs('dy')
    expect((await api('dev/outbox', undefined, a, 'GET')).status).toBe(404)
    expect((await api('dev/run-reminders', {}, a)).status).toBe(404)
  })
})
