import { locateDocument } from './document'
import { photoFinding } from './findings'
import { forAnalysis, toLuma } from './raster'
import { PHOTO_THRESHOLDS } from './thresholds'
import type { AnalyserResult, RgbaImage } from './types'

/**
 * Sharpness as the steepness of edges relative to their contrast: at every pixel whose 9×9 neighbourhood spans a
 * real edge, the luma difference across the pixel (central difference, over 2 px) divided by the neighbourhood's
 * range. A sharp edge makes its whole rise within those 2 px (ratio ≈ 1); a Gaussian blur of σ px only
 * erf(1 / (σ√2)) of it (σ = 1: 0.68, σ = 1.5: 0.5, σ = 2: 0.38). Unlike the variance of the Laplacian this does not
 * depend on how much print the document carries or on its contrast, so one threshold fits every photo; the 2-px
 * span keeps sensor noise small against real edges.
 *
 * Judged per direction: edges across x and edges across y are scored apart and the softer direction counts, so a
 * photo shaken sideways (sharp horizontal strokes, smeared vertical ones) is not rescued by its sharp direction.
 * Only pixels where `region` is non-zero count (the document, the face), when given. With `peaksOnly`, only the
 * pixel where each edge is steepest counts (its neighbours across the edge are less steep): a defocused background's
 * long soft ramps then count once per ramp, not once per pixel of it, and cannot outvote a sharp face. Returns
 * undefined when there are too few edges to judge.
 */
export function measureSharpness(
  luma: Uint8Array,
  width: number,
  height: number,
  region?: Uint8Array,
  peaksOnly = false
): number | undefined {
  const { minEdgeRange, minEdgeFraction, quantile, minDirectionalEdges } = PHOTO_THRESHOLDS.blur
  if (width < 8 || height < 8) return undefined
  const [lo, hi] = neighbourhoodRange(luma, width, height)
  // bins 0–100: edges across x; 101–201: edges across y
  const bins = new Uint32Array(202)
  let judged = 0
  const minRange = minEdgeRange.value
  for (let y = 1; y < height - 1; y++) {
    for (let x = 1, p = y * width + 1; x < width - 1; x++, p++) {
      if (region && !region[p]) continue
      judged++
      const range = hi[p] - lo[p]
      if (range < minRange) continue
      // ternaries, not Math.abs/Math.max: this runs for every pixel and must stay cheap on any JS engine
      const dx = luma[p + 1] - luma[p - 1]
      const dy = luma[p + width] - luma[p - width]
      const ax = dx < 0 ? -dx : dx
      const ay = dy < 0 ? -dy : dy
      const step = ax > ay ? ax : ay
      if (peaksOnly && !isPeak(luma, width, p, step, ax > ay ? 1 : width)) continue
      const bin = ((100 * step) / range + 0.5) | 0
      bins[(bin > 100 ? 100 : bin) + (ax > ay ? 0 : 101)]++
    }
  }
  const across = [bins.subarray(0, 101), bins.subarray(101)]
  const counts = across.map((part) => part.reduce((sum, v) => sum + v, 0))
  const edges = counts[0] + counts[1]
  if (edges === 0 || edges < minEdgeFraction.value * judged) return undefined
  const both = new Uint32Array(101)
  for (let b = 0; b <= 100; b++) both[b] = across[0][b] + across[1][b]
  const directional = across.filter((_, k) => counts[k] >= minDirectionalEdges.value * edges)
  if (directional.length < 2) return binQuantile(both, quantile.value)
  return Math.min(...directional.map((part) => binQuantile(part, quantile.value)))
}

/** Whether the luma step at `p` is at least that of its neighbours at p ± `along` (across the edge). */
function isPeak(luma: Uint8Array, width: number, p: number, step: number, along: number): boolean {
  for (const q of [p - along, p + along]) {
    if (q < width || q >= luma.length - width || q % width === 0 || q % width === width - 1) continue
    const dx = luma[q + 1] - luma[q - 1]
    const dy = luma[q + width] - luma[q - width]
    const neighbour = Math.max(Math.abs(dx), Math.abs(dy))
    if (neighbour > step) return false
  }
  return true
}

/** The `q` quantile of steepness ratios counted in 101 bins of 0.01. */
function binQuantile(bins: Uint32Array, q: number): number {
  let total = 0
  for (let b = 0; b <= 100; b++) total += bins[b]
  const target = Math.max(1, Math.ceil(q * total))
  let seen = 0
  for (let b = 0; b <= 100; b++) {
    seen += bins[b]
    if (seen >= target) return b / 100
  }
  return 1
}

/**
 * Minimum and maximum over the 9×9 neighbourhood of every pixel (edges clamped), separably, each 9-wide pass as two
 * 3-wide ones: min over [x−4, x+4] = min of the 3-wide minima at x−3, x and x+3.
 */
function neighbourhoodRange(values: Uint8Array, width: number, height: number): [Uint8Array, Uint8Array] {
  const lo = new Uint8Array(values)
  const hi = new Uint8Array(values)
  const scratchLo = new Uint8Array(values.length)
  const scratchHi = new Uint8Array(values.length)
  for (const spread of [1, 3]) {
    spreadRange(lo, hi, scratchLo, scratchHi, width, height, spread, 1)
    spreadRange(scratchLo, scratchHi, lo, hi, width, height, spread, width)
  }
  return [lo, hi]
}

/**
 * One 3-tap pass: out[p] = min/max of in[p − spread·step], in[p], in[p + spread·step], clamped at the image edge.
 * `step` 1 runs along rows, `step` = width along columns.
 */
function spreadRange(
  inLo: Uint8Array,
  inHi: Uint8Array,
  outLo: Uint8Array,
  outHi: Uint8Array,
  width: number,
  height: number,
  spread: number,
  step: number
): void {
  // walked in memory order, the clamped neighbours worked out per row: this runs 4 times over every pixel
  for (let y = 0; y < height; y++) {
    const row = y * width
    const rowBefore = step === 1 ? row : Math.max(0, y - spread) * width
    const rowAfter = step === 1 ? row : Math.min(height - 1, y + spread) * width
    for (let x = 0, p = row; x < width; x++, p++) {
      const before = step === 1 ? row + (x >= spread ? x - spread : 0) : rowBefore + x
      const after = step === 1 ? row + (x + spread < width ? x + spread : width - 1) : rowAfter + x
      let l = inLo[p]
      let h = inHi[p]
      const lb = inLo[before]
      const la = inLo[after]
      const hb = inHi[before]
      const ha = inHi[after]
      if (lb < l) l = lb
      if (la < l) l = la
      if (hb > h) h = hb
      if (ha > h) h = ha
      outLo[p] = l
      outHi[p] = h
    }
  }
}

/**
 * Blur: text a reviewer cannot read. On a document photo judged inside the located document (the desk's grain or a
 * defocused background does not count); on a face photo, on the face (see face.ts); otherwise on the whole frame.
 */
export function checkBlur(image: RgbaImage, region?: Uint8Array): AnalyserResult {
  const small = forAnalysis(image)
  const sharpness = measureSharpness(toLuma(small), small.width, small.height, region)
  const blurry = sharpness !== undefined && sharpness < PHOTO_THRESHOLDS.blur.minSharpness.value
  return { findings: blurry ? [photoFinding('PHOTO_BLURRY')] : [], metrics: { sharpness } }
}

/** Blur of a document photo, inside the document when it was found. */
export function checkDocumentBlur(image: RgbaImage): AnalyserResult {
  const location = locateDocument(image)
  return checkBlur(image, location.status === 'found' ? location.inner : undefined)
}
