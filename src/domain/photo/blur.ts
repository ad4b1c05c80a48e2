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
 * span keeps sensor noise small against real edges. Returns undefined when there are too few edges to judge.
 */
export function measureSharpness(luma: Uint8Array, width: number, height: number): number | undefined {
  const { minEdgeRange, minEdgeFraction, quantile } = PHOTO_THRESHOLDS.blur
  if (width < 8 || height < 8) return undefined
  const [lo, hi] = neighbourhoodRange(luma, width, height)
  const bins = new Uint32Array(101)
  let edges = 0
  for (let y = 1; y < height - 1; y++) {
    for (let x = 1, p = y * width + 1; x < width - 1; x++, p++) {
      const range = hi[p] - lo[p]
      if (range < minEdgeRange) continue
      // ternaries, not Math.abs/Math.max: this runs for every pixel and must stay cheap on any JS engine
      const dx = luma[p + 1] - luma[p - 1]
      const dy = luma[p + width] - luma[p - width]
      const ax = dx < 0 ? -dx : dx
      const ay = dy < 0 ? -dy : dy
      const step = ax > ay ? ax : ay
      const bin = ((100 * step) / range + 0.5) | 0
      bins[bin > 100 ? 100 : bin]++
      edges++
    }
  }
  if (edges < minEdgeFraction * width * height) return undefined
  const target = Math.ceil(quantile * edges)
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
  const along = step === 1 ? width : height
  for (let p = 0; p < inLo.length; p++) {
    const at = step === 1 ? p % width : (p / width) | 0
    const before = at >= spread ? p - spread * step : p - at * step
    const after = at + spread < along ? p + spread * step : p + (along - 1 - at) * step
    let l = inLo[p]
    let h = inHi[p]
    if (inLo[before] < l) l = inLo[before]
    if (inLo[after] < l) l = inLo[after]
    if (inHi[before] > h) h = inHi[before]
    if (inHi[after] > h) h = inHi[after]
    outLo[p] = l
    outHi[p] = h
  }
}

/** Blur: text a reviewer cannot read. Works on any photo kind. */
export function checkBlur(image: RgbaImage): AnalyserResult {
  const small = forAnalysis(image)
  const sharpness = measureSharpness(toLuma(small), small.width, small.height)
  const blurry = sharpness !== undefined && sharpness < PHOTO_THRESHOLDS.blur.minSharpness
  return { findings: blurry ? [photoFinding('PHOTO_BLURRY')] : [], metrics: { sharpness } }
}
