/**
 * Photo pre-check: what a filing reviewer would reject in a certificate photo or a face-check photo, found on the
 * phone before upload. Pure functions over decoded RGBA pixels (no canvas, no Taro): the page decodes, this judges.
 */
import { checkDocumentBlur } from './blur'
import { checkExposure } from './exposure'
import { checkFaceBackground, checkFaceBlur, checkFaceLighting } from './face'
import { type PhotoFindingCode } from './findings'
import { checkFormat } from './format'
import { checkFraming } from './framing'
import { checkGlare } from './glare'
import { checkDocumentGreyscale, checkGreyscale } from './greyscale'
import { forAnalysis } from './raster'
import type { AnalyserResult, PhotoInput, PhotoMetrics, PhotoReport, RgbaImage } from './types'

export { checkBlur, checkDocumentBlur, measureSharpness } from './blur'
export { locateDocument, type DocumentLocation } from './document'
export { locateFace, type FaceRegion } from './face-region'
export { checkExposure } from './exposure'
export { checkFaceBackground, checkFaceBlur, checkFaceLighting } from './face'
export { checkFormat, normalisePhotoFormat } from './format'
export { checkFraming } from './framing'
export { checkGlare } from './glare'
export { checkDocumentGreyscale, checkGreyscale } from './greyscale'
export { PHOTO_FINDING_TEXT, photoFinding, type PhotoFindingCode } from './findings'
export { ANALYSIS_MAX_SIDE, downscale, forAnalysis, toLuma } from './raster'
export { PHOTO_RULES, photoRulesFor, type PhotoFormat, type PlatformPhotoRules } from './rules'
export { PHOTO_THRESHOLDS, type Threshold } from './thresholds'
export type {
  AnalyserResult,
  PhotoFileInfo,
  PhotoInput,
  PhotoKind,
  PhotoMetrics,
  PhotoReport,
  RgbaImage
} from './types'

/**
 * Pixel analysers per photo kind. The document ones judge inside the located document (found once, shared); the face
 * ones on the located face.
 */
const PIXEL_ANALYSERS: Record<PhotoInput['kind'], Array<(image: RgbaImage) => AnalyserResult>> = {
  document: [checkDocumentBlur, checkGlare, checkExposure, checkDocumentGreyscale, checkFraming],
  face: [checkFaceBlur, (image) => checkGreyscale(image), checkFaceBackground, checkFaceLighting]
}

const SEVERITY_ORDER = { error: 0, warning: 1, info: 2 } as const

/**
 * Findings a photo cannot honestly carry beside another. In an under-exposed photo most pixels fall below the
 * brightness where colour can be read, so the colour check has too little to judge: on the frozen set's dev split
 * 13 of 20 too-dark photos were also called grey, none of them a photocopy. The retake for light comes first; colour
 * is judged on the retake. (Over-exposure does not mask colour: a photocopy's white paper is often both.)
 */
const MASKED_BY: Partial<Record<PhotoFindingCode, PhotoFindingCode[]>> = {
  PHOTO_GREYSCALE: ['PHOTO_TOO_DARK']
}

const now = (): number => (typeof performance !== 'undefined' ? performance.now() : Date.now())

/**
 * Runs every check that applies to the photo kind on one downscaled copy of the image. Findings come errors first.
 * `file.width`/`file.height` give the original size when `image` was drawn smaller than the file.
 */
export function analysePhoto(input: PhotoInput): PhotoReport {
  const started = now()
  const { image, kind, platform, file } = input
  const small = forAnalysis(image)
  const format = checkFormat({ platform, width: image.width, height: image.height, file })
  const results = [format, ...PIXEL_ANALYSERS[kind].map((analyse) => analyse(small))]
  const metrics: PhotoMetrics = {
    width: file?.width ?? image.width,
    height: file?.height ?? image.height,
    analysedWidth: small.width,
    analysedHeight: small.height
  }
  for (const result of results) Object.assign(metrics, result.metrics)
  const raised = results.flatMap((result) => result.findings)
  const codes = new Set(raised.map((f) => f.code))
  const findings = raised
    .filter((f) => !MASKED_BY[f.code as PhotoFindingCode]?.some((mask) => codes.has(mask)))
    .sort((a, b) => SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity])
  return { findings, metrics, ms: now() - started }
}
