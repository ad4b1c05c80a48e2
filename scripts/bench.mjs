// `npm run bench`: runs every benchmark in test/bench/ and prints its figures. Benchmarks measure; tests assert.
// `npm run bench -- photo` runs only the benchmarks whose file name contains "photo"; `npm run bench -- store:job`
// passes "job" on to them, and a benchmark with parts (store.bench.ts) runs only that part.
import fs from 'node:fs'
import path from 'node:path'
import { root } from './lib/fresh.mjs'
import { run } from './lib/run.mjs'

const [filter = '', part] = (process.argv[2] ?? '').split(':')
const dir = path.join(root, 'test/bench')
const benches = fs
  .readdirSync(dir)
  .filter((f) => /\.bench\.(ts|mjs)$/.test(f) && f.includes(filter))
  .sort()

for (const file of benches) {
  console.log(`\n▶ ${file}`)
  await run('npx', ['tsx', path.join('test/bench', file), ...(part ? [part] : [])])
}
