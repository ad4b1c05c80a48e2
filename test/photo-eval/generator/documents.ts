/**
 * Document artwork, drawn upright at the pixel size it will have in the photo: 居民身份证 front and back, 营业执照
 * (landscape 正本 and portrait 副本), and photocopies of them on plain paper. Our own layouts, several variants each.
 */
import { digitLine, fillEllipse, fillRect, guilloche, qrBlock, ring, star, textLine } from './draw'
import type { Rng } from './prng'
import { intRange, pick, range } from './prng'
import type { Colour, Rgb } from './raster'
import { createRgb, luma } from './raster'

export type DocumentType =
  | 'id-front'
  | 'id-back'
  | 'licence-landscape'
  | 'licence-portrait'
  | 'id-photocopy'
  | 'licence-photocopy'
  | 'blank-photocopy'

/** Width / height of each document type (ID-1 card 85.6×54 mm, A4/A3 paper 1:√2). */
export const DOCUMENT_ASPECT: Record<DocumentType, number> = {
  'id-front': 85.6 / 54,
  'id-back': 85.6 / 54,
  'licence-landscape': Math.SQRT2,
  'licence-portrait': 1 / Math.SQRT2,
  'id-photocopy': 1 / Math.SQRT2,
  'licence-photocopy': 1 / Math.SQRT2,
  'blank-photocopy': 1 / Math.SQRT2
}

export const isPhotocopy = (type: DocumentType): boolean => type.endsWith('photocopy')

const INK: Colour = [28, 30, 34]
const SEAL_RED: Colour = [214, 38, 42]
const EMBLEM_RED: Colour = [200, 30, 36]
const GOLD: Colour = [236, 190, 60]

/** The card's tinted security background: a blue-green to pink gradient with guilloche lines. */
function cardBackground(img: Rgb, rng: Rng): void {
  const left: Colour = [range(rng, 178, 200), range(rng, 214, 228), range(rng, 226, 238)]
  const right: Colour = [range(rng, 232, 244), range(rng, 204, 218), range(rng, 208, 222)]
  const { width: w, height: h, data } = img
  for (let y = 0; y < h; y++)
    for (let x = 0; x < w; x++) {
      const t = (x / w) * 0.7 + (y / h) * 0.3
      const i = (y * w + x) * 3
      for (let c = 0; c < 3; c++) data[i + c] = left[c] * (1 - t) + right[c] * t
    }
  guilloche(img, rng, [0, 0, w, h], [150, 190, 205], 0.35)
}

function emblem(img: Rgb, cx: number, cy: number, r: number): void {
  fillEllipse(img, cx, cy, r, r, EMBLEM_RED)
  ring(img, cx, cy, r * 0.92, r * 0.08, GOLD)
  star(img, cx, cy - r * 0.3, r * 0.32, GOLD)
  for (let k = 0; k < 4; k++)
    star(img, cx - r * 0.45 + k * r * 0.3, cy + r * 0.05 - (k % 3 === 0 ? 0 : r * 0.12), r * 0.1, GOLD)
  fillRect(img, cx - r * 0.55, cy + r * 0.3, r * 1.1, r * 0.12, GOLD)
}

