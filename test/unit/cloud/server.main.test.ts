/** @jest-environment node */
/**
 * The server as `npm start` runs it: src/server/main.ts bundled like build:server, started as a process with
 * PORT=0 and a temporary data folder; a generated data key is announced once, kept (0600), and reused.
 */
import { spawn, type ChildProcess } from 'child_process'
import { build } from 'esbuild'
import * as fs from 'fs'
import * as os from 'os'
import * as path from 'path'
import { PROFILE } from './helpers'

const root = path.resolve(__dirname, '../../..')
const outfile = path.join(root, 'test/artifacts/server-test/index.js')
let dataDir: string

beforeAll(async () => {
  await build({
    entryPoints: [path.join(root, 'src/server/main.ts')],
    outfile,
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'cjs',
    packages: 'external',
    logLevel: 'silent'
  })
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'beian-main-'))
}, 60_000)

afterAll(() => fs.rmSync(dataDir, { recursive: true, force: true }))

function start(): Promise<{ child: ChildProcess; base: string; output: () => string }> {
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    PORT: '0',
    BEIAN_DATA_DIR: dataDir,
    BEIAN_STATIC_DIR: path.join(dataDir, 'no-h5')
  }
  delete env.BEIAN_DATA_KEY
  delete env.TT_APPID
  delete env.TT_SECRET
  const child = spawn(process.execPath, [outfile], { cwd: root, env })
  let out = ''
  child.stdout!.on('data', (d) => (out += d))
  child.stderr!.on('data', (d) => (out += d))
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`server did not start: ${out}`)), 20_000)
    const check = () => {
      const m = /on (http:\/\/127\.0\.0\.1:\d+)/.exec(out)
      if (m && out.includes('dev endpoints')) {
        clearTimeout(timer)
        resolve({ child, base: m[1], output: () => out })
      }
    }
    child.stdout!.on('data', check)
    child.on('exit', () => reject(new Error(`server exited: ${out}`)))
  })
}

function stop(child: ChildProcess): Promise<number | null> {
  return new Promise((resolve) => {
    child.removeAllListeners('exit')
    child.on('exit', (code) => resolve(code))
    child.kill('SIGTERM')
  })
}

const post = async (base: string, route: string, body: unknown, token?: string) =>
  (await fetch(`${base}/api/${route}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify(body)
  }).then((r) => r.json())) as { ok: boolean; data: any }

it('starts, serves the API, keeps its data and key across a restart, and stops cleanly', async () => {
  const first = await start()
  expect(first.output()).toMatch(/local mode/)
  expect(first.output()).toMatch(/generated a new data key/)
  expect(first.output()).toMatch(/API only/)
  expect(fs.statSync(path.join(dataDir, 'data.key')).mode & 0o777).toBe(0o600)
  expect(await fetch(`${first.base}/api/health`).then((r) => r.json())).toEqual({ ok: true, data: { status: 'ok' } })
  const { data: login } = await post(first.base, 'login', { code: 'restart-user' })
  const created = await post(
    first.base,
    'filings',
    { action: 'create', data: { profile: PROFILE, form: { ownerPrincipal: { mobile: '13800138000' } } } },
    login.token
  )
  expect(created.ok).toBe(true)
  expect(await stop(first.child)).toBe(0)

  const second = await start()
  expect(second.output()).not.toMatch(/generated a new data key/)
  const again = await post(
    second.base,
    'filings',
    { action: 'get', data: { id: created.data.id, reveal: true } },
    login.token
  )
  expect(again).toMatchObject({ ok: true, data: { form: { ownerPrincipal: { mobile: '13800138000' } } } })
  expect(await stop(second.child)).toBe(0)
}, 60_000)
