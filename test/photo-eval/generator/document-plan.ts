/** Draws every parameter of a document photo of a class from the photo's own random stream. */
import type { Desk } from './backgrounds'
import { DESKS } from './backgrounds'
import type { CameraSettings, ShadowShape } from './camera'
import type { PhotoClass } from './classes'
import type { DocumentSceneSpec, Glare } from './document-scene'
import type { DocumentType } from './documents'
import { DOCUMENT_ASPECT } from './documents'
import type { Point } from './geometry'
import { projectCorners, quadFill } from './geometry'
import type { Rng } from './prng'
import { chance, intRange, pick, range } from './prng'

const LONG = 640
const SHORT = 480
const COLOUR_DOCS: DocumentType[] = ['id-front', 'id-back', 'licence-landscape', 'licence-portrait']

/** Sub-case of a class worth reading separately in the report (the hard cases among them). */
export interface DocumentVariant {
  desk: Desk
  document: DocumentType
  variant: string
}

export function documentVariant(photoClass: PhotoClass, k: number, rng: Rng): DocumentVariant {
  const desk = DESKS[k % DESKS.length]
  const colourDoc = COLOUR_DOCS[(k + Math.floor(k / DESKS.length)) % COLOUR_DOCS.length]
  if (photoClass === 'doc-clean') {
    const variant = ['plain', 'phone-shadow-beside', 'shadow-across'][Math.floor(k / DESKS.length) % 3] ?? 'plain'
    return { desk, document: colourDoc, variant }
  }
  if (photoClass === 'doc-greyscale') {
    const v = ['photocopy-on-wood', 'blank-photocopy', 'bw-filter', 'bw-filter-contrast', 'photocopy'][k % 5]
    const copy: DocumentType = pick(rng, ['id-photocopy', 'licence-photocopy'] as const)
    if (v === 'photocopy-on-wood') return { desk: 'wood', document: copy, variant: v }
    if (v === 'blank-photocopy') return { desk, document: 'blank-photocopy', variant: v }
    if (v === 'photocopy') return { desk, document: copy, variant: v }
    return { desk, document: colourDoc, variant: v }
  }
  if (photoClass === 'doc-blurry') {
    const v = ['motion', 'defocus', 'heavy-shake-licence'][k % 3]
    const doc = v === 'heavy-shake-licence' ? pick(rng, ['licence-landscape', 'licence-portrait'] as const) : colourDoc
    return { desk, document: doc, variant: v }
  }
  return { desk, document: colourDoc, variant: 'plain' }
}

function baseCamera(rng: Rng): CameraSettings {
  return {
    gradient: { angle: range(rng, 0, 2 * Math.PI), strength: range(rng, 0, 0.28) },
    vignette: range(rng, 0.05, 0.3),
    shadows: [],
    gain: range(rng, 0.95, 1.05),
    lift: 0,
    noise: range(rng, 1.5, 4),
    whiteBalance: [range(rng, 0.97, 1.04), 1, range(rng, 0.95, 1.03)],
    quality: intRange(rng, 60, 92)
  }
}

interface Placement {
  quad: Point[]
  artworkWidth: number
}

/** Pose the document: fill 25–80 % of the frame, roll ±15°, tilt ±10°; all corners inside unless cut off. */
function place(rng: Rng, w: number, h: number, aspect: number, cutOff: boolean): Placement {
  let fill = cutOff ? range(rng, 0.35, 0.7) : range(rng, 0.25, 0.8)
  const deg = Math.PI / 180
  const pose = { tiltX: range(rng, -10, 10) * deg, tiltY: range(rng, -10, 10) * deg, roll: range(rng, -15, 15) * deg }
  const margin = 0.025 * Math.min(w, h)
  for (;;) {
    const dw = Math.sqrt(fill * w * h * aspect)
    const rel = projectCorners(dw, dw / aspect, { ...pose, cx: 0, cy: 0 }, 1.1 * w)
    const xs = rel.map((p) => p[0])
    const ys = rel.map((p) => p[1])
    const spanX = [margin - Math.min(...xs), w - margin - Math.max(...xs)]
    const spanY = [margin - Math.min(...ys), h - margin - Math.max(...ys)]
    if (spanX[0] <= spanX[1] && spanY[0] <= spanY[1]) {
      let cx = range(rng, spanX[0], spanX[1])
      let cy = range(rng, spanY[0], spanY[1])
      if (cutOff) {
        const corner = rel[intRange(rng, 0, 3)]
        const out = range(rng, 0.04, 0.12) * dw
        const axis = pick(rng, ['x', 'y', 'xy'] as const)
        if (axis !== 'y') cx = corner[0] < 0 ? -corner[0] - out : w - corner[0] + out
        if (axis !== 'x') cy = corner[1] < 0 ? -corner[1] - out : h - corner[1] + out
      }
      const quad = rel.map(([x, y]) => [x + cx, y + cy] as Point)
      const edge = Math.max(
        Math.hypot(quad[1][0] - quad[0][0], quad[1][1] - quad[0][1]),
        Math.hypot(quad[2][0] - quad[3][0], quad[2][1] - quad[3][1])
      )
      return { quad, artworkWidth: Math.round(edge) }
    }
    fill *= 0.95
  }
}

