import { spawn } from 'node:child_process'
import { markBuiltAt, root } from './fresh.mjs'

/** Runs an npm script or a command with inherited output; rejects on a non-zero exit. */
export function run(cmd, args, options = {}) {
  return new Promise((resolve, reject) => {
    const child = spawn(cmd, args, { cwd: root, stdio: 'inherit', ...options })
    child.on('exit', (code, signal) =>
      code === 0 ? resolve() : reject(new Error(`${cmd} ${args.join(' ')} exited with ${code ?? signal}`))
    )
  })
}

/**
 * A production Taro build. NODE_ENV is forced: under jest it is 'test', which would make babel-preset-taro add
 * React Refresh to the H5 bundle. CI=true keeps webpackbar's log plain. `baseline` builds the benches' one-page
 * yardstick app (test/bench/one-page-app) into dist/one-page-app instead.
 */
export async function taroBuild(type, { baseline = false } = {}) {
  const startedAt = Date.now()
  await run('npx', ['taro', 'build', '--type', type], {
    env: {
      ...process.env,
      NODE_ENV: 'production',
      CI: process.env.CI ?? 'true',
      BEIAN_BASELINE_APP: baseline ? '1' : ''
    }
  })
  markBuiltAt(baseline ? `baseline-${type}` : type, startedAt)
}
