import type { Finding, PlatformId } from '../types'

/** Decoded pixels, 4 bytes (R, G, B, A) per pixel, row by row: what canvas getImageData and the npm decoders give. */
export interface RgbaImage {
  width: number
  height: number
  data: Uint8ClampedArray | Uint8Array
}

/** 'document' = a certificate or signed letter; 'face' = the principal's face-check photo (人脸核验照片). */
export type PhotoKind = 'document' | 'face'

/** What the picker knows about the file, before decoding. */
export interface PhotoFileInfo {
  /** 'jpg', 'image/png', 'IMG_0001.HEIC', 'wxfile://tmp_1.jpeg' … anything that names the format. */
  format?: string
  byteSize?: number
  /** Pixel size of the original file, when `image` was drawn smaller (a canvas often is). */
  width?: number
  height?: number
}

export interface PhotoInput {
  image: RgbaImage
  kind: PhotoKind
  platform: PlatformId
  file?: PhotoFileInfo
}

/** Measurements behind the findings, for the UI's details and for calibrating the thresholds. */
export interface PhotoMetrics {
  /** Pixel size of the original photo. */
  width: number
  height: number
  /** Pixel size the analysers worked on (after downscaling). */
  analysedWidth: number
  analysedHeight: number
  sharpness?: number
  glareFraction?: number
  /** How much brighter the paper just around the largest clipped spot is than further out (its halo), 0–255. */
  glareHaloDrop?: number
  /** glareHaloDrop plus how steeply the brightest paper falls off right at the spot: the glare decision, 0–255. */
  glareHaloScore?: number
  /** How much lighter the print under the most faded saturated spot is than the document's darkest print, 0–255. */
  glarePrintLift?: number
  meanLuma?: number
  darkLuma?: number
  brightLuma?: number
  clippedFraction?: number
  colourFraction?: number
  documentFraction?: number
  /** How well the located document fills its outline (0–1). */
  documentConfidence?: number
  /** Distance of the document corner nearest the frame edge, in analysis px. */
  cornerClearance?: number
  backgroundFraction?: number
  faceBackgroundWhiteFraction?: number
  faceLuma?: number
  /** Sharpness measured on the face and its outline only. */
  faceSharpness?: number
  /** Median luma of the face's darker side over its brighter side (1 = even light). */
  faceSideBalance?: number
  /** Median luma of the face's darker half (top/bottom) over its brighter half. */
  faceVerticalBalance?: number
}

export interface PhotoReport {
  findings: Finding[]
  metrics: PhotoMetrics
  /** Wall time of analysePhoto, downscale included. */
  ms?: number
}

/** What every analyser returns: findings plus the metrics it measured. */
export interface AnalyserResult {
  findings: Finding[]
  metrics: Partial<PhotoMetrics>
}
