// Bundles the local HTTP server (src/server/main.ts with src/cloud, src/domain and every npm package it uses:
// nedb, zod, …) into one self-contained dist/server/index.js: a production install needs no node_modules to
// run it, so nothing it needs can hide in devDependencies. Node 20. `--outfile <path>` builds elsewhere (tests).
import { build } from 'esbuild'
import { dirname, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'

const root = join(dirname(fileURLToPath(import.meta.url)), '..')
const at = process.argv.indexOf('--outfile')
const outfile = at > 0 ? resolve(process.argv[at + 1]) : join(root, 'dist/server/index.js')
const started = Date.now()
await build({
  entryPoints: [join(root, 'src/server/main.ts')],
  outfile,
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  sourcemap: true,
  logLevel: 'warning'
})
console.log(`build:server → ${outfile} in ${Date.now() - started} ms`)
