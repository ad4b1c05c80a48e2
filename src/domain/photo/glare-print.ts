import { chamferDistance, histogramQuantile } from './raster'
import { PHOTO_THRESHOLDS } from './thresholds'

/** One saturated spot of the analysis image and what the print-fade measurement reads around it. */
export interface SaturatedSpot {
  labels: Int32Array
  label: number
  /** The spot's bounding box in image pixels, inclusive. */
  box: { x0: number; y0: number; x1: number; y1: number }
  /** Darkest channel of every pixel. */
  darkest: Uint8Array
  region: Uint8Array | undefined
  width: number
  height: number
}

/**
 * How much lighter than the document's own darkest print (`printLevel`) the print under a saturated spot is, or null
 * when too little print runs under it to tell. Glare is light added on top of the document: it lifts dark strokes as
 * much as the paper, so the print it crosses fades towards white the nearer the core it lies. Light paper, an
 * over-lit margin or a printed white box merely clip the paper: whatever print lies inside keeps its dark strokes (and
 * an over-exposed photo lifts the whole document's print, `printLevel` with it). The print under the spot is read in
 * the spot closed with a disc of `bodyRadius` px (the strokes cut it into pieces), at least `minDepth` px inside
 * that outline (not the print merely bordering it), as the 10th percentile of its darkest channel.
 */
export function measurePrintLift(spot: SaturatedSpot, printLevel: number): number | null {
  const { labels, label, box, darkest, region, width, height } = spot
  const { bodyRadius, minPrintDepth, printBelow, minFadedPrint } = PHOTO_THRESHOLDS.glare
  const r = bodyRadius.value
  const margin = Math.ceil(r) + 2
  const bx0 = Math.max(0, box.x0 - margin)
  const by0 = Math.max(0, box.y0 - margin)
  const bw = Math.min(width - 1, box.x1 + margin) - bx0 + 1
  const bh = Math.min(height - 1, box.y1 + margin) - by0 + 1
  const notSpot = new Uint8Array(bw * bh)
  for (let y = 0; y < bh; y++) {
    for (let x = 0, p = (by0 + y) * width + bx0; x < bw; x++, p++) notSpot[y * bw + x] = labels[p] === label ? 0 : 1
  }
  const body = closeWithDisc(notSpot, bw, bh, r)
  const depth = chamferDistance(body, bw, bh)
  const bins = new Uint32Array(256)
  let count = 0
  for (let y = 0; y < bh; y++) {
    for (let x = 0, p = (by0 + y) * width + bx0; x < bw; x++, p++) {
      const i = y * bw + x
      if (depth[i] < minPrintDepth.value || darkest[p] >= printBelow.value || (region && !region[p])) continue
      bins[darkest[p]]++
      count++
    }
  }
  if (count < minFadedPrint.value) return null
  return histogramQuantile(bins, 0.1) - printLevel
}

/**
 * The spot (the zeros of `outside`) closed with a disc of `radius` px: grown by it, then shrunk by it again, so the
 * strokes that cut into or through the spot become part of it; 1 = inside.
 */
export function closeWithDisc(outside: Uint8Array, width: number, height: number, radius: number): Uint8Array {
  const toSpot = chamferDistance(outside, width, height, false)
  const grown = new Uint8Array(outside.length)
  for (let i = 0; i < grown.length; i++) grown[i] = toSpot[i] <= radius ? 1 : 0
  const inward = chamferDistance(grown, width, height)
  const closed = new Uint8Array(outside.length)
  for (let i = 0; i < closed.length; i++) closed[i] = !outside[i] || inward[i] > radius ? 1 : 0
  return closed
}
