/** The ground-truth classes of the evaluation set, the finding each must raise, and how many photos each split holds. */
import type { PhotoFindingCode } from '../../../src/domain/photo/findings'
import type { PhotoKind } from '../../../src/domain/photo/types'

export const PHOTO_CLASSES = [
  'doc-clean',
  'doc-greyscale',
  'doc-glare',
  'doc-blurry',
  'doc-cut-off',
  'doc-too-dark',
  'doc-too-bright',
  'face-clean',
  'face-side-lit',
  'face-blurry',
  'face-background'
] as const
export type PhotoClass = (typeof PHOTO_CLASSES)[number]

export interface ClassDefinition {
  kind: PhotoKind
  /** The error-level finding a correct pre-check raises; null = clean, no error-level finding expected. */
  expected: PhotoFindingCode | null
  count: number
}

/** 36 clean documents = 4 on each of the 9 desks; every other class 20. */
export const CLASS_DEFINITIONS: Record<PhotoClass, ClassDefinition> = {
  'doc-clean': { kind: 'document', expected: null, count: 36 },
  'doc-greyscale': { kind: 'document', expected: 'PHOTO_GREYSCALE', count: 20 },
  'doc-glare': { kind: 'document', expected: 'PHOTO_GLARE', count: 20 },
  'doc-blurry': { kind: 'document', expected: 'PHOTO_BLURRY', count: 20 },
  'doc-cut-off': { kind: 'document', expected: 'PHOTO_DOCUMENT_CUT_OFF', count: 20 },
  'doc-too-dark': { kind: 'document', expected: 'PHOTO_TOO_DARK', count: 20 },
  'doc-too-bright': { kind: 'document', expected: 'PHOTO_TOO_BRIGHT', count: 20 },
  'face-clean': { kind: 'face', expected: null, count: 20 },
  'face-side-lit': { kind: 'face', expected: 'PHOTO_FACE_TOO_DARK', count: 20 },
  'face-blurry': { kind: 'face', expected: 'PHOTO_BLURRY', count: 20 },
  'face-background': { kind: 'face', expected: 'PHOTO_FACE_BACKGROUND_NOT_WHITE', count: 20 }
}

export const SPLITS = { dev: 0x15de7001, test: 0x15e57002 } as const
export type SplitName = keyof typeof SPLITS

/** One photo of a split before rendering: its id, ground truth and the seed of its own random stream. */
export interface PlannedPhoto {
  id: string
  split: SplitName
  index: number
  photoClass: PhotoClass
  /** Index of the photo within its class (drives the desk and variant rotation). */
  classIndex: number
  seed: number
}
