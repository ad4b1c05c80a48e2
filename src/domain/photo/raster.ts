import type { RgbaImage } from './types'

/**
 * Longest side the analysers work at. A phone photo is 4000 px wide; what makes a reviewer reject it (blur that
 * smears text, a glare spot, a cut corner) is still visible at this size, and it keeps the check within a blink.
 */
export const ANALYSIS_MAX_SIDE = 512

/**
 * Shrinks `image` so that its longest side is at most `maxSide`, averaging every source pixel into exactly one
 * output pixel (box filter). Averaging, not sampling, so that sensor noise and fine print do not alias into fake
 * detail. Returns the image itself when it is already small enough.
 */
export function downscale(image: RgbaImage, maxSide: number): RgbaImage {
  const { width, height, data } = image
  const longest = Math.max(width, height)
  if (longest <= maxSide || maxSide < 1) return image
  const ratio = maxSide / longest
  const outW = Math.max(1, Math.round(width * ratio))
  const outH = Math.max(1, Math.round(height * ratio))
  const out = new Uint8ClampedArray(outW * outH * 4)
  // Column bounds: output column ox averages source columns xStart[ox] .. xStart[ox + 1] - 1.
  const xStart = new Int32Array(outW + 1)
  for (let ox = 0; ox <= outW; ox++) xStart[ox] = Math.floor((ox * width) / outW)
  const sums = new Float64Array(outW * 4)
  // One 32-bit load per pixel instead of four byte loads: this loop reads every pixel of a 12-megapixel photo.
  const words = data.byteOffset % 4 === 0 ? new Uint32Array(data.buffer, data.byteOffset, width * height) : undefined
  const littleEndian = new Uint8Array(new Uint32Array([1]).buffer)[0] === 1
  for (let oy = 0; oy < outH; oy++) {
    const y0 = Math.floor((oy * height) / outH)
    const y1 = Math.floor(((oy + 1) * height) / outH)
    sums.fill(0)
    for (let y = y0; y < y1; y++) {
      let p = y * width
      for (let ox = 0; ox < outW; ox++) {
        let r = 0
        let g = 0
        let b = 0
        let a = 0
        const xEnd = xStart[ox + 1]
        if (words && littleEndian) {
          for (let x = xStart[ox]; x < xEnd; x++, p++) {
            const v = words[p]
            r += v & 255
            g += (v >>> 8) & 255
            b += (v >>> 16) & 255
            a += v >>> 24
          }
        } else {
          for (let x = xStart[ox], i = p * 4; x < xEnd; x++, p++, i += 4) {
            r += data[i]
            g += data[i + 1]
            b += data[i + 2]
            a += data[i + 3]
          }
        }
        const s = ox * 4
        sums[s] += r
        sums[s + 1] += g
        sums[s + 2] += b
        sums[s + 3] += a
      }
    }
    const rows = y1 - y0
    let o = oy * outW * 4
    for (let ox = 0; ox < outW; ox++, o += 4) {
      const n = rows * (xStart[ox + 1] - xStart[ox])
      const s = ox * 4
      // Uint8ClampedArray rounds to nearest on assignment
      out[o] = sums[s] / n
      out[o + 1] = sums[s + 1] / n
      out[o + 2] = sums[s + 2] / n
      out[o + 3] = sums[s + 3] / n
    }
  }
  return { width: outW, height: outH, data: out }
}

/** The image every analyser works on: downscaled to ANALYSIS_MAX_SIDE (a no-op when it already is). */
export function forAnalysis(image: RgbaImage): RgbaImage {
  return downscale(image, ANALYSIS_MAX_SIDE)
}

const lumas = new WeakMap<RgbaImage, Uint8Array>()

/** Rec. 601 luma, 0–255, one byte per pixel. Computed once per image (the analysers share it): do not modify it. */
export function toLuma(image: RgbaImage): Uint8Array {
  const cached = lumas.get(image)
  if (cached) return cached
  const luma = computeLuma(image)
  lumas.set(image, luma)
  return luma
}

function computeLuma(image: RgbaImage): Uint8Array {
  const { data } = image
  const n = image.width * image.height
  const luma = new Uint8Array(n)
  for (let p = 0, i = 0; p < n; p++, i += 4) {
    luma[p] = (77 * data[i] + 150 * data[i + 1] + 29 * data[i + 2] + 128) >> 8
  }
  return luma
}

/** 256-bin histogram of byte values; only where `region` is non-zero, when given. */
export function histogram(values: Uint8Array, region?: Uint8Array): Uint32Array {
  const bins = new Uint32Array(256)
  if (region) {
    for (let i = 0; i < values.length; i++) if (region[i]) bins[values[i]]++
  } else {
    for (let i = 0; i < values.length; i++) bins[values[i]]++
  }
  return bins
}

/** Smallest value v such that at least `q` (0–1) of the counted values are ≤ v. */
export function histogramQuantile(bins: Uint32Array, q: number): number {
  let total = 0
  for (let v = 0; v < 256; v++) total += bins[v]
  const target = Math.max(1, Math.ceil(q * total))
  let seen = 0
  for (let v = 0; v < 256; v++) {
    seen += bins[v]
    if (seen >= target) return v
  }
  return 255
}

/**
 * Labels the 4-connected regions of `mask` (non-zero = inside). Returns the label of every pixel (0 = outside,
 * regions numbered from 1) and each region's pixel count (index = label).
 */
export function labelRegions(mask: Uint8Array, width: number, height: number): { labels: Int32Array; sizes: number[] } {
  const labels = new Int32Array(width * height)
  const sizes: number[] = [0]
  const stack = new Int32Array(width * height)
  for (let start = 0; start < mask.length; start++) {
    if (!mask[start] || labels[start]) continue
    const label = sizes.length
    let size = 0
    let top = 0
    stack[top++] = start
    labels[start] = label
    while (top > 0) {
      const p = stack[--top]
      size++
      const x = p % width
      if (x > 0 && mask[p - 1] && !labels[p - 1]) {
        labels[p - 1] = label
        stack[top++] = p - 1
      }
      if (x < width - 1 && mask[p + 1] && !labels[p + 1]) {
        labels[p + 1] = label
        stack[top++] = p + 1
      }
      if (p >= width && mask[p - width] && !labels[p - width]) {
        labels[p - width] = label
        stack[top++] = p - width
      }
      if (p + width < mask.length && mask[p + width] && !labels[p + width]) {
        labels[p + width] = label
        stack[top++] = p + width
      }
    }
    sizes.push(size)
  }
  return { labels, sizes }
}

/** Calls `visit` with the index of every pixel on the image's outermost ring, each once. */
export function forEachBorderPixel(width: number, height: number, visit: (p: number) => void): void {
  for (let x = 0; x < width; x++) {
    visit(x)
    if (height > 1) visit((height - 1) * width + x)
  }
  for (let y = 1; y < height - 1; y++) {
    visit(y * width)
    if (width > 1) visit(y * width + width - 1)
  }
}