function shadowNear(rng: Rng, quad: Point[], w: number, across: boolean): ShadowShape {
  const cx = quad.reduce((s, p) => s + p[0], 0) / 4
  const cy = quad.reduce((s, p) => s + p[1], 0) / 4
  const edge = Math.hypot(quad[1][0] - quad[0][0], quad[1][1] - quad[0][1])
  const kind = pick(rng, ['phone', 'hand'] as const)
  const size = kind === 'phone' ? w * range(rng, 0.16, 0.24) : w * range(rng, 0.05, 0.08)
  // Beside: off the document's side on the desk; across: straddling the document's edge.
  const away = across ? edge * range(rng, 0.4, 0.55) : edge * 0.5 + size * (kind === 'phone' ? 0.9 : 2.2)
  const dir = range(rng, 0, 2 * Math.PI)
  return {
    kind,
    cx: cx + Math.cos(dir) * away,
    cy: cy + Math.sin(dir) * away,
    w: size,
    h: size * 2,
    angle: range(rng, -Math.PI, Math.PI),
    strength: range(rng, 0.3, 0.55),
    softness: w * range(rng, 0.012, 0.035)
  }
}

function glareOn(rng: Rng, quad: Point[], artworkWidth: number): Glare {
  const s = range(rng, 0.25, 0.75)
  const t = range(rng, 0.25, 0.75)
  const top = [quad[0][0] + (quad[1][0] - quad[0][0]) * s, quad[0][1] + (quad[1][1] - quad[0][1]) * s]
  const bottom = [quad[3][0] + (quad[2][0] - quad[3][0]) * s, quad[3][1] + (quad[2][1] - quad[3][1]) * s]
  return {
    cx: top[0] + (bottom[0] - top[0]) * t,
    cy: top[1] + (bottom[1] - top[1]) * t,
    radius: artworkWidth * range(rng, 0.06, 0.11),
    elongation: range(rng, 1, 2.2),
    angle: range(rng, 0, Math.PI),
    peak: range(rng, 1.3, 2.2)
  }
}

/** The full scene of document photo k of `photoClass`, plus the variant it belongs to. */
export function planDocument(
  photoClass: PhotoClass,
  k: number,
  rng: Rng
): { spec: DocumentSceneSpec; variant: string } {
  const v = documentVariant(photoClass, k, rng)
  const portraitDoc = DOCUMENT_ASPECT[v.document] < 1
  const portrait = portraitDoc && chance(rng, 0.7)
  const [w, h] = portrait ? [SHORT, LONG] : [LONG, SHORT]
  const { quad, artworkWidth } = place(rng, w, h, DOCUMENT_ASPECT[v.document], photoClass === 'doc-cut-off')
  const camera = baseCamera(rng)
  if (v.variant === 'phone-shadow-beside') camera.shadows.push(shadowNear(rng, quad, w, false))
  else if (v.variant === 'shadow-across') camera.shadows.push(shadowNear(rng, quad, w, true))
  else if (photoClass !== 'doc-clean' && chance(rng, 0.25))
    camera.shadows.push(shadowNear(rng, quad, w, chance(rng, 0.5)))
  if (v.variant === 'bw-filter') camera.filter = 'mono'
  if (v.variant === 'bw-filter-contrast') camera.filter = 'mono-contrast'
  if (v.variant === 'motion')
    camera.blur = { kind: 'motion', length: w * range(rng, 0.022, 0.04), angle: range(rng, 0, Math.PI) }
  if (v.variant === 'heavy-shake-licence')
    camera.blur = { kind: 'motion', length: w * range(rng, 0.035, 0.055), angle: range(rng, 0, Math.PI) }
  if (v.variant === 'defocus') camera.blur = { kind: 'defocus', sigma: w * range(rng, 0.004, 0.007) }
  if (photoClass === 'doc-too-dark') {
    camera.gain = range(rng, 0.16, 0.3)
    camera.noise += range(rng, 1, 3)
  }
  if (photoClass === 'doc-too-bright') {
    camera.gain = range(rng, 1.6, 2.2)
    camera.lift = range(rng, 25, 60)
  }
  const glare = photoClass === 'doc-glare' ? glareOn(rng, quad, artworkWidth) : undefined
  const cornerRadius = v.document.startsWith('id-') && !v.document.endsWith('photocopy') ? artworkWidth * 0.04 : 1
  const layout = intRange(rng, 0, 2)
  const spec: DocumentSceneSpec = {
    width: w,
    height: h,
    desk: v.desk,
    document: v.document,
    layout,
    quad,
    artworkWidth,
    cornerRadius,
    glare,
    camera
  }
  return { spec, variant: v.variant }
}

export { quadFill }
