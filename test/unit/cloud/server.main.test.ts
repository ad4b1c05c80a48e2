/** @jest-environment node */
/**
 * The server as `npm start` runs it: src/server/main.ts bundled by scripts/build-server.mjs, started as a process
 * with PORT=0 and a temporary data folder. Also what an operator can get wrong: a second server on the same data
 * folder, production mode without credentials, a corrupt datafile, an over-size body, and a production install
 * without devDependencies.
 */
import { execFileSync, spawn, type ChildProcess } from 'child_process'
import * as fs from 'fs'
import * as os from 'os'
import * as path from 'path'
import { PROFILE } from './helpers'

const root = path.resolve(__dirname, '../../..')
const outfile = path.join(root, 'test/artifacts/server-test/index.js')
let dataDir: string

beforeAll(() => {
  // the real build script: what it bundles is what a deployment runs
  execFileSync(process.execPath, [path.join(root, 'scripts/build-server.mjs'), '--outfile', outfile], { cwd: root })
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'beian-main-'))
}, 200_000)

afterAll(() => fs.rmSync(dataDir, { recursive: true, force: true }))

interface StartOptions {
  env?: NodeJS.ProcessEnv
  dir?: string
  script?: string
  cwd?: string
}

function serverEnv(options: StartOptions): NodeJS.ProcessEnv {
  const dir = options.dir ?? dataDir
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    PORT: '0',
    BEIAN_MODE: 'local',
    BEIAN_DATA_DIR: dir,
    BEIAN_STATIC_DIR: path.join(dir, 'no-h5')
  }
  delete env.BEIAN_DATA_KEY
  // `npm start` as it is: the embedded database, even when the test run has a PostgreSQL server
  delete env.DATABASE_URL
  delete env.TT_APPID
  delete env.TT_SECRET
  return { ...env, ...options.env }
}

function launch(options: StartOptions): { child: ChildProcess; output: () => string } {
  const child = spawn(process.execPath, [options.script ?? outfile], {
    cwd: options.cwd ?? root,
    env: serverEnv(options)
  })
  let out = ''
  child.stdout!.on('data', (d) => (out += d))
  child.stderr!.on('data', (d) => (out += d))
  return { child, output: () => out }
}

function start(options: StartOptions = {}): Promise<{ child: ChildProcess; base: string; output: () => string }> {
  const { child, output } = launch(options)
  return new Promise((resolve, reject) => {
    // embedded PostgreSQL compiles its WebAssembly at start: seconds on a loaded machine
    const timer = setTimeout(() => reject(new Error(`server did not start: ${output()}`)), 90_000)
    const check = () => {
      const m = /on (http:\/\/127\.0\.0\.1:\d+)/.exec(output())
      if (m && output().includes('dev endpoints')) {
        clearTimeout(timer)
        resolve({ child, base: m[1], output })
      }
    }
    child.stdout!.on('data', check)
    child.on('exit', () => reject(new Error(`server exited: ${output()}`)))
  })
}

/** Starts a server that must refuse: its exit code and what it printed. */
function refusedStart(options: StartOptions = {}): Promise<{ code: number | null; output: string }> {
  const { child, output } = launch(options)
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL')
      reject(new Error(`server did not exit: ${output()}`))
    }, 90_000)
    child.on('exit', (code) => {
      clearTimeout(timer)
      resolve({ code, output: output() })
    })
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
}, 200_000)

