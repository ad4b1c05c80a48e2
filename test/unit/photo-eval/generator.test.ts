/**
 * @jest-environment node
 */
// The frozen independent photo evaluation set: the generator is deterministic, its labels cover every
// class, and a subset of photos re-rendered here still matches the frozen pixel hashes. The full re-render of both
// splits (472 photos, minutes) is `npm run photo-eval -- --verify`.
import fs from 'node:fs'
import path from 'node:path'
import { PHOTO_FINDING_TEXT } from '../../../src/domain/photo'
import { DESKS } from '../../photo-eval/generator/backgrounds'
import { documentVariant } from '../../photo-eval/generator/document-plan'
import { mulberry32 } from '../../photo-eval/generator/prng'
import type { PhotoClass, PlannedPhoto } from '../../photo-eval/generator'
import {
  CLASS_DEFINITIONS,
  PHOTO_CLASSES,
  pixelHash,
  planSplit,
  renderPhoto,
  splitHash
} from '../../photo-eval/generator'
import { frozenSchema } from '../../photo-eval/manifest'

const frozen = frozenSchema.parse(
  JSON.parse(fs.readFileSync(path.join(__dirname, '../../photo-eval/frozen.json'), 'utf8'))
)
const SLOW = 240_000

const first = (photos: PlannedPhoto[], photoClass: PhotoClass): PlannedPhoto => {
  const photo = photos.find((p) => p.photoClass === photoClass)
  if (!photo) throw new Error(`no ${photoClass}`)
  return photo
}

describe('photo-eval labels', () => {
  it.each(['dev', 'test'] as const)(
    '%s has every class, ≥ 20 photos each, ≥ 30 clean documents, ≥ 15 clean faces',
    (split) => {
      const photos = planSplit(split)
      for (const photoClass of PHOTO_CLASSES) {
        expect(photos.filter((p) => p.photoClass === photoClass).length).toBeGreaterThanOrEqual(20)
      }
      expect(photos.filter((p) => p.photoClass === 'doc-clean').length).toBeGreaterThanOrEqual(30)
      expect(photos.filter((p) => p.photoClass === 'face-clean').length).toBeGreaterThanOrEqual(15)
      expect(new Set(photos.map((p) => p.id)).size).toBe(photos.length)
    }
  )

  it('expects an error-level finding code the pre-check has for every defect class, none for clean ones', () => {
    for (const photoClass of PHOTO_CLASSES) {
      const { expected } = CLASS_DEFINITIONS[photoClass]
      if (photoClass.endsWith('-clean')) expect(expected).toBeNull()
      else expect(expected && PHOTO_FINDING_TEXT[expected].severity).toBe('error')
    }
  })

  it('spreads clean documents over every desk colour and material', () => {
    const rng = mulberry32(1)
    const desks = Array.from(
      { length: CLASS_DEFINITIONS['doc-clean'].count },
      (_, k) => documentVariant('doc-clean', k, rng).desk
    )
    for (const desk of DESKS) expect(desks.filter((d) => d === desk).length).toBeGreaterThanOrEqual(3)
  })

  it('gives the two splits different seeds, so no photo is shared', () => {
    const dev = new Set(planSplit('dev').map((p) => p.seed))
    expect(planSplit('test').some((p) => dev.has(p.seed))).toBe(false)
  })
})

describe('photo-eval determinism and frozen hashes', () => {
  it('frozen.json counts match the plan and its split hash is the hash of its photo hashes in order', () => {
    for (const split of ['dev', 'test'] as const) {
      const photos = planSplit(split)
      const entry = frozen.splits[split]
      expect(entry.count).toBe(photos.length)
      expect(Object.keys(entry.photos)).toEqual(photos.map((p) => p.id))
      expect(splitHash(photos.map((p) => entry.photos[p.id]))).toBe(entry.sha256)
    }
  })

  it(
    'renders the same pixels from the same seed, and other pixels from another seed',
    () => {
      const photo = first(planSplit('dev'), 'face-clean')
      const a = pixelHash(renderPhoto(photo))
      expect(pixelHash(renderPhoto(photo))).toBe(a)
      expect(pixelHash(renderPhoto({ ...photo, seed: photo.seed + 1 }))).not.toBe(a)
    },
    SLOW
  )

  // Subset: one document photo from dev and one face photo from test re-rendered against the frozen hashes.
  it(
    'matches the frozen hashes on a subset of both splits',
    () => {
      const dev = first(planSplit('dev'), 'doc-greyscale')
      const test = first(planSplit('test'), 'face-side-lit')
      expect(pixelHash(renderPhoto(dev))).toBe(frozen.splits.dev.photos[dev.id])
      expect(pixelHash(renderPhoto(test))).toBe(frozen.splits.test.photos[test.id])
    },
    SLOW
  )
})