function idFront(img: Rgb, rng: Rng, layout: number): void {
  const { width: w, height: h } = img
  cardBackground(img, rng)
  const size = h * range(rng, 0.045, 0.055)
  const photoOnLeft = layout === 2
  const photoX = photoOnLeft ? w * 0.06 : w * range(rng, 0.62, 0.66)
  const photoY = h * 0.14
  const textX = photoOnLeft ? w * 0.42 : w * 0.07
  const pw = w * 0.3
  const ph = h * 0.58
  fillRect(img, photoX, photoY, pw, ph, [232, 236, 240])
  const skin: Colour = [range(rng, 185, 230), range(rng, 145, 190), range(rng, 120, 160)]
  fillEllipse(img, photoX + pw / 2, photoY + ph * 0.95, pw * 0.45, ph * 0.28, [40, 44, 60])
  fillEllipse(img, photoX + pw / 2, photoY + ph * 0.45, pw * 0.26, ph * 0.3, skin)
  fillEllipse(img, photoX + pw / 2, photoY + ph * 0.24, pw * 0.28, ph * 0.14, [25, 22, 22])
  const labels = layout === 1 ? [0.12, 0.25, 0.38, 0.55] : [0.14, 0.27, 0.4, 0.52, 0.62]
  for (const row of labels) {
    fillRect(img, textX, h * row, size * 2.3, size, [120, 150, 170])
    textLine(img, rng, textX + size * 3.2, h * row, w * range(rng, 0.16, 0.3), size, INK)
  }
  fillRect(img, textX, h * 0.8, size * 5, size, [120, 150, 170])
  digitLine(img, rng, textX + size * 6, h * 0.8, 18, size * 1.15, INK)
}

function idBack(img: Rgb, rng: Rng, layout: number): void {
  const { width: w, height: h } = img
  cardBackground(img, rng)
  emblem(img, w * 0.14, h * 0.24, h * range(rng, 0.14, 0.17))
  const title = h * 0.085
  textLine(img, rng, w * 0.3, h * 0.14, w * 0.6, title * 0.8, INK)
  textLine(img, rng, w * 0.3, h * 0.3, w * 0.55, title, INK)
  const size = h * 0.048
  const rows = layout === 1 ? [0.66, 0.78] : [0.7, 0.82]
  for (const row of rows) {
    fillRect(img, w * 0.24, h * row, size * 4, size, [120, 150, 170])
    textLine(img, rng, w * 0.24 + size * 5, h * row, w * 0.4, size, INK)
  }
}

function licenceBorder(img: Rgb, rng: Rng, colour: Colour): number {
  const { width: w, height: h } = img
  const band = Math.min(w, h) * range(rng, 0.035, 0.05)
  fillRect(img, 0, 0, w, band, colour)
  fillRect(img, 0, h - band, w, band, colour)
  fillRect(img, 0, 0, band, h, colour)
  fillRect(img, w - band, 0, band, h, colour)
  guilloche(img, rng, [0, 0, w, band], [250, 235, 200], 0.5)
  guilloche(img, rng, [0, h - band, w, h], [250, 235, 200], 0.5)
  return band
}

function seal(img: Rgb, rng: Rng, cx: number, cy: number, r: number): void {
  const alpha = range(rng, 0.7, 0.9)
  ring(img, cx, cy, r, r * 0.08, SEAL_RED, alpha)
  star(img, cx, cy, r * 0.3, SEAL_RED, alpha)
  for (let k = 0; k < 12; k++) {
    const a = Math.PI * (1.1 + (k / 11) * 0.8)
    fillRect(
      img,
      cx + Math.cos(a) * r * 0.72 - r * 0.06,
      cy + Math.sin(a) * r * 0.72 - r * 0.06,
      r * 0.12,
      r * 0.12,
      SEAL_RED,
      alpha
    )
  }
}

function licence(img: Rgb, rng: Rng, layout: number): void {
  const { width: w, height: h } = img
  const border: Colour = pick(rng, [
    [178, 112, 58],
    [160, 60, 50],
    [70, 120, 150]
  ] as const)
  const band = licenceBorder(img, rng, border)
  const u = Math.min(w, h)
  emblem(img, w / 2, band + u * 0.11, u * 0.06)
  textLine(img, rng, w / 2 - u * 0.2, band + u * 0.2, u * 0.4, u * 0.07, [150, 30, 30])
  const size = u * range(rng, 0.018, 0.024)
  const left = band + w * 0.08
  const top = band + u * 0.33
  const rows = layout === 1 ? 10 : 8
  for (let r = 0; r < rows; r++) {
    const y = top + r * size * 2.2
    if (y > h - band - u * 0.25) break
    fillRect(img, left, y, size * 4, size, INK)
    textLine(img, rng, left + size * 5.5, y, (w - 2 * band) * range(rng, 0.3, 0.6), size, INK)
  }
  qrBlock(img, rng, layout === 2 ? left : w - band - u * 0.22, h - band - u * 0.24, u * 0.16)
  seal(img, rng, w - band - u * (layout === 2 ? 0.2 : 0.38), h - band - u * 0.2, u * range(rng, 0.09, 0.11))
}

