/** What the phone and the room do to a scene: uneven light, cast shadows, exposure, shake or defocus, noise, JPEG. */
import { decode, encode } from 'jpeg-js'
import type { Rng } from './prng'
import { gauss } from './prng'
import type { Rgb } from './raster'
import { gaussianBlur, luma, motionBlur, toRgba } from './raster'

/** A soft shadow cast by an object held over the desk: a phone (rounded slab) or a hand (palm and fingers). */
export interface ShadowShape {
  kind: 'phone' | 'hand'
  cx: number
  cy: number
  /** Phone: width and height; hand: palm radius in both. */
  w: number
  h: number
  angle: number
  /** Share of the light the shadow takes away at its core (0–1). */
  strength: number
  /** Half-width of the penumbra, pixels. */
  softness: number
}

export type Blur = { kind: 'motion'; length: number; angle: number } | { kind: 'defocus'; sigma: number }

export interface CameraSettings {
  /** Directional light: brightness varies by ±strength across the frame along `angle`. */
  gradient: { angle: number; strength: number }
  vignette: number
  shadows: ShadowShape[]
  /** Gain and additive lift of the exposure (1, 0 = correct). */
  gain: number
  lift: number
  blur?: Blur
  noise: number
  whiteBalance: [number, number, number]
  /** A phone's black-and-white filter applied to the capture. */
  filter?: 'mono' | 'mono-contrast'
  quality: number
}

function capsuleDistance(px: number, py: number, ax: number, ay: number, bx: number, by: number, r: number): number {
  const dx = bx - ax
  const dy = by - ay
  const t = Math.max(0, Math.min(1, ((px - ax) * dx + (py - ay) * dy) / (dx * dx + dy * dy)))
  return Math.hypot(px - ax - t * dx, py - ay - t * dy) - r
}

/** Signed distance from (x, y) to the shadow's shape (negative inside). */
function shapeDistance(s: ShadowShape, x: number, y: number): number {
  const c = Math.cos(-s.angle)
  const n = Math.sin(-s.angle)
  const lx = (x - s.cx) * c - (y - s.cy) * n
  const ly = (x - s.cx) * n + (y - s.cy) * c
  if (s.kind === 'phone') {
    const r = Math.min(s.w, s.h) * 0.12
    const qx = Math.abs(lx) - s.w / 2 + r
    const qy = Math.abs(ly) - s.h / 2 + r
    return Math.hypot(Math.max(qx, 0), Math.max(qy, 0)) + Math.min(Math.max(qx, qy), 0) - r
  }
  const palm = Math.hypot(lx / 1.0, ly / 1.2) - s.w
  let d = palm
  for (let f = 0; f < 4; f++) {
    const fx = -s.w * 0.7 + f * s.w * 0.47
    d = Math.min(
      d,
      capsuleDistance(lx, ly, fx, -s.w * 0.9, fx * 1.1, -s.w * (2.0 + (f === 1 || f === 2 ? 0.35 : 0)), s.w * 0.2)
    )
  }
  d = Math.min(d, capsuleDistance(lx, ly, s.w * 0.9, 0, s.w * 1.7, -s.w * 0.7, s.w * 0.22))
  return Math.min(d, capsuleDistance(lx, ly, 0, s.w, 0, s.w * 3.5, s.w * 0.8))
}

/** Light falling on each pixel: directional gradient × vignette × (1 − shadow). */
export function applyLighting(img: Rgb, cam: CameraSettings): void {
  const { width: w, height: h, data } = img
  const dx = Math.cos(cam.gradient.angle)
  const dy = Math.sin(cam.gradient.angle)
  const half = Math.hypot(w, h) / 2
  for (let y = 0; y < h; y++)
    for (let x = 0; x < w; x++) {
      const ox = x - w / 2
      const oy = y - h / 2
      let light = 1 + (cam.gradient.strength * (ox * dx + oy * dy)) / half
      light *= 1 - cam.vignette * ((ox * ox + oy * oy) / (half * half))
      for (const s of cam.shadows) {
        const d = shapeDistance(s, x, y)
        if (d < s.softness) {
          const t = Math.min(1, (s.softness - d) / (2 * s.softness))
          light *= 1 - s.strength * t * t * (3 - 2 * t)
        }
      }
      const i = (y * w + x) * 3
      data[i] *= light
      data[i + 1] *= light
      data[i + 2] *= light
    }
}

/** Exposure, lens or shake blur, white balance, sensor noise and the phone's filter, in the order a camera applies them. */
function develop(img: Rgb, cam: CameraSettings, rng: Rng): Rgb {
  const d = img.data
  for (let i = 0; i < d.length; i++) d[i] = d[i] * cam.gain + cam.lift
  let out = img
  if (cam.blur?.kind === 'motion') out = motionBlur(img, cam.blur.length, cam.blur.angle)
  if (cam.blur?.kind === 'defocus') out = gaussianBlur(img, cam.blur.sigma)
  const o = out.data
  const [wr, wg, wb] = cam.whiteBalance
  for (let i = 0; i < o.length; i += 3) {
    const grain = gauss(rng) * cam.noise
    o[i] = o[i] * wr + grain + gauss(rng) * cam.noise * 0.4
    o[i + 1] = o[i + 1] * wg + grain
    o[i + 2] = o[i + 2] * wb + grain + gauss(rng) * cam.noise * 0.4
  }
  if (cam.filter) {
    for (let i = 0; i < o.length; i += 3) {
      let v = luma(o[i], o[i + 1], o[i + 2])
      if (cam.filter === 'mono-contrast') v = 255 / (1 + Math.exp(-(v - 128) / 28))
      o[i] = o[i + 1] = o[i + 2] = v
    }
  }
  return out
}

export interface CapturedPhoto {
  width: number
  height: number
  /** The pixels as decoded back from the JPEG, so the analysers see real compression artefacts. */
  rgba: Uint8Array
  jpeg: Uint8Array
}

export function decodeJpeg(jpeg: Uint8Array): { width: number; height: number; rgba: Uint8Array } {
  const decoded = decode(jpeg, { useTArray: true, formatAsRGBA: true })
  return { width: decoded.width, height: decoded.height, rgba: decoded.data }
}

/** Develops the lit scene and saves it as the phone would: a JPEG at `cam.quality`, decoded back. */
export function capture(img: Rgb, cam: CameraSettings, rng: Rng): CapturedPhoto {
  const developed = develop(img, cam, rng)
  const rgba = toRgba(developed)
  const jpeg = new Uint8Array(encode({ width: img.width, height: img.height, data: rgba }, cam.quality).data)
  return { ...decodeJpeg(jpeg), jpeg }
}
