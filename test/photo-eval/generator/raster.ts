/** Float RGB working rasters (0–255 per channel, unclipped until the end) and the whole-image filters of the camera. */
export interface Rgb {
  width: number
  height: number
  data: Float32Array
}

export type Colour = readonly [number, number, number]

export function createRgb(width: number, height: number, fill: Colour = [0, 0, 0]): Rgb {
  const data = new Float32Array(width * height * 3)
  for (let i = 0; i < data.length; i += 3) {
    data[i] = fill[0]
    data[i + 1] = fill[1]
    data[i + 2] = fill[2]
  }
  return { width, height, data }
}

/** One box-blur pass along rows (dx=1) or columns, radius r, edges clamped. */
function boxPass(src: Float32Array, dst: Float32Array, w: number, h: number, r: number, alongRows: boolean): void {
  const lines = alongRows ? h : w
  const len = alongRows ? w : h
  const step = alongRows ? 3 : w * 3
  const norm = 1 / (2 * r + 1)
  for (let line = 0; line < lines; line++) {
    const base = alongRows ? line * w * 3 : line * 3
    for (let c = 0; c < 3; c++) {
      let sum = 0
      for (let k = -r; k <= r; k++) sum += src[base + Math.min(len - 1, Math.max(0, k)) * step + c]
      for (let i = 0; i < len; i++) {
        dst[base + i * step + c] = sum * norm
        const out = Math.max(0, i - r)
        const inn = Math.min(len - 1, i + r + 1)
        sum += src[base + inn * step + c] - src[base + out * step + c]
      }
    }
  }
}

/** Near-Gaussian blur in place (three box passes each way): the defocus of a lens, sigma in pixels. */
export function gaussianBlur(img: Rgb, sigma: number): Rgb {
  const r = Math.max(1, Math.round(Math.sqrt((12 * sigma * sigma) / 3 + 1) / 2))
  const tmp = new Float32Array(img.data.length)
  for (let pass = 0; pass < 3; pass++) {
    boxPass(img.data, tmp, img.width, img.height, r, true)
    boxPass(tmp, img.data, img.width, img.height, r, false)
  }
  return img
}

/** Camera shake: the mean of the image shifted along a straight path of `length` pixels at `angle` radians. */
export function motionBlur(img: Rgb, length: number, angle: number): Rgb {
  const { width: w, height: h, data } = img
  const samples = Math.max(2, Math.round(length))
  const out = new Float32Array(data.length)
  for (let s = 0; s < samples; s++) {
    const t = s / (samples - 1) - 0.5
    const dx = Math.round(Math.cos(angle) * length * t)
    const dy = Math.round(Math.sin(angle) * length * t)
    for (let y = 0; y < h; y++) {
      const sy = Math.min(h - 1, Math.max(0, y + dy))
      for (let x = 0; x < w; x++) {
        const sx = Math.min(w - 1, Math.max(0, x + dx))
        const o = (y * w + x) * 3
        const i = (sy * w + sx) * 3
        out[o] += data[i]
        out[o + 1] += data[i + 1]
        out[o + 2] += data[i + 2]
      }
    }
  }
  for (let i = 0; i < out.length; i++) out[i] /= samples
  return { width: w, height: h, data: out }
}

/** Rec. 601 luma, the grey a photocopier or a phone's mono filter produces. */
export const luma = (r: number, g: number, b: number): number => 0.299 * r + 0.587 * g + 0.114 * b

/** Bilinear sample of one channel-triple at (x, y) in pixel-centre coordinates, edges clamped. */
export function sample(img: Rgb, x: number, y: number, out: Float32Array): void {
  const { width: w, height: h, data } = img
  const fx = Math.min(w - 1, Math.max(0, x - 0.5))
  const fy = Math.min(h - 1, Math.max(0, y - 0.5))
  const x0 = Math.floor(fx)
  const y0 = Math.floor(fy)
  const x1 = Math.min(w - 1, x0 + 1)
  const y1 = Math.min(h - 1, y0 + 1)
  const ax = fx - x0
  const ay = fy - y0
  for (let c = 0; c < 3; c++) {
    const top = data[(y0 * w + x0) * 3 + c] * (1 - ax) + data[(y0 * w + x1) * 3 + c] * ax
    const bottom = data[(y1 * w + x0) * 3 + c] * (1 - ax) + data[(y1 * w + x1) * 3 + c] * ax
    out[c] = top * (1 - ay) + bottom * ay
  }
}

/** Clipped 8-bit RGBA, what a camera file holds. */
export function toRgba(img: Rgb): Uint8Array {
  const n = img.width * img.height
  const out = new Uint8Array(n * 4)
  for (let i = 0; i < n; i++) {
    for (let c = 0; c < 3; c++) out[i * 4 + c] = Math.min(255, Math.max(0, Math.round(img.data[i * 3 + c])))
    out[i * 4 + 3] = 255
  }
  return out
}