/** A colour document re-drawn as a photocopier sees it: grey, contrast pushed, toner speckle, paper white. */
function photocopyOf(src: Rgb, rng: Rng): Rgb {
  const out = createRgb(src.width, src.height)
  const paper = range(rng, 238, 250)
  const gamma = range(rng, 1.3, 1.8)
  for (let i = 0; i < src.width * src.height; i++) {
    const l = luma(src.data[i * 3], src.data[i * 3 + 1], src.data[i * 3 + 2]) / 255
    let v = paper * Math.pow(l, gamma)
    if (rng() < 0.002) v *= 0.4
    out.data[i * 3] = out.data[i * 3 + 1] = out.data[i * 3 + 2] = v
  }
  return out
}

function paste(dst: Rgb, src: Rgb, x0: number, y0: number): void {
  for (let y = 0; y < src.height; y++)
    for (let x = 0; x < src.width; x++) {
      const d = ((y + Math.round(y0)) * dst.width + x + Math.round(x0)) * 3
      const s = (y * src.width + x) * 3
      if (d < 0 || d >= dst.data.length) continue
      dst.data[d] = src.data[s]
      dst.data[d + 1] = src.data[s + 1]
      dst.data[d + 2] = src.data[s + 2]
    }
}

/** A4 sheet from the copier: both sides of an ID card, or (blank) one small card copy on plain white paper. */
function idPhotocopy(img: Rgb, rng: Rng, blank: boolean): void {
  const { width: w, height: h } = img
  const cw = Math.round(w * (blank ? range(rng, 0.3, 0.4) : range(rng, 0.5, 0.6)))
  const ch = Math.round(cw / DOCUMENT_ASPECT['id-front'])
  const sides: DocumentType[] = blank ? [pick(rng, ['id-front', 'id-back'] as const)] : ['id-front', 'id-back']
  sides.forEach((side, k) => {
    const card = createRgb(cw, ch)
    if (side === 'id-front') idFront(card, rng, intRange(rng, 0, 2))
    else idBack(card, rng, intRange(rng, 0, 1))
    const x = (w - cw) / 2 + range(rng, -0.05, 0.05) * w
    const y = blank ? h * range(rng, 0.06, 0.12) : h * (0.12 + k * 0.4)
    paste(img, photocopyOf(card, rng), x, y)
  })
}

/** Draws document `type` in layout variant `layout` at `width` pixels wide. */
export function renderDocument(type: DocumentType, layout: number, width: number, rng: Rng): Rgb {
  const height = Math.round(width / DOCUMENT_ASPECT[type])
  const paper: Colour = [range(rng, 246, 252), range(rng, 242, 248), range(rng, 228, 238)]
  if (type === 'id-front' || type === 'id-back') {
    const img = createRgb(width, height)
    if (type === 'id-front') idFront(img, rng, layout)
    else idBack(img, rng, layout)
    return img
  }
  if (type === 'licence-landscape' || type === 'licence-portrait') {
    const img = createRgb(width, height, paper)
    licence(img, rng, layout)
    return img
  }
  if (type === 'licence-photocopy') {
    const img = createRgb(width, height, paper)
    licence(img, rng, layout)
    return photocopyOf(img, rng)
  }
  const grey = range(rng, 240, 251)
  const img = createRgb(width, height, [grey, grey, grey])
  idPhotocopy(img, rng, type === 'blank-photocopy')
  return img
}
