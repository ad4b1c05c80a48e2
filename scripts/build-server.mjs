// Bundles the local HTTP server (src/server/main.ts with src/cloud, src/domain and every npm package it uses:
// PGlite, pg, zod, …) into one self-contained dist/server/index.js: a production install needs no node_modules to
// run it, so nothing it needs can hide in devDependencies. Node 20. `--outfile <path>` builds elsewhere (tests).
// PGlite's WebAssembly and file-system image are not JavaScript: they are copied beside the bundle, where PGlite
// looks for them (next to the running script), so the folder of index.js is the whole deployable server.
import { build } from 'esbuild'
import { copyFileSync } from 'node:fs'
import { createRequire } from 'node:module'
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
  // ESM packages (PGlite) find their files with import.meta.url, which a CommonJS bundle lacks: the bundle's own URL
  banner: { js: "const __bundleUrl = require('url').pathToFileURL(__filename).href;" },
  define: { 'import.meta.url': '__bundleUrl' },
  logLevel: 'warning'
})
const pgliteDist = dirname(createRequire(import.meta.url).resolve('@electric-sql/pglite'))
for (const asset of ['pglite.wasm', 'pglite.data', 'initdb.wasm'])
  copyFileSync(join(pgliteDist, asset), join(dirname(outfile), asset))
console.log(`build:server → ${outfile} in ${Date.now() - started} ms`)
