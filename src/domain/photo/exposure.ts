import { locateDocument } from './document'
import { photoFinding } from './findings'
import { forAnalysis, histogram, histogramQuantile, toLuma } from './raster'
import { PHOTO_THRESHOLDS } from './thresholds'
import type { AnalyserResult, RgbaImage } from './types'

/**
 * Exposure of a document photo: too dark, too bright (washed out), or low contrast (haze, a photo through glass).
 * Judged on the luma histogram's tails inside the located document (the whole frame when none was found), not its
 * mean, so a white document on a white table is not "too bright" and one on a black table not "too dark". Reports
 * at most one finding: the cause, not its symptoms (a dark photo is also low in contrast).
 */
export function checkExposure(image: RgbaImage): AnalyserResult {
  const { darkBrightLuma, brightDarkLuma, brightClippedFraction, minLumaSpread } = PHOTO_THRESHOLDS.exposure
  const small = forAnalysis(image)
  const location = locateDocument(small)
  const bins = histogram(toLuma(small), location.status === 'found' ? location.inner : undefined)
  let sum = 0
  let count = 0
  for (let v = 0; v < 256; v++) {
    sum += v * bins[v]
    count += bins[v]
  }
  const meanLuma = count ? sum / count : 0
  const darkLuma = histogramQuantile(bins, 0.01)
  const brightLuma = histogramQuantile(bins, 0.98)
  const top = histogramQuantile(bins, 0.99)
  let clipped = 0
  for (let v = 250; v < 256; v++) clipped += bins[v]
  const clippedFraction = count ? clipped / count : 0
  const metrics = { meanLuma, darkLuma, brightLuma, clippedFraction }
  if (brightLuma < darkBrightLuma.value) return { findings: [photoFinding('PHOTO_TOO_DARK')], metrics }
  if (darkLuma > brightDarkLuma.value && clippedFraction >= brightClippedFraction.value) {
    return { findings: [photoFinding('PHOTO_TOO_BRIGHT')], metrics }
  }
  if (top - darkLuma < minLumaSpread.value) return { findings: [photoFinding('PHOTO_LOW_CONTRAST')], metrics }
  return { findings: [], metrics }
}
