import type { RgbaImage } from './types'
import { PHOTO_THRESHOLDS } from './thresholds'

/** Background colour as a plane per channel, c(x, y) = a + b·x + c·y: tables are lit unevenly. */
export interface BackgroundModel {
  coefficients: Float64Array
  /** Colour distance below which a pixel is background. */
  tolerance: number
  /** Share of the border band that fits the model. */
  bandFraction: number
}

/** Squared colour distance of pixel (x, y) to the background plane. */
function squaredDistance(image: RgbaImage, model: BackgroundModel, x: number, y: number): number {
  const i = (y * image.width + x) * 4
  const c = model.coefficients
  let sq = 0
  for (let ch = 0; ch < 3; ch++) {
    const d = image.data[i + ch] - (c[ch * 3] + c[ch * 3 + 1] * x + c[ch * 3 + 2] * y)
    sq += d * d
  }
  return sq
}

/** Pixel indices of the band along the border. */
function borderBand(width: number, height: number): number[] {
  const band = Math.max(2, Math.round(PHOTO_THRESHOLDS.framing.borderBand.value * Math.min(width, height)))
  const pixels: number[] = []
  for (let y = 0; y < height; y++) {
    const edgeRow = y < band || y >= height - band
    for (let x = 0; x < width; x++) {
      if (edgeRow || x < band || x >= width - band) pixels.push(y * width + x)
    }
  }
  return pixels
}

/**
 * Finds the dominant colour of the border band (the mode of a coarse colour histogram), then fits the plane to the
 * band pixels near it, twice, tightening the tolerance to the residual noise.
 */
export function fitBackground(image: RgbaImage): BackgroundModel | undefined {
  const { width, height, data } = image
  if (width < 8 || height < 8) return undefined
  const band = borderBand(width, height)
  const counts = new Uint32Array(16 * 16 * 16)
  for (const p of band) counts[((data[p * 4] >> 4) << 8) | ((data[p * 4 + 1] >> 4) << 4) | (data[p * 4 + 2] >> 4)]++
  // mode over 3×3×3 neighbourhoods, so a colour sitting on a bin edge is not split in two
  let best = 0
  let bestCount = -1
  for (let r = 0; r < 16; r++) {
    for (let g = 0; g < 16; g++) {
      for (let b = 0; b < 16; b++) {
        if (!counts[(r << 8) | (g << 4) | b]) continue
        let sum = 0
        for (let dr = -1; dr <= 1; dr++) {
          for (let dg = -1; dg <= 1; dg++) {
            for (let db = -1; db <= 1; db++) {
              const rr = r + dr
              const gg = g + dg
              const bb = b + db
              if (rr >= 0 && rr < 16 && gg >= 0 && gg < 16 && bb >= 0 && bb < 16)
                sum += counts[(rr << 8) | (gg << 4) | bb]
            }
          }
        }
        if (sum > bestCount) {
          bestCount = sum
          best = (r << 8) | (g << 4) | b
        }
      }
    }
  }
  const centre = [((best >> 8) << 4) + 8, (((best >> 4) & 15) << 4) + 8, ((best & 15) << 4) + 8]
  // start from a flat model at the mode, then refit twice
  let model: BackgroundModel = {
    coefficients: new Float64Array([centre[0], 0, 0, centre[1], 0, 0, centre[2], 0, 0]),
    tolerance: 48,
    bandFraction: 0
  }
  for (let round = 0; round < 2; round++) {
    const fitted = fitPlane(image, band, model)
    if (!fitted) return undefined
    model = fitted
  }
  return model
}

/** Least-squares plane per channel over the band pixels within the current model's tolerance. */
function fitPlane(image: RgbaImage, band: number[], current: BackgroundModel): BackgroundModel | undefined {
  const { width, data } = image
  // normal equations of [1, x, y]: shared matrix, one right-hand side per channel
  const m = new Float64Array(9)
  const rhs = new Float64Array(9)
  const inliers: number[] = []
  for (const p of band) {
    const x = p % width
    const y = (p - x) / width
    if (squaredDistance(image, current, x, y) > current.tolerance * current.tolerance) continue
    inliers.push(p)
    m[0] += 1
    m[1] += x
    m[2] += y
    m[4] += x * x
    m[5] += x * y
    m[8] += y * y
    for (let ch = 0; ch < 3; ch++) {
      const v = data[p * 4 + ch]
      rhs[ch * 3] += v
      rhs[ch * 3 + 1] += x * v
      rhs[ch * 3 + 2] += y * v
    }
  }
  if (inliers.length < 16) return undefined
  // symmetric
  m[3] = m[1]
  m[6] = m[2]
  m[7] = m[5]
  const coefficients = new Float64Array(9)
  for (let ch = 0; ch < 3; ch++) {
    const solution = solve3(m, rhs.subarray(ch * 3, ch * 3 + 3))
    if (!solution) return undefined
    coefficients.set(solution, ch * 3)
  }
  const fitted: BackgroundModel = { coefficients, tolerance: current.tolerance, bandFraction: 0 }
  let sq = 0
  for (const p of inliers) {
    const x = p % width
    sq += squaredDistance(image, fitted, x, (p - x) / width)
  }
  const rms = Math.sqrt(sq / inliers.length)
  fitted.tolerance = Math.max(PHOTO_THRESHOLDS.framing.minColourDistance.value, 4 * rms)
  let fitting = 0
  const limit = fitted.tolerance * fitted.tolerance
  for (const p of band) {
    const x = p % width
    if (squaredDistance(image, fitted, x, (p - x) / width) <= limit) fitting++
  }
  fitted.bandFraction = fitting / band.length
  return fitted
}

/** Solves the symmetric 3×3 system m·s = v by Cramer's rule; undefined when singular. */
function solve3(m: Float64Array, v: Float64Array): Float64Array | undefined {
  const det = (a: ArrayLike<number>): number =>
    a[0] * (a[4] * a[8] - a[5] * a[7]) - a[1] * (a[3] * a[8] - a[5] * a[6]) + a[2] * (a[3] * a[7] - a[4] * a[6])
  const d = det(m)
  if (Math.abs(d) < 1e-9) return undefined
  const out = new Float64Array(3)
  for (let col = 0; col < 3; col++) {
    const a = Array.from(m)
    for (let row = 0; row < 3; row++) a[row * 3 + col] = v[row]
    out[col] = det(a) / d
  }
  return out
}
