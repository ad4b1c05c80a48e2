// weapp-sim renders the compiled WeChat output: build it unless a fresh build is already there.
const { execSync } = require('node:child_process')
const fs = require('node:fs')
const path = require('node:path')

function newestMtime(dir) {
  let newest = 0
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, entry.name)
    newest = Math.max(newest, entry.isDirectory() ? newestMtime(p) : fs.statSync(p).mtimeMs)
  }
  return newest
}

module.exports = async function buildWeappOnce() {
  const root = path.resolve(__dirname, '../..')
  const appJs = path.join(root, 'dist/weapp/app.js')
  const built = fs.existsSync(appJs) ? fs.statSync(appJs).mtimeMs : 0
  const sources = Math.max(newestMtime(path.join(root, 'src')), newestMtime(path.join(root, 'config')))
  if (process.env.SKIP_WEAPP_BUILD === '1' || built > sources) return
  console.log('\n[weapp-sim] building dist/weapp …')
  // jest sets NODE_ENV=test; the pages under test are the production build
  const startedAt = new Date()
  execSync('npx taro build --type weapp', {
    cwd: root,
    stdio: 'inherit',
    env: { ...process.env, NODE_ENV: 'production', CI: 'true' }
  })
  // dated to the build's start, so an edit saved during the build triggers the next one (scripts/lib/fresh.mjs)
  fs.utimesSync(appJs, startedAt, startedAt)
}
