// `npm test`: every check CI runs, in the order that fails fastest.
//   typecheck → lint → tt build → weapp build + size budget → jest (unit, weapp-sim, e2e)
// Extra arguments go to jest (e.g. `npm test -- --selectProjects unit`).
// PostgreSQL: with DATABASE_URL set, the server-mode suites use it; unset, a throw-away cluster is started from
// the installed postgresql package (scripts/pg-throwaway.sh) and removed afterwards; with neither, those suites
// are skipped and say so. PGlite suites always run.
import { execFileSync } from 'node:child_process'
import { run } from './lib/run.mjs'

// Plain build logs instead of the animated progress bar (webpackbar reads CI)
const env = { ...process.env, CI: process.env.CI ?? 'true' }
const jestArgs = process.argv.slice(2)
const steps = [
  ['typecheck', 'npx', ['tsc', '--noEmit', '-p', 'tsconfig.json']],
  ['lint', 'npx', ['eslint', '.']],
  ['format', 'npx', ['prettier', '--check', '.', '--log-level', 'warn']],
  ['build:tt', 'npx', ['taro', 'build', '--type', 'tt'], { NODE_ENV: 'production' }],
  ['size (builds weapp)', 'node', ['scripts/size.mjs']],
  ['jest', 'npx', ['jest', '--ci', ...jestArgs]]
]

let throwaway = null
if (!env.DATABASE_URL) {
  try {
    const line = execFileSync('bash', ['scripts/pg-throwaway.sh', 'start'], { encoding: 'utf8' }).trim()
    const vars = Object.fromEntries(
      line.split(' ').map((kv) => [kv.slice(0, kv.indexOf('=')), kv.slice(kv.indexOf('=') + 1)])
    )
    env.DATABASE_URL = vars.DATABASE_URL
    throwaway = vars.BEIAN_PG_THROWAWAY
    console.log(`PostgreSQL: throw-away cluster at ${env.DATABASE_URL}`)
  } catch {
    console.log(
      'PostgreSQL: DATABASE_URL unset and no local server could be started: the PostgreSQL-server suites are SKIPPED'
    )
  }
} else console.log('PostgreSQL: using DATABASE_URL')

try {
  for (const [name, cmd, args, extraEnv] of steps) {
    const t0 = Date.now()
    console.log(`\n▶ ${name}`)
    await run(cmd, args, { env: { ...env, ...extraEnv } })
    console.log(`✔ ${name} (${((Date.now() - t0) / 1000).toFixed(1)} s)`)
  }
} finally {
  if (throwaway) execFileSync('bash', ['scripts/pg-throwaway.sh', 'stop', throwaway])
}
