const fs = require('node:fs')

/** Stops the server, waits until it has exited (it may still be flushing its data files), then removes its data. */
module.exports = async function e2eGlobalTeardown() {
  const child = globalThis.__BEIAN_SERVER__
  if (child && child.exitCode === null && child.signalCode === null) {
    const exited = new Promise((resolve) => child.once('exit', resolve))
    child.kill('SIGTERM')
    await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, 5000))])
  }
  const dir = process.env.BEIAN_E2E_DATA_DIR
  if (!dir || !dir.includes('beian-e2e-')) return
  try {
    fs.rmSync(dir, { recursive: true, force: true, maxRetries: 5, retryDelay: 200 })
  } catch (err) {
    // a leftover temp folder is not a test failure
    console.warn(`could not remove ${dir}: ${err.message}`)
  }
}
