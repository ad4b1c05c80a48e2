import { locateDocument } from './document'
import { photoFinding } from './findings'
import { measurePrintLift } from './glare-print'
import { chamferDistance, close3, forAnalysis, forEachBorderPixel, histogramQuantile, labelRegions } from './raster'
import { PHOTO_THRESHOLDS } from './thresholds'
import type { AnalyserResult, RgbaImage } from './types'

/**
 * Glare: a specular spot on the document. Its core is clipped in every channel, so the print beneath it is gone.
 * Two independent signs tell it from paper that is merely white or clipped; either one is glare:
 * - the halo: the light falls off around the core, so the paper just outside it is clearly brighter than the paper a
 *   little further out. Plain white paper, an over-exposed licence or the white behind an ID photo are clipped too,
 *   but without a halo: next to them the paper (or the card) is as bright as further away. The halo is measured on
 *   each pixel's darkest channel, where a cream or tinted paper keeps its own colour but a specular highlight (white
 *   light) washes it out. The spot must also be compact: a clipped strip along the document's margin is lit paper.
 * - faded print under a saturated core (glare-print.ts): on paper already near white the halo is only a few levels
 *   high before it clips, but the light adds to the print too, so the strokes running under the core fade to grey;
 *   print inside paper that is merely clipped keeps its dark strokes. Read on the saturated core (darkest channel
 *   ≥ 254), which stays apart from paper that only just clips.
 * Judged inside the located document (a white desk or wall is not glare); when no document was found, on the whole
 * frame without the regions touching its border.
 */
export function checkGlare(image: RgbaImage): AnalyserResult {
  const { clippedChannel, saturatedChannel, maxSpotFraction, minCoreRadius, minHaloScore, maxElongation } =
    PHOTO_THRESHOLDS.glare
  const { minPrintLift, printLevelQuantile } = PHOTO_THRESHOLDS.glare
  const small = forAnalysis(image)
  const { width, height, data } = small
  const n = width * height
  const location = locateDocument(small)
  const region = location.status === 'found' ? location.inner : undefined
  const judged = region ? location.innerCount : n
  const darkest = new Uint8Array(n)
  const clippedMask = new Uint8Array(n)
  const saturatedMask = new Uint8Array(n)
  const documentBins = new Uint32Array(256)
  const clip = clippedChannel.value
  const saturated = saturatedChannel.value
  const clippedBox = emptyBox(width, height)
  const saturatedBox = emptyBox(width, height)
  for (let y = 0, p = 0, i = 0; y < height; y++) {
    for (let x = 0; x < width; x++, p++, i += 4) {
      const r = data[i]
      const g = data[i + 1]
      const b = data[i + 2]
      const m = r < g ? (r < b ? r : b) : g < b ? g : b
      darkest[p] = m
      if (region && !region[p]) continue
      documentBins[m]++
      if (m < clip) continue
      clippedMask[p] = 1
      grow(clippedBox, x, y)
      if (m < saturated) continue
      saturatedMask[p] = 1
      grow(saturatedBox, x, y)
    }
  }
  const minRadius = minCoreRadius.value * Math.sqrt(judged)
  const field = { darkest, region, width, height }
  let glareFraction = 0
  let glareHaloDrop = 0
  let glareHaloScore = 0
  const clipped = findSpots(clippedMask, clippedBox, field, judged)
  // clipped areas adding up to more than maxSpotFraction of the document are over-exposure (checkExposure's finding)
  if (judged > 0 && clipped.area / judged <= maxSpotFraction.value) {
    for (const spot of clipped.spots) {
      if (spot.radius < minRadius) continue
      const halo = measureHalo({ ...field, ...spot, labels: clipped.labels })
      if (!halo) continue
      const score = halo.drop + halo.steepDrop
      glareHaloDrop = Math.max(glareHaloDrop, halo.drop)
      glareHaloScore = Math.max(glareHaloScore, score)
      if (score >= minHaloScore.value && halo.elongation <= maxElongation.value)
        glareFraction = Math.max(glareFraction, spot.size / judged)
    }
  }
  let glarePrintLift: number | undefined
  const cores = findSpots(saturatedMask, saturatedBox, field, judged)
  if (judged > 0 && cores.area / judged <= maxSpotFraction.value) {
    const printLevel = histogramQuantile(documentBins, printLevelQuantile.value)
    for (const spot of cores.spots) {
      if (spot.radius < minRadius) continue
      const lift = measurePrintLift({ ...field, ...spot, labels: cores.labels }, printLevel)
      if (lift === null) continue
      glarePrintLift = Math.max(glarePrintLift ?? -255, lift)
      if (lift >= minPrintLift.value) glareFraction = Math.max(glareFraction, spot.size / judged)
    }
  }
  return {
    findings: glareFraction > 0 ? [photoFinding('PHOTO_GLARE')] : [],
    metrics: { glareFraction, glareHaloDrop, glareHaloScore, glarePrintLift }
  }
}