describe('an operator mistake stops the start with a clear message and a non-zero exit', () => {
  it('a second server on the same data folder', async () => {
    const first = await start()
    try {
      const second = await refusedStart()
      expect(second.code).not.toBe(0)
      expect(second.output).toMatch(/another server \(pid \d+\) is using the data folder/)
      // the first one is unharmed
      expect((await fetch(`${first.base}/api/health`)).status).toBe(200)
    } finally {
      expect(await stop(first.child)).toBe(0)
    }
    // its lock went with it: the folder can be used again
    const again = await start()
    expect(await stop(again.child)).toBe(0)
  }, 200_000)

  it.each<[string, NodeJS.ProcessEnv, RegExp]>([
    ['production without any credential', { BEIAN_MODE: 'production' }, /TT_APPID, TT_SECRET, BEIAN_DATA_KEY/],
    [
      'production with the Douyin credentials but no data key',
      { BEIAN_MODE: 'production', TT_APPID: 'tt123', TT_SECRET: 's' },
      /needs BEIAN_DATA_KEY/
    ],
    ['no BEIAN_MODE at all (fails closed, never local)', { BEIAN_MODE: '' }, /BEIAN_MODE=local/],
    ['an unknown mode', { BEIAN_MODE: 'dev' }, /must be "local" or "production"/]
  ])(
    '%s',
    async (_label, env, message) => {
      const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'beian-mode-'))
      try {
        const result = await refusedStart({ dir, env })
        expect(result.code).not.toBe(0)
        expect(result.output).toMatch(message)
        expect(result.output).not.toMatch(/on http:/)
      } finally {
        fs.rmSync(dir, { recursive: true, force: true })
      }
    },
    120_000
  )

  it('a corrupt embedded database, its folder named in the message', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'beian-corrupt-pg-'))
    try {
      const ok = await start({ dir })
      expect(await stop(ok.child)).toBe(0)
      fs.writeFileSync(path.join(dir, 'pglite/global/pg_control'), Buffer.alloc(8192, 0x5a))
      const result = await refusedStart({ dir })
      expect(result.code).not.toBe(0)
      expect(result.output).toContain(`cannot open the embedded database in ${path.join(dir, 'pglite')}`)
      expect(result.output).not.toMatch(/on http:/)
    } finally {
      fs.rmSync(dir, { recursive: true, force: true })
    }
  }, 200_000)

  it('BEIAN_STORE=nedb (NeDB is no longer served): refused, pointing at the import', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'beian-nedb-'))
    try {
      const result = await refusedStart({ dir, env: { BEIAN_STORE: 'nedb' } })
      expect(result.code).not.toBe(0)
      expect(result.output).toContain(`npm run migrate:nedb -- ${dir}`)
      expect(result.output).not.toMatch(/on http:/)
    } finally {
      fs.rmSync(dir, { recursive: true, force: true })
    }
  }, 200_000)
})

it('answers a 6 MB body with 413 and the envelope, and keeps serving', async () => {
  const server = await start()
  try {
    const res = await fetch(`${server.base}/api/filings`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ action: 'list', data: { pad: 'x'.repeat(6 * 1024 * 1024) } })
    })
    expect(res.status).toBe(413)
    expect(await res.json()).toMatchObject({ ok: false, code: 'INVALID', message: '请求内容过大' })
    expect((await fetch(`${server.base}/api/health`)).status).toBe(200)
  } finally {
    expect(await stop(server.child)).toBe(0)
  }
}, 200_000)

/**
 * A production install (`npm ci --omit=dev`) has only `dependencies`. The bundle is copied with package.json to
 * a folder outside the project whose node_modules holds only those (linked from ours); NODE_PATH points nowhere.
 * A run-time package left out of the bundle and kept in devDependencies would fail to load here.
 */
it('runs from a folder holding only the production dependencies', async () => {
  const deploy = fs.mkdtempSync(path.join(os.tmpdir(), 'beian-deploy-'))
  try {
    const pkg = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8')) as {
      dependencies: Record<string, string>
    }
    fs.copyFileSync(path.join(root, 'package.json'), path.join(deploy, 'package.json'))
    // the bundle's folder: index.js and the embedded database's WebAssembly beside it
    fs.cpSync(path.dirname(outfile), path.join(deploy, 'dist/server'), { recursive: true })
    for (const name of Object.keys(pkg.dependencies)) {
      const link = path.join(deploy, 'node_modules', name)
      fs.mkdirSync(path.dirname(link), { recursive: true })
      fs.symlinkSync(path.join(root, 'node_modules', name), link, 'dir')
    }
    const dir = path.join(deploy, 'data')
    const server = await start({
      dir,
      cwd: deploy,
      script: path.join(deploy, 'dist/server/index.js'),
      env: { NODE_PATH: path.join(deploy, 'nowhere') }
    })
    try {
      expect((await fetch(`${server.base}/api/health`)).status).toBe(200)
      const { data: login } = await post(server.base, 'login', { code: 'deploy-user' })
      const created = await post(server.base, 'filings', { action: 'create', data: { profile: PROFILE } }, login.token)
      expect(created.ok).toBe(true)
    } finally {
      expect(await stop(server.child)).toBe(0)
    }
  } finally {
    fs.rmSync(deploy, { recursive: true, force: true })
  }
}, 200_000)
