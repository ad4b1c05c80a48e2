/** A document lying on a desk, photographed: placement, contact shadow, specular glare, then the camera. */
import type { Desk } from './backgrounds'
import { renderDesk } from './backgrounds'
import type { CameraSettings, CapturedPhoto } from './camera'
import { applyLighting, capture } from './camera'
import type { DocumentType } from './documents'
import { renderDocument } from './documents'
import type { Point } from './geometry'
import { apply, homography } from './geometry'
import type { Rng } from './prng'
import type { Rgb } from './raster'
import { createRgb, sample } from './raster'

/** A specular hot spot: an elongated highlight that clips to white at its core. */
export interface Glare {
  cx: number
  cy: number
  radius: number
  elongation: number
  angle: number
  /** Peak added light, multiples of full white (>1 clips a core). */
  peak: number
}

export interface DocumentSceneSpec {
  width: number
  height: number
  desk: Desk
  document: DocumentType
  layout: number
  /** Corners TL, TR, BR, BL of the document in the frame. */
  quad: Point[]
  /** Document artwork width in pixels (about its size in the frame, so text keeps its sharpness). */
  artworkWidth: number
  cornerRadius: number
  glare?: Glare
  camera: CameraSettings
}

/** Pastes the document through the inverse homography, with anti-aliased rounded edges and a thin contact shadow. */
function placeDocument(frame: Rgb, art: Rgb, quad: Point[], cornerRadius: number): void {
  const W = art.width
  const H = art.height
  const toArt = homography(quad, [
    [0, 0],
    [W, 0],
    [W, H],
    [0, H]
  ])
  const px = new Float32Array(3)
  const contact = Math.max(3, frame.width * 0.006)
  const r = cornerRadius
  for (let y = 0; y < frame.height; y++)
    for (let x = 0; x < frame.width; x++) {
      const [u, v] = apply(toArt, x + 0.5, y + 0.5)
      const qx = Math.abs(u - W / 2) - W / 2 + r
      const qy = Math.abs(v - H / 2) - H / 2 + r
      const sd = Math.hypot(Math.max(qx, 0), Math.max(qy, 0)) + Math.min(Math.max(qx, qy), 0) - r
      if (sd > contact) continue
      const i = (y * frame.width + x) * 3
      const d = frame.data
      if (sd > 0.5) {
        const t = 1 - sd / contact
        const dark = 1 - 0.3 * t * t
        d[i] *= dark
        d[i + 1] *= dark
        d[i + 2] *= dark
        continue
      }
      const alpha = Math.min(1, 0.5 - sd)
      sample(art, u, v, px)
      d[i] += (px[0] - d[i]) * alpha
      d[i + 1] += (px[1] - d[i + 1]) * alpha
      d[i + 2] += (px[2] - d[i + 2]) * alpha
    }
}

function addGlare(frame: Rgb, g: Glare): void {
  const c = Math.cos(-g.angle)
  const s = Math.sin(-g.angle)
  const reach = g.radius * g.elongation * 3
  const x0 = Math.max(0, Math.floor(g.cx - reach))
  const x1 = Math.min(frame.width, Math.ceil(g.cx + reach))
  const y0 = Math.max(0, Math.floor(g.cy - reach))
  const y1 = Math.min(frame.height, Math.ceil(g.cy + reach))
  for (let y = y0; y < y1; y++)
    for (let x = x0; x < x1; x++) {
      const lx = ((x - g.cx) * c - (y - g.cy) * s) / (g.radius * g.elongation)
      const ly = ((x - g.cx) * s + (y - g.cy) * c) / g.radius
      const add = 255 * g.peak * Math.exp(-(lx * lx + ly * ly) * 1.2)
      const i = (y * frame.width + x) * 3
      frame.data[i] += add
      frame.data[i + 1] += add
      frame.data[i + 2] += add * 0.97
    }
}

export function renderDocumentScene(spec: DocumentSceneSpec, rng: Rng): CapturedPhoto {
  const frame = createRgb(spec.width, spec.height)
  renderDesk(frame, spec.desk, rng)
  const art = renderDocument(spec.document, spec.layout, spec.artworkWidth, rng)
  placeDocument(frame, art, spec.quad, spec.cornerRadius)
  applyLighting(frame, spec.camera)
  if (spec.glare) addGlare(frame, spec.glare)
  return capture(frame, spec.camera, rng)
}