interface Box {
  x0: number
  y0: number
  x1: number
  y1: number
}

const emptyBox = (width: number, height: number): Box => ({ x0: width, y0: height, x1: -1, y1: -1 })

function grow(box: Box, x: number, y: number): void {
  if (x < box.x0) box.x0 = x
  if (x > box.x1) box.x1 = x
  if (y < box.y0) box.y0 = y
  if (y > box.y1) box.y1 = y
}

interface Field {
  darkest: Uint8Array
  region: Uint8Array | undefined
  width: number
  height: number
}

/** A spot of the analysis image: its label, pixel count, bounding box and half-thickness at its widest. */
interface SpotExtent {
  label: number
  size: number
  box: Box
  radius: number
}

interface Spots {
  /** Label of every pixel of the analysis image (0 = no spot). */
  labels: Int32Array
  /** Pixels of all spots (not those touching the frame border when judged on the whole frame). */
  area: number
  /** The spots of at least minSpotFraction of the judged area. */
  spots: SpotExtent[]
}

/**
 * The spots of `mask`, whose pixels lie in `box`. Sensor noise pits a clipped core with darker pixels: they are closed
 * so the core is one solid spot. Closed, labelled and measured only in the box around the masked pixels (2 px wider,
 * so the spots' distances to their outside are those of the whole frame): the rest of the frame has no spot.
 */
function findSpots(mask: Uint8Array, box: Box, field: Field, judged: number): Spots {
  const { region, width, height } = field
  const labels = new Int32Array(width * height)
  if (box.x1 < 0) return { labels, area: 0, spots: [] }
  const frame = { x: Math.max(0, box.x0 - 2), y: Math.max(0, box.y0 - 2), w: 0, h: 0 }
  frame.w = Math.min(width, box.x1 + 3) - frame.x
  frame.h = Math.min(height, box.y1 + 3) - frame.y
  const closed = close3(crop(mask, width, frame), frame.w, frame.h)
  if (region) {
    const inside = crop(region, width, frame)
    for (let i = 0; i < closed.length; i++) closed[i] &= inside[i]
  }
  const local = labelRegions(closed, frame.w, frame.h)
  const inscribed = chamferDistance(closed, frame.w, frame.h)
  const extents = local.sizes.map((size, label) => ({ label, size, box: emptyBox(width, height), radius: 0 }))
  for (let y = 0, i = 0; y < frame.h; y++) {
    for (let x = 0; x < frame.w; x++, i++) {
      const label = local.labels[i]
      if (!label) continue
      labels[(frame.y + y) * width + frame.x + x] = label
      const extent = extents[label]
      grow(extent.box, frame.x + x, frame.y + y)
      if (inscribed[i] > extent.radius) extent.radius = inscribed[i]
    }
  }
  const touchesBorder = new Uint8Array(extents.length)
  if (!region) forEachBorderPixel(width, height, (p) => (touchesBorder[labels[p]] = 1))
  let area = 0
  const spots: SpotExtent[] = []
  for (let label = 1; label < extents.length; label++) {
    if (touchesBorder[label]) continue
    area += extents[label].size
    if (extents[label].size >= PHOTO_THRESHOLDS.glare.minSpotFraction.value * judged) spots.push(extents[label])
  }
  return { labels, area, spots }
}

