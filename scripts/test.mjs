// `npm test`: every check CI runs, in the order that fails fastest.
//   typecheck → lint → tt build → weapp build + size budget → jest (unit, weapp-sim, e2e)
// Extra arguments go to jest (e.g. `npm test -- --selectProjects unit`).
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

for (const [name, cmd, args, extraEnv] of steps) {
  const t0 = Date.now()
  console.log(`\n▶ ${name}`)
  await run(cmd, args, { env: { ...env, ...extraEnv } })
  console.log(`✔ ${name} (${((Date.now() - t0) / 1000).toFixed(1)} s)`)
}
