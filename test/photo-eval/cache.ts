/**
 * The git-ignored cache of rendered photos (test/artifacts/photo-eval/<split>/): each photo's JPEG and manifest line.
 * Rendering is slow (jpeg-js), so a split is rendered by several worker processes, each taking every n-th photo.
 */
import { spawn } from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'
import type { PlannedPhoto, SplitName } from './generator'
import { CLASS_DEFINITIONS, decodeJpeg, pixelHash, planSplit, renderPhoto } from './generator'
import type { ManifestEntry } from './manifest'
import { manifestEntrySchema } from './manifest'

export const ROOT = path.resolve(__dirname, '../..')
export const CACHE_DIR = path.join(ROOT, 'test/artifacts/photo-eval')

const photoPath = (p: PlannedPhoto, ext: string): string => path.join(CACHE_DIR, p.split, `${p.id}.${ext}`)

export interface LoadedPhoto {
  entry: ManifestEntry
  width: number
  height: number
  rgba: Uint8Array
}

/** Renders one photo afresh and stores its JPEG and manifest line. */
export function renderToCache(photo: PlannedPhoto): LoadedPhoto {
  const r = renderPhoto(photo)
  const def = CLASS_DEFINITIONS[photo.photoClass]
  const entry: ManifestEntry = {
    id: photo.id,
    split: photo.split,
    index: photo.index,
    photoClass: photo.photoClass,
    kind: def.kind,
    expected: def.expected,
    ...r.details,
    jpegBytes: r.jpeg.length,
    sha256: pixelHash(r)
  }
  fs.mkdirSync(path.dirname(photoPath(photo, 'jpg')), { recursive: true })
  fs.writeFileSync(photoPath(photo, 'jpg'), r.jpeg)
  fs.writeFileSync(photoPath(photo, 'json'), JSON.stringify(entry))
  return { entry, width: r.width, height: r.height, rgba: r.rgba }
}

/** The cached photo decoded from its JPEG, or null when it is not in the cache. */
export function loadFromCache(photo: PlannedPhoto): LoadedPhoto | null {
  if (!fs.existsSync(photoPath(photo, 'json')) || !fs.existsSync(photoPath(photo, 'jpg'))) return null
  const entry = manifestEntrySchema.parse(JSON.parse(fs.readFileSync(photoPath(photo, 'json'), 'utf8')))
  const decoded = decodeJpeg(new Uint8Array(fs.readFileSync(photoPath(photo, 'jpg'))))
  return { entry, ...decoded }
}

export function readEntry(photo: PlannedPhoto): ManifestEntry | null {
  if (!fs.existsSync(photoPath(photo, 'json'))) return null
  return manifestEntrySchema.parse(JSON.parse(fs.readFileSync(photoPath(photo, 'json'), 'utf8')))
}

/** Worker body: renders photos index ≡ part (mod of) of a split, skipping cached ones unless `fresh`. */
export function renderPart(split: SplitName, part: number, of: number, fresh: boolean): void {
  for (const photo of planSplit(split)) {
    if (photo.index % of !== part) continue
    if (!fresh && readEntry(photo)) continue
    renderToCache(photo)
  }
}

/** Renders whatever of the split is missing (or everything, `fresh`) with `workers` processes. */
export async function fillCache(split: SplitName, workers: number, fresh: boolean): Promise<void> {
  const missing = planSplit(split).filter((p) => fresh || !readEntry(p)).length
  if (missing === 0) return
  console.log(`rendering ${missing} photos of ${split} with ${workers} processes…`)
  const script = path.join(__dirname, 'score.ts')
  const runs = Array.from({ length: workers }, (_, part) => {
    // node --import tsx: no npm exec per worker; a larger young generation halves jpeg-js's garbage-collection time
    const args = [
      '--import',
      'tsx',
      '--max-semi-space-size=32',
      script,
      '--render-part',
      split,
      String(part),
      String(workers)
    ]
    args.push(fresh ? 'fresh' : 'cached')
    return new Promise<void>((resolve, reject) => {
      const child = spawn(process.execPath, args, { cwd: ROOT, stdio: 'inherit' })
      child.on('exit', (code) => (code === 0 ? resolve() : reject(new Error(`render worker ${part} exited ${code}`))))
    })
  })
  await Promise.all(runs)
}
