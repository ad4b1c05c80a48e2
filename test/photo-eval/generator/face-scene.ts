/** A head-and-shoulders face-check photo: a wall (white or not, sharp or defocused), a shaded face, then the camera. */
import { valueNoise } from './backgrounds'
import type { CameraSettings, CapturedPhoto } from './camera'
import { applyLighting, capture } from './camera'
import { fillEllipse, fillRect } from './draw'
import type { Rng } from './prng'
import { range } from './prng'
import type { Colour, Rgb } from './raster'
import { createRgb, gaussianBlur } from './raster'

export interface FaceSceneSpec {
  width: number
  height: number
  wall: Colour
  /** 'plain' wall, pale 'objects' on it, or a 'bookshelf' behind the person. */
  backdrop: 'plain' | 'objects' | 'bookshelf'
  /** Defocus of the background alone (0 = as sharp as the face). */
  backgroundBlur: number
  skin: Colour
  hair: Colour
  shirt: Colour
  head: { cx: number; cy: number; rx: number; ry: number; roll: number }
  /** Unit-ish direction towards the key light (x right, y down, z towards the camera), its strength and the ambient. */
  light: { x: number; y: number; z: number; key: number; ambient: number }
  camera: CameraSettings
}

function backdrop(spec: FaceSceneSpec, rng: Rng): Rgb {
  const img = createRgb(spec.width, spec.height, spec.wall)
  const mottle = valueNoise(rng, spec.width, spec.height, 150)
  for (let i = 0; i < spec.width * spec.height; i++) {
    const f = 0.97 + 0.05 * mottle(i % spec.width, Math.floor(i / spec.width))
    for (let c = 0; c < 3; c++) img.data[i * 3 + c] *= f
  }
  const { width: w, height: h } = spec
  if (spec.backdrop === 'objects') {
    const pale = (): Colour => [range(rng, 200, 228), range(rng, 200, 228), range(rng, 198, 225)]
    fillRect(img, w * range(rng, 0.02, 0.15), 0, w * 0.05, h, pale())
    fillRect(img, w * range(rng, 0.6, 0.8), h * range(rng, 0.05, 0.2), w * 0.22, h * 0.18, pale())
    fillEllipse(img, w * range(rng, 0.8, 0.95), h * range(rng, 0.5, 0.7), w * 0.1, h * 0.12, pale())
  }
  if (spec.backdrop === 'bookshelf') {
    for (let shelf = 0; shelf < 4; shelf++) {
      const y = h * (0.05 + shelf * 0.24)
      fillRect(img, 0, y + h * 0.2, w, h * 0.03, [110, 80, 55])
      for (let x = 0; x < w; x += w * range(rng, 0.03, 0.06)) {
        const book: Colour = [range(rng, 40, 220), range(rng, 40, 200), range(rng, 40, 200)]
        fillRect(img, x, y + h * range(rng, 0.02, 0.06), w * 0.028, h * 0.15, book)
      }
    }
  }
  return spec.backgroundBlur > 0 ? gaussianBlur(img, spec.backgroundBlur) : img
}

/** Lambert shading of a point on an ellipsoid head with normal (nx, ny, nz). */
function shade(spec: FaceSceneSpec, nx: number, ny: number, nz: number): number {
  const { x, y, z, key, ambient } = spec.light
  const len = Math.hypot(x, y, z)
  return ambient + key * Math.max(0, (nx * x + ny * y + nz * z) / len)
}

/** The colour of the face at normalised head coordinates (ex, ey in −1…1): skin, hair, eyes, brows, mouth. */
function faceColour(spec: FaceSceneSpec, ex: number, ey: number): Colour {
  if (ey < -0.42 + 0.35 * ex * ex) return spec.hair
  for (const side of [-1, 1]) {
    const eye = ((ex - side * 0.36) / 0.17) ** 2 + ((ey + 0.02) / 0.075) ** 2
    if (eye <= 1) return Math.hypot(ex - side * 0.36, ey + 0.02) < 0.065 ? [45, 32, 28] : [236, 232, 228]
    if (Math.abs(ey + 0.17) < 0.03 && Math.abs(ex - side * 0.36) < 0.17) return spec.hair
  }
  if ((ex / 0.26) ** 2 + ((ey - 0.5) / 0.065) ** 2 <= 1) return [176, 82, 82]
  if ((ex / 0.1) ** 2 + ((ey - 0.26) / 0.06) ** 2 <= 1) return spec.skin.map((v) => v * 0.82) as unknown as Colour
  return spec.skin
}

function drawBody(img: Rgb, spec: FaceSceneSpec): void {
  const { cx, cy, rx, ry } = spec.head
  const side = spec.light.x / Math.hypot(spec.light.x, spec.light.y, spec.light.z)
  const lit = (c: Colour, f: number): Colour => c.map((v) => v * f) as unknown as Colour
  const bodyShade = (offset: number): number =>
    spec.light.ambient + spec.light.key * Math.max(0.05, 0.75 + side * offset)
  fillEllipse(img, cx, cy + ry * 2.45, rx * 2.6, ry * 1.3, lit(spec.shirt, bodyShade(0)))
  fillEllipse(img, cx - rx * 1.2, cy + ry * 2.3, rx * 1.2, ry * 0.9, lit(spec.shirt, bodyShade(-0.6)))
  fillEllipse(img, cx + rx * 1.2, cy + ry * 2.3, rx * 1.2, ry * 0.9, lit(spec.shirt, bodyShade(0.6)))
  fillRect(img, cx - rx * 0.45, cy + ry * 0.6, rx * 0.9, ry * 0.75, lit(spec.skin, bodyShade(0) * 0.85))
  fillEllipse(img, cx, cy - ry * 0.12, rx * 1.1, ry * 1.02, lit(spec.hair, bodyShade(0) * 0.8))
}

function drawHead(img: Rgb, spec: FaceSceneSpec): void {
  const { cx, cy, rx, ry, roll } = spec.head
  const c = Math.cos(-roll)
  const s = Math.sin(-roll)
  const reach = Math.max(rx, ry) + 2
  for (let y = Math.max(0, Math.floor(cy - reach)); y < Math.min(img.height, cy + reach); y++)
    for (let x = Math.max(0, Math.floor(cx - reach)); x < Math.min(img.width, cx + reach); x++) {
      const ex = ((x + 0.5 - cx) * c - (y + 0.5 - cy) * s) / rx
      const ey = ((x + 0.5 - cx) * s + (y + 0.5 - cy) * c) / ry
      const r = Math.hypot(ex, ey)
      const alpha = Math.min(1, Math.max(0, (1 - r) * rx))
      if (alpha <= 0) continue
      const nz = Math.sqrt(Math.max(0, 1 - r * r))
      const colour = faceColour(spec, ex, ey)
      const f = shade(spec, ex, ey, nz)
      const i = (y * img.width + x) * 3
      for (let k = 0; k < 3; k++) img.data[i + k] += (colour[k] * f - img.data[i + k]) * alpha
    }
}

export function renderFaceScene(spec: FaceSceneSpec, rng: Rng): CapturedPhoto {
  const frame = backdrop(spec, rng)
  drawBody(frame, spec)
  drawHead(frame, spec)
  applyLighting(frame, spec.camera)
  return capture(frame, spec.camera, rng)
}
