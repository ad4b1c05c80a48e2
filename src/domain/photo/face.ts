import { photoFinding } from './findings'
import { forAnalysis, histogram, histogramQuantile } from './raster'
import { PHOTO_THRESHOLDS } from './thresholds'
import type { AnalyserResult, RgbaImage } from './types'

/*
 * The face-check photo is taken inside the platform's oval guide, so the face sits in the centre, a little above
 * the middle, and the wall shows along the top and the upper sides. The checks sample those fixed regions instead
 * of detecting a face: cheap, and it does not depend on skin colour.
 */

/** Background: the top band and the upper parts of the side bands must be white (or very light grey). */
export function checkFaceBackground(image: RgbaImage): AnalyserResult {
  const { whiteLuma, whiteMaxSpread, minWhiteFraction } = PHOTO_THRESHOLDS.face
  const small = forAnalysis(image)
  const { width, height, data } = small
  const top = Math.max(1, Math.round(0.1 * height))
  const side = Math.max(1, Math.round(0.1 * width))
  const sideEnd = Math.round(0.55 * height)
  let white = 0
  let total = 0
  for (let y = 0; y < sideEnd; y++) {
    for (let x = 0; x < width; x++) {
      if (y >= top && x >= side && x < width - side) continue
      const i = (y * width + x) * 4
      const r = data[i]
      const g = data[i + 1]
      const b = data[i + 2]
      const luma = (77 * r + 150 * g + 29 * b) >> 8
      total++
      const hi = r > g ? (r > b ? r : b) : g > b ? g : b
      const lo = r < g ? (r < b ? r : b) : g < b ? g : b
      if (luma >= whiteLuma && hi - lo <= whiteMaxSpread) white++
    }
  }
  const faceBackgroundWhiteFraction = total ? white / total : 0
  const ok = faceBackgroundWhiteFraction >= minWhiteFraction
  return {
    findings: ok ? [] : [photoFinding('PHOTO_FACE_BACKGROUND_NOT_WHITE')],
    metrics: { faceBackgroundWhiteFraction }
  }
}

/** Face lighting: median luma of the face's centre (eyes and brows are a minority there, so the median is skin). */
export function checkFaceLighting(image: RgbaImage): AnalyserResult {
  const small = forAnalysis(image)
  const { width, height, data } = small
  const cx = 0.5 * width
  const cy = 0.43 * height
  const rx = Math.max(1, 0.07 * width)
  const ry = Math.max(1, 0.05 * height)
  const values: number[] = []
  for (let y = Math.floor(cy - ry); y <= Math.ceil(cy + ry); y++) {
    for (let x = Math.floor(cx - rx); x <= Math.ceil(cx + rx); x++) {
      if (x < 0 || y < 0 || x >= width || y >= height) continue
      const dx = (x - cx) / rx
      const dy = (y - cy) / ry
      if (dx * dx + dy * dy > 1) continue
      const i = (y * width + x) * 4
      values.push((77 * data[i] + 150 * data[i + 1] + 29 * data[i + 2]) >> 8)
    }
  }
  const faceLuma = histogramQuantile(histogram(Uint8Array.from(values)), 0.5)
  const dark = faceLuma < PHOTO_THRESHOLDS.face.minFaceLuma
  return { findings: dark ? [photoFinding('PHOTO_FACE_TOO_DARK')] : [], metrics: { faceLuma } }
}
