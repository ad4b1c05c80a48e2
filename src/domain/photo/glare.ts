import { locateDocument } from './document'
import { photoFinding } from './findings'
import { forAnalysis, histogram, histogramQuantile, labelRegions, toLuma } from './raster'
import { PHOTO_THRESHOLDS } from './thresholds'
import type { AnalyserResult, RgbaImage } from './types'

/**
 * Glare: a specular spot on the document — clipped in every channel AND brighter than the document's own paper
 * white, so the plain white of a photocopy sheet is not glare. Judged inside the located document (a white desk or
 * wall is not glare either); when no document was found, on the whole frame without the regions touching its
 * border. Clipped areas that add up to more than maxSpotFraction of the judged area are over-exposure (reported by
 * checkExposure), not a spot.
 */
export function checkGlare(image: RgbaImage): AnalyserResult {
  const { clippedChannel, aboveWhite, paperWhiteQuantile, minSpotFraction, maxSpotFraction } = PHOTO_THRESHOLDS.glare
  const small = forAnalysis(image)
  const { width, height, data } = small
  const n = width * height
  const location = locateDocument(small)
  const region = location.status === 'found' ? location.inner : undefined
  const luma = toLuma(small)
  const judged = region ? location.innerCount : n
  const paperWhite = histogramQuantile(histogram(luma, region), paperWhiteQuantile.value)
  const clip = clippedChannel.value
  const mask = new Uint8Array(n)
  for (let p = 0, i = 0; p < n; p++, i += 4) {
    if (region && !region[p]) continue
    mask[p] = data[i] >= clip && data[i + 1] >= clip && data[i + 2] >= clip ? 1 : 0
  }
  const { labels, sizes } = labelRegions(mask, width, height)
  const touchesBorder = new Uint8Array(sizes.length)
  if (!region) for (const p of borderPixels(width, height)) touchesBorder[labels[p]] = 1
  const sums = new Float64Array(sizes.length)
  for (let p = 0; p < n; p++) if (labels[p]) sums[labels[p]] += luma[p]
  let spot = 0
  let inside = 0
  for (let label = 1; label < sizes.length; label++) {
    if (touchesBorder[label]) continue
    inside += sizes[label]
    // a spot no brighter than the paper around it is the paper itself (a white sheet, a bright licence)
    if (sums[label] / sizes[label] < paperWhite + aboveWhite.value) continue
    spot = Math.max(spot, sizes[label] / judged)
  }
  const glare = judged > 0 && spot >= minSpotFraction.value && inside / judged <= maxSpotFraction.value
  return { findings: glare ? [photoFinding('PHOTO_GLARE')] : [], metrics: { glareFraction: spot, paperWhite } }
}

function borderPixels(width: number, height: number): number[] {
  const pixels: number[] = []
  for (let x = 0; x < width; x++) pixels.push(x, (height - 1) * width + x)
  for (let y = 0; y < height; y++) pixels.push(y * width, y * width + width - 1)
  return pixels
}
