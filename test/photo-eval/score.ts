/**
 * `npm run photo-eval -- --split dev|test`: runs analysePhoto on every photo of a split of the frozen independent
 * evaluation set and prints, per class, detection, false alarms and the confusion table; writes a JSON report beside
 * the cached photos. A measurement, not a gate: it exits 0 whatever the figures.
 * `-- --verify`: re-renders both splits from scratch and checks every pixel hash against frozen.json (exit 1 if not).
 * `-- --samples`: writes a few PNGs per class into the cache folder to look at.
 */
import fs from 'node:fs'
import path from 'node:path'
import { PNG } from 'pngjs'
import { analysePhoto } from '../../src/domain/photo'
import type { SplitName } from './generator'
import { PHOTO_CLASSES, SPLITS, planSplit, splitHash } from './generator'
import { CACHE_DIR, fillCache, loadFromCache, readEntry, renderPart } from './cache'
import type { FrozenSet } from './manifest'
import { frozenSchema } from './manifest'
import type { PhotoResult } from './report'
import { figuresFor, formatReport } from './report'

const FROZEN_PATH = path.join(__dirname, 'frozen.json')
const args = process.argv.slice(2)
const option = (name: string): string | undefined => (args.includes(name) ? args[args.indexOf(name) + 1] : undefined)
const workers = Number(option('--workers') ?? 2)

function readFrozen(): FrozenSet | null {
  return fs.existsSync(FROZEN_PATH) ? frozenSchema.parse(JSON.parse(fs.readFileSync(FROZEN_PATH, 'utf8'))) : null
}

function hashesOf(split: SplitName): Record<string, string> {
  const out: Record<string, string> = {}
  for (const photo of planSplit(split)) {
    const entry = readEntry(photo)
    if (!entry) throw new Error(`${photo.id} was not rendered`)
    out[photo.id] = entry.sha256
  }
  return out
}

/** Re-renders both splits from scratch and compares with frozen.json; `write` records them instead. */
async function verify(write: boolean): Promise<boolean> {
  const frozen = readFrozen()
  const splits = {} as FrozenSet['splits']
  let same = true
  // --freeze renders what the cache lacks (clear the cache first); --verify always re-renders from scratch
  await Promise.all([fillCache('dev', workers, !write), fillCache('test', workers, !write)])
  for (const split of ['dev', 'test'] as const) {
    const photos = hashesOf(split)
    const sha256 = splitHash(Object.values(photos))
    splits[split] = { seed: SPLITS[split], count: Object.keys(photos).length, sha256, photos }
    const was = frozen?.splits[split]
    const ok = was?.sha256 === sha256 && was.count === splits[split].count
    if (!write) {
      const changed = Object.keys(photos).filter((id) => was?.photos[id] !== photos[id])
      console.log(
        `${split}: ${ok ? 'unchanged' : `CHANGED (${changed.length} photos differ: ${changed.slice(0, 8).join(' ')})`} ${sha256}`
      )
    }
    same &&= ok
  }
  if (write) {
    const description =
      'Frozen independent photo evaluation set (issue 15): seeds, photo counts and SHA-256 over the decoded pixels of every photo rendered by test/photo-eval/generator. Check with `npm run photo-eval -- --verify`.'
    const out: FrozenSet = { description, frozenOn: new Date().toISOString().slice(0, 10), splits }
    fs.writeFileSync(FROZEN_PATH, JSON.stringify(out, null, 2) + '\n')
    console.log(`wrote ${FROZEN_PATH}: dev ${splits.dev.sha256}, test ${splits.test.sha256}`)
  }
  return same
}

async function score(split: SplitName): Promise<void> {
  await fillCache(split, workers, false)
  const frozen = readFrozen()
  const results: PhotoResult[] = []
  for (const photo of planSplit(split)) {
    const loaded = loadFromCache(photo)
    if (!loaded) throw new Error(`${photo.id} missing from the cache`)
    if (frozen && frozen.splits[split].photos[photo.id] !== loaded.entry.sha256)
      console.warn(`warning: ${photo.id} differs from frozen.json — run --verify`)
    const report = analysePhoto({
      image: { width: loaded.width, height: loaded.height, data: loaded.rgba },
      kind: loaded.entry.kind,
      platform: 'weapp',
      // The canvas stands for a larger photo file (see PhotoDetails.fileWidth); its byte size is unknown, so not given
      file: { format: 'jpg', width: loaded.entry.fileWidth, height: loaded.entry.fileHeight }
    })
    results.push({
      entry: loaded.entry,
      findings: report.findings.map((f) => ({ code: f.code, severity: f.severity }))
    })
  }
  const figures = figuresFor(results)
  console.log(formatReport(split, figures))
  const out = path.join(CACHE_DIR, `report-${split}.json`)
  fs.writeFileSync(out, JSON.stringify({ split, figures, results }, null, 2))
  console.log(`\nJSON report: ${path.relative(process.cwd(), out)}`)
}

/** A few photos of every class as PNG, to look at. */
async function samples(split: SplitName, perClass: number): Promise<void> {
  await fillCache(split, workers, false)
  const dir = path.join(CACHE_DIR, 'samples')
  fs.mkdirSync(dir, { recursive: true })
  for (const photoClass of PHOTO_CLASSES) {
    for (const photo of planSplit(split)
      .filter((p) => p.photoClass === photoClass)
      .slice(0, perClass)) {
      const loaded = loadFromCache(photo)
      if (!loaded) continue
      const png = new PNG({ width: loaded.width, height: loaded.height })
      png.data = Buffer.from(loaded.rgba)
      const name = `${photo.id}-${photoClass}-${loaded.entry.variant}.png`
      fs.writeFileSync(path.join(dir, name), PNG.sync.write(png))
      console.log(path.join(dir, name))
    }
  }
}

async function main(): Promise<void> {
  if (args[0] === '--render-part')
    return renderPart(args[1] as SplitName, Number(args[2]), Number(args[3]), args[4] === 'fresh')
  if (args.includes('--freeze')) return void (await verify(true))
  if (args.includes('--verify')) {
    const same = await verify(false)
    console.log(same ? 'photo-eval set matches frozen.json' : 'photo-eval set DIFFERS from frozen.json')
    process.exitCode = same ? 0 : 1
    return
  }
  const split = (option('--split') ?? 'dev') as SplitName
  if (!(split in SPLITS)) throw new Error(`--split dev|test, not ${split}`)
  if (args.includes('--samples')) return samples(split, Number(option('--samples') ?? 1))
  await score(split)
}

main().catch((error: unknown) => {
  console.error(error)
  process.exitCode = args.includes('--verify') ? 1 : 0
})
