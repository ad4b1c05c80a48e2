/**
 * The independent photo evaluation set: phone-like photos of documents on desks and of faces, rendered by
 * this pipeline alone, each with its ground-truth class. `planSplit` lists a split; `renderPhoto` renders one photo
 * from its own seed, so any photo can be regenerated alone and the set proves itself unchanged by its pixel hashes.
 */
import { createHash } from 'node:crypto'
import type { CapturedPhoto } from './camera'
import type { PhotoClass, PlannedPhoto, SplitName } from './classes'
import { CLASS_DEFINITIONS, PHOTO_CLASSES, SPLITS } from './classes'
import { renderDocumentScene } from './document-scene'
import { planDocument, quadFill } from './document-plan'
import { renderFaceScene } from './face-scene'
import { planFace } from './face-plan'
import { mulberry32, photoSeed } from './prng'

export * from './classes'
export { decodeJpeg } from './camera'

export function planSplit(split: SplitName): PlannedPhoto[] {
  const photos: PlannedPhoto[] = []
  for (const photoClass of PHOTO_CLASSES) {
    for (let k = 0; k < CLASS_DEFINITIONS[photoClass].count; k++) {
      const index = photos.length
      const seed = photoSeed(SPLITS[split], index)
      photos.push({ id: `${split}-${String(index).padStart(3, '0')}`, split, index, photoClass, classIndex: k, seed })
    }
  }
  return photos
}

/** What the manifest records about a photo besides its pixels: enough to read the results by sub-case. */
export interface PhotoDetails {
  variant: string
  desk?: string
  document?: string
  documentFill?: number
  quality: number
  width: number
  height: number
  /**
   * Pixel size of the phone's file that this image stands for: the set renders what the page draws on its canvas
   * (640×480, above the analysers' 512 px working size), standing for a 1600×1200 photo — rendering and JPEG-coding
   * full-size frames took minutes per split on the shared machine.
   */
  fileWidth: number
  fileHeight: number
}

/** The canvas is this many times smaller than the photo file it stands for. */
export const FILE_SCALE = 2.5

export interface RenderedPhoto extends CapturedPhoto {
  details: PhotoDetails
}

const fileSize = (width: number, height: number): { fileWidth: number; fileHeight: number } => ({
  fileWidth: Math.round(width * FILE_SCALE),
  fileHeight: Math.round(height * FILE_SCALE)
})

export function renderPhoto(photo: PlannedPhoto): RenderedPhoto {
  const rng = mulberry32(photo.seed)
  const kind = CLASS_DEFINITIONS[photo.photoClass as PhotoClass].kind
  if (kind === 'face') {
    const { spec, variant } = planFace(photo.photoClass, photo.classIndex, rng)
    const captured = renderFaceScene(spec, rng)
    const size = { width: spec.width, height: spec.height, ...fileSize(spec.width, spec.height) }
    return { ...captured, details: { variant, quality: spec.camera.quality, ...size } }
  }
  const { spec, variant } = planDocument(photo.photoClass, photo.classIndex, rng)
  const captured = renderDocumentScene(spec, rng)
  const details: PhotoDetails = {
    variant,
    desk: spec.desk,
    document: spec.document,
    documentFill: Math.round(quadFill(spec.quad, spec.width, spec.height) * 1000) / 1000,
    quality: spec.camera.quality,
    width: spec.width,
    height: spec.height,
    ...fileSize(spec.width, spec.height)
  }
  return { ...captured, details }
}

/** SHA-256 of a photo's decoded pixels, its size included. */
export function pixelHash(photo: { width: number; height: number; rgba: Uint8Array }): string {
  return createHash('sha256').update(`${photo.width}x${photo.height}:`).update(photo.rgba).digest('hex')
}

/** SHA-256 over a split's photos in order: each photo's pixel hash, so one changed pixel anywhere changes it. */
export function splitHash(photoHashes: string[]): string {
  const h = createHash('sha256')
  for (const hash of photoHashes) h.update(hash)
  return h.digest('hex')
}
