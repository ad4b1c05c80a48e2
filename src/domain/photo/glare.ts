import { photoFinding } from './findings'
import { forAnalysis, labelRegions } from './raster'
import { PHOTO_THRESHOLDS } from './thresholds'
import type { AnalyserResult, RgbaImage } from './types'

/**
 * Glare: a blown-out white spot of meaningful size lying on the document. A clipped region that reaches the image
 * border is a white table or wall, not a reflection; clipped areas inside the frame that add up to more than
 * maxSpotFraction are over-exposure (reported by checkExposure), not a spot.
 */
export function checkGlare(image: RgbaImage): AnalyserResult {
  const { clippedChannel, minSpotFraction, maxSpotFraction } = PHOTO_THRESHOLDS.glare
  const small = forAnalysis(image)
  const { width, height, data } = small
  const n = width * height
  const mask = new Uint8Array(n)
  for (let p = 0, i = 0; p < n; p++, i += 4) {
    mask[p] = data[i] >= clippedChannel && data[i + 1] >= clippedChannel && data[i + 2] >= clippedChannel ? 1 : 0
  }
  const { labels, sizes } = labelRegions(mask, width, height)
  const touchesBorder = new Uint8Array(sizes.length)
  for (let x = 0; x < width; x++) {
    touchesBorder[labels[x]] = 1
    touchesBorder[labels[(height - 1) * width + x]] = 1
  }
  for (let y = 0; y < height; y++) {
    touchesBorder[labels[y * width]] = 1
    touchesBorder[labels[y * width + width - 1]] = 1
  }
  let spot = 0
  let inside = 0
  for (let label = 1; label < sizes.length; label++) {
    if (touchesBorder[label]) continue
    inside += sizes[label]
    spot = Math.max(spot, sizes[label] / n)
  }
  // Clipped areas inside the frame that add up to more than a spot: the whole document is blown out.
  const glare = spot >= minSpotFraction && inside / n <= maxSpotFraction
  return { findings: glare ? [photoFinding('PHOTO_GLARE')] : [], metrics: { glareFraction: spot } }
}
