import { locateDocument } from './document'
import { photoFinding } from './findings'
import { ANALYSIS_MAX_SIDE, downscale, forAnalysis } from './raster'
import { PHOTO_THRESHOLDS } from './thresholds'
import type { AnalyserResult, RgbaImage } from './types'

const BINS = 256

/**
 * Grey-scale: a photocopy or a black-and-white scan. Colour is judged by chromaticity (r/(r+g+b), g/(r+g+b)) relative
 * to the image's median, so a photocopy photographed under warm light (every pixel the same tint) still reads as
 * grey, while an original's seal, emblem or coloured print reads as colour. Judged at half the analysis size, where
 * sensor colour noise has averaged out, and a pixel must differ by a few grey levels too, so noise in dark print
 * does not read as colour. On a document photo only the located document's pixels count: a colour card on a black
 * desk is not grey because the desk dominates the frame, and a photocopy on a wooden table does not borrow its colour.
 */
export function checkDocumentGreyscale(image: RgbaImage): AnalyserResult {
  const location = locateDocument(image)
  return checkGreyscale(image, location.status === 'found' ? location.inner : undefined)
}

/** Grey-scale over the pixels where `region` (at the analysis size) is non-zero, or the whole frame. */
export function checkGreyscale(image: RgbaImage, region?: Uint8Array): AnalyserResult {
  const [minChannelSum, maxChannel, minChromaDistance, minColourLevels, minColourFraction] = (
    ['minChannelSum', 'maxChannel', 'minChromaDistance', 'minColourLevels', 'minColourFraction'] as const
  ).map((name) => PHOTO_THRESHOLDS.greyscale[name].value)
  const analysed = forAnalysis(image)
  const small = downscale(analysed, ANALYSIS_MAX_SIDE / 2)
  const { data } = small
  const n = small.width * small.height
  const inRegion = region ? regionAtSize(region, analysed.width, analysed.height, small.width, small.height) : undefined
  let judged = n
  const rs = new Float32Array(n)
  const gs = new Float32Array(n)
  const sums = new Uint16Array(n)
  const rBins = new Uint32Array(BINS)
  const gBins = new Uint32Array(BINS)
  let counted = 0
  if (inRegion) judged = inRegion.reduce((sum, v) => sum + v, 0)
  for (let i = 0, p = 0; i < data.length; i += 4, p++) {
    if (inRegion && !inRegion[p]) continue
    const r = data[i]
    const g = data[i + 1]
    const b = data[i + 2]
    const s = r + g + b
    if (s < minChannelSum || r >= maxChannel || g >= maxChannel || b >= maxChannel) continue
    const rn = r / s
    const gn = g / s
    rs[counted] = rn
    gs[counted] = gn
    sums[counted] = s
    // chromaticities are in [0, 1]: truncation is the floor
    const rb = (rn * BINS) | 0
    const gb = (gn * BINS) | 0
    rBins[rb < BINS ? rb : BINS - 1]++
    gBins[gb < BINS ? gb : BINS - 1]++
    counted++
  }
  if (counted < 0.05 * judged || counted === 0) return { findings: [], metrics: {} }
  const rMedian = (medianBin(rBins, counted) + 0.5) / BINS
  const gMedian = (medianBin(gBins, counted) + 0.5) / BINS
  const bMedian = 1 - rMedian - gMedian
  let coloured = 0
  for (let k = 0; k < counted; k++) {
    const dr = rs[k] > rMedian ? rs[k] - rMedian : rMedian - rs[k]
    const dg = gs[k] > gMedian ? gs[k] - gMedian : gMedian - gs[k]
    const bn = 1 - rs[k] - gs[k]
    const db = bn > bMedian ? bn - bMedian : bMedian - bn
    const chroma = dr + dg
    // the same deviation in grey levels: chromaticity times the pixel's channel sum
    const levels = (dr + dg + db) * sums[k]
    if (chroma > minChromaDistance && levels > minColourLevels) coloured++
  }
  const colourFraction = coloured / counted
  const grey = colourFraction < minColourFraction
  return { findings: grey ? [photoFinding('PHOTO_GREYSCALE')] : [], metrics: { colourFraction } }
}

function medianBin(bins: Uint32Array, total: number): number {
  let seen = 0
  for (let b = 0; b < bins.length; b++) {
    seen += bins[b]
    if (seen * 2 >= total) return b
  }
  return bins.length - 1
}

/** `region` (width × height) sampled at the centre of each pixel of a smaller image of the same frame. */
function regionAtSize(region: Uint8Array, width: number, height: number, toW: number, toH: number): Uint8Array {
  const out = new Uint8Array(toW * toH)
  for (let y = 0; y < toH; y++) {
    const sy = Math.min(height - 1, Math.floor(((y + 0.5) * height) / toH))
    for (let x = 0; x < toW; x++) {
      const sx = Math.min(width - 1, Math.floor(((x + 0.5) * width) / toW))
      out[y * toW + x] = region[sy * width + sx]
    }
  }
  return out
}
