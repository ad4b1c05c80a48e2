const fs = require('node:fs')

module.exports = async function e2eGlobalTeardown() {
  const child = globalThis.__BEIAN_SERVER__
  if (child && child.exitCode === null) child.kill('SIGTERM')
  const dir = process.env.BEIAN_E2E_DATA_DIR
  if (dir && dir.includes('beian-e2e-')) fs.rmSync(dir, { recursive: true, force: true })
}
