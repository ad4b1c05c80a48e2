// Bundles the local HTTP server (src/server/main.ts with src/cloud and src/domain) into dist/server/index.js.
// npm packages stay external (node_modules is there at run time); Node 20.
import { build } from 'esbuild'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'

const root = join(dirname(fileURLToPath(import.meta.url)), '..')
const started = Date.now()
await build({
  entryPoints: [join(root, 'src/server/main.ts')],
  outfile: join(root, 'dist/server/index.js'),
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  packages: 'external',
  sourcemap: true,
  logLevel: 'warning'
})
console.log(`build:server → dist/server/index.js in ${Date.now() - started} ms`)
