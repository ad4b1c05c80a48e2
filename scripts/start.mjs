// `npm start`: builds the H5 app and the local server when their sources changed, then serves both on
// http://127.0.0.1:${PORT:-8787}. `--no-build` serves what is already built.
import { isFresh, CLIENT_SOURCES } from './lib/fresh.mjs'
import { run, taroBuild } from './lib/run.mjs'

const noBuild = process.argv.includes('--no-build')
const buildOnly = process.argv.includes('--build-only')

if (!noBuild) {
  if (!isFresh('dist/h5/index.html', CLIENT_SOURCES)) await taroBuild('h5')
  if (!isFresh('dist/server/index.js', ['src/server', 'src/cloud', 'src/domain']))
    await run('node', ['scripts/build-server.mjs'])
}
if (!buildOnly)
  await run('node', ['dist/server/index.js'], {
    env: { ...process.env, BEIAN_MODE: process.env.BEIAN_MODE ?? 'local' }
  })