interface Spot extends SpotExtent, Field {
  labels: Int32Array
}

interface Halo {
  /** Paper (darkest channel, 75th percentile) just outside the spot minus a ring at 0.7 × its half-thickness. */
  drop: number
  /** The brightest paper (90th percentile, print-proof) just outside the spot minus a ring 12–16 px out. */
  steepDrop: number
  /** Spot area over the disc of its half-thickness: ≈ 1 for a round spot, large for a strip along a margin. */
  elongation: number
}

/**
 * The light falling off around a spot (at least minCoreRadius thick: thinner speckle cannot hide a character), or
 * null when a ring around it lies wholly outside the document. Two scales: a specular halo falls off over a distance like the spot's own size (`drop`) and is steepest
 * right at the core (`steepDrop`); a lighting gradient across the document only shows on the large scale, and print
 * next to a white area only lowers the 75th percentile, not the 90th. Distances are measured in a box around the spot.
 */
function measureHalo(spot: Spot): Halo | null {
  const { labels, label, size, box, radius, darkest, region, width, height } = spot
  const { nearRing, farRingScale, ringWidth, steepRing } = PHOTO_THRESHOLDS.glare
  const { x0, y0, x1, y1 } = box
  const far = Math.max(nearRing.value + 1, farRingScale.value * radius)
  const reach = Math.ceil(Math.max(far, steepRing.value) + ringWidth.value) + 1
  const bx0 = Math.max(0, x0 - reach)
  const by0 = Math.max(0, y0 - reach)
  const bw = Math.min(width - 1, x1 + reach) - bx0 + 1
  const bh = Math.min(height - 1, y1 + reach) - by0 + 1
  const outside = new Uint8Array(bw * bh)
  for (let y = 0; y < bh; y++) {
    for (let x = 0, p = (by0 + y) * width + bx0; x < bw; x++, p++) outside[y * bw + x] = labels[p] === label ? 0 : 1
  }
  const distance = chamferDistance(outside, bw, bh, false)
  const [nearBins, farBins, steepBins] = [new Uint32Array(256), new Uint32Array(256), new Uint32Array(256)]
  for (let y = 0; y < bh; y++) {
    for (let x = 0, p = (by0 + y) * width + bx0; x < bw; x++, p++) {
      const d = distance[y * bw + x]
      if (d === 0 || (region && !region[p])) continue
      if (d <= nearRing.value) nearBins[darkest[p]]++
      else if (d > far && d <= far + ringWidth.value) farBins[darkest[p]]++
      if (d > steepRing.value && d <= steepRing.value + ringWidth.value) steepBins[darkest[p]]++
    }
  }
  if (!count(nearBins) || !count(farBins) || !count(steepBins)) return null
  return {
    drop: histogramQuantile(nearBins, 0.75) - histogramQuantile(farBins, 0.75),
    steepDrop: histogramQuantile(nearBins, 0.9) - histogramQuantile(steepBins, 0.9),
    elongation: size / (Math.PI * radius * radius)
  }
}

const count = (bins: Uint32Array): number => bins.reduce((s, v) => s + v, 0)

/** The pixels of `values` (row length `width`) inside `box`, as an array of their own. */
function crop(values: Uint8Array, width: number, box: { x: number; y: number; w: number; h: number }): Uint8Array {
  const out = new Uint8Array(box.w * box.h)
  for (let y = 0; y < box.h; y++) {
    const from = (box.y + y) * width + box.x
    out.set(values.subarray(from, from + box.w), y * box.w)
  }
  return out
}
