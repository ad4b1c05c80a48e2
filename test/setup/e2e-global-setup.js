// Starts the server `npm start` runs (H5 build + HTTP API) on a free port with a throw-away data folder, with the
// platform fakes in process (BEIAN_PLATFORM=fake) so connect.test.ts can authorise and drive a mini-program.
const { spawn, execSync } = require('node:child_process')
const fs = require('node:fs')
const os = require('node:os')
const path = require('node:path')
const net = require('node:net')

const root = path.resolve(__dirname, '../..')

function freePort() {
  return new Promise((resolve, reject) => {
    const srv = net.createServer()
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address()
      srv.close(() => resolve(port))
    })
    srv.on('error', reject)
  })
}

// the embedded database compiles its WebAssembly at start: give a loaded machine time
async function waitForHealth(url, child, ms = 120000) {
  const t0 = Date.now()
  while (Date.now() - t0 < ms) {
    if (child.exitCode !== null) throw new Error(`server exited with ${child.exitCode}`)
    try {
      const res = await fetch(`${url}/api/health`)
      if (res.ok) return
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 200))
  }
  throw new Error('server did not become healthy')
}

module.exports = async function e2eGlobalSetup() {
  if (!fs.existsSync('/usr/bin/chromium') && !process.env.CHROME) {
    throw new Error('Chromium missing: apt-get install -y chromium fonts-noto-cjk (see .ci/run)')
  }
  // Same freshness rules as `npm start`
  execSync('node scripts/start.mjs --build-only', { cwd: root, stdio: 'inherit' })
  const port = await freePort()
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'beian-e2e-'))
  const url = `http://127.0.0.1:${port}`
  const log = fs.openSync(path.join(dataDir, 'server.log'), 'a')
  const child = spawn('node', ['dist/server/index.js'], {
    cwd: root,
    env: {
      ...process.env,
      PORT: String(port),
      BEIAN_DATA_DIR: dataDir,
      BEIAN_MODE: 'local',
      BEIAN_DEV: '1',
      DATABASE_URL: '',
      BEIAN_PLATFORM: 'fake'
    },
    stdio: ['ignore', log, log]
  })
  await waitForHealth(url, child)
  process.env.BEIAN_E2E_URL = url
  process.env.BEIAN_E2E_DATA_DIR = dataDir
  globalThis.__BEIAN_SERVER__ = child
}
