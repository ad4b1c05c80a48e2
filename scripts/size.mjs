// `npm run size`: builds weapp (when its sources changed) and prints the size of the main package and of each
// subpackage, next to the one-page Taro + NutUI yardstick app built with the same config. Fails when the main package
// exceeds 1.2 MB (our budget) or any package exceeds 2 MB (WeChat's limit); the 600 KB goal is printed, not enforced.
import fs from 'node:fs'
import path from 'node:path'
import { CLIENT_SOURCES, isFresh, root } from './lib/fresh.mjs'
import { run, taroBuild } from './lib/run.mjs'

const KB = 1024
const MB = 1024 * KB
const MAIN_BUDGET = 1.2 * MB
const MAIN_GOAL = 600 * KB
const PACKAGE_LIMIT = 2 * MB
const noBuild = process.argv.includes('--no-build')

if (!noBuild && !isFresh('dist/weapp/app.js', CLIENT_SOURCES)) await taroBuild('weapp')
if (!noBuild) await run('node', ['scripts/build-baseline.mjs', 'weapp'])

function files(dir) {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name)
    return e.isDirectory() ? files(p) : [p]
  })
}

/** Bytes per package of a weapp build: the main package and each subpackage root. */
function packageSizes(dist) {
  const appJson = JSON.parse(fs.readFileSync(path.join(dist, 'app.json'), 'utf8'))
  const subRoots = (appJson.subPackages ?? appJson.subpackages ?? []).map((p) => p.root.replace(/\/$/, ''))
  const sizes = new Map([['主包 (main)', 0], ...subRoots.map((r) => [r, 0])])
  let jsBytes = 0
  for (const file of files(dist)) {
    const rel = path.relative(dist, file).split(path.sep).join('/')
    if (rel.endsWith('.LICENSE.txt') || rel.endsWith('.map')) continue // not uploaded
    const bytes = fs.statSync(file).size
    const owner = subRoots.find((r) => rel === r || rel.startsWith(`${r}/`)) ?? '主包 (main)'
    sizes.set(owner, sizes.get(owner) + bytes)
    if (rel.endsWith('.js')) jsBytes += bytes
  }
  return { sizes, jsBytes }
}

const kb = (b) => `${(b / KB).toFixed(1)} KB`
const { sizes, jsBytes } = packageSizes(path.join(root, 'dist/weapp'))
let failed = false
console.log('weapp package sizes (dist/weapp)')
for (const [name, bytes] of sizes) {
  const limit = name.startsWith('主包') ? MAIN_BUDGET : PACKAGE_LIMIT
  const over = bytes > limit
  failed ||= over
  console.log(`  ${name.padEnd(16)} ${kb(bytes).padStart(10)}   limit ${kb(limit)}${over ? '   ✗ OVER' : ''}`)
}
const total = [...sizes.values()].reduce((a, b) => a + b, 0)
console.log(`  ${'total'.padEnd(16)} ${kb(total).padStart(10)}   (of which JS ${kb(jsBytes)})`)

const main = sizes.get('主包 (main)')
const baselineDist = path.join(root, 'dist/one-page-app/weapp')
if (fs.existsSync(path.join(baselineDist, 'app.json'))) {
  const baseline = packageSizes(baselineDist).sizes.get('主包 (main)')
  console.log(
    `  one-page Taro + NutUI app ${kb(baseline)}; our main package is ${(main / baseline).toFixed(2)}× it` +
      `  (goal main ≤ ${kb(MAIN_GOAL)}: ${main <= MAIN_GOAL ? 'met' : 'NOT met'})`
  )
}
if (failed) {
  console.error('size: a package is over its limit')
  process.exit(1)
}
