/** Drawing primitives for document artwork, in the document's own upright pixel space. */
import type { Rng } from './prng'
import { range } from './prng'
import type { Colour, Rgb } from './raster'

function blendPixel(img: Rgb, x: number, y: number, colour: Colour, alpha: number): void {
  const i = (y * img.width + x) * 3
  const d = img.data
  d[i] += (colour[0] - d[i]) * alpha
  d[i + 1] += (colour[1] - d[i + 1]) * alpha
  d[i + 2] += (colour[2] - d[i + 2]) * alpha
}

/** Fills every pixel whose centre `inside` accepts, within a bounding box (clipped to the image). */
function fillWhere(
  img: Rgb,
  box: [number, number, number, number],
  inside: (x: number, y: number) => boolean,
  colour: Colour,
  alpha: number
): void {
  const x0 = Math.max(0, Math.floor(box[0]))
  const y0 = Math.max(0, Math.floor(box[1]))
  const x1 = Math.min(img.width - 1, Math.ceil(box[2]))
  const y1 = Math.min(img.height - 1, Math.ceil(box[3]))
  for (let y = y0; y <= y1; y++)
    for (let x = x0; x <= x1; x++) if (inside(x + 0.5, y + 0.5)) blendPixel(img, x, y, colour, alpha)
}

export function fillRect(img: Rgb, x: number, y: number, w: number, h: number, colour: Colour, alpha = 1): void {
  fillWhere(img, [x, y, x + w, y + h], (px, py) => px >= x && px < x + w && py >= y && py < y + h, colour, alpha)
}

export function fillEllipse(img: Rgb, cx: number, cy: number, rx: number, ry: number, colour: Colour, alpha = 1): void {
  const inside = (px: number, py: number): boolean => ((px - cx) / rx) ** 2 + ((py - cy) / ry) ** 2 <= 1
  fillWhere(img, [cx - rx, cy - ry, cx + rx, cy + ry], inside, colour, alpha)
}

export function ring(img: Rgb, cx: number, cy: number, r: number, width: number, colour: Colour, alpha = 1): void {
  const inside = (px: number, py: number): boolean => Math.abs(Math.hypot(px - cx, py - cy) - r) <= width / 2
  fillWhere(img, [cx - r - width, cy - r - width, cx + r + width, cy + r + width], inside, colour, alpha)
}

/** A five-pointed star (the emblem's and the seal's), point up. */
export function star(img: Rgb, cx: number, cy: number, r: number, colour: Colour, alpha = 1): void {
  const pts: Array<[number, number]> = []
  for (let k = 0; k < 10; k++) {
    const a = -Math.PI / 2 + (k * Math.PI) / 5
    const rr = k % 2 === 0 ? r : r * 0.4
    pts.push([cx + rr * Math.cos(a), cy + rr * Math.sin(a)])
  }
  const inside = (px: number, py: number): boolean => {
    let odd = false
    for (let i = 0, j = pts.length - 1; i < pts.length; j = i++) {
      const [xi, yi] = pts[i]
      const [xj, yj] = pts[j]
      if (yi > py !== yj > py && px < ((xj - xi) * (py - yi)) / (yj - yi) + xi) odd = !odd
    }
    return odd
  }
  fillWhere(img, [cx - r, cy - r, cx + r, cy + r], inside, colour, alpha)
}

/** One Chinese-character-like glyph: a few horizontal and vertical strokes inside a square cell. */
function glyph(img: Rgb, rng: Rng, x: number, y: number, size: number, colour: Colour): void {
  const stroke = Math.max(1.2, size * 0.09)
  const strokes = 3 + Math.floor(rng() * 4)
  for (let s = 0; s < strokes; s++) {
    if (rng() < 0.55) {
      const sy = y + range(rng, 0.05, 0.9) * size
      const sx = x + range(rng, 0, 0.35) * size
      fillRect(img, sx, sy, range(rng, 0.35, 0.95) * size - (sx - x) * 0.3, stroke, colour)
    } else {
      const sx = x + range(rng, 0.05, 0.9) * size
      const sy = y + range(rng, 0, 0.35) * size
      fillRect(img, sx, sy, stroke, range(rng, 0.35, 0.95) * size - (sy - y) * 0.3, colour)
    }
  }
}

/** A line of text: glyphs of `size` pixels from (x, y) across at most `width` pixels. */
export function textLine(img: Rgb, rng: Rng, x: number, y: number, width: number, size: number, colour: Colour): void {
  const pitch = size * 1.12
  const count = Math.max(1, Math.floor(width / pitch))
  for (let k = 0; k < count; k++) glyph(img, rng, x + k * pitch, y, size, colour)
}

/** Digits (ID and credit-code numbers): narrower cells, thinner and more regular strokes. */
export function digitLine(img: Rgb, rng: Rng, x: number, y: number, count: number, size: number, colour: Colour): void {
  const stroke = Math.max(1.2, size * 0.1)
  for (let k = 0; k < count; k++) {
    const cx = x + k * size * 0.62
    fillRect(img, cx, y, size * 0.45, stroke, colour)
    fillRect(img, cx, y + size - stroke, size * 0.45, stroke, colour)
    fillRect(img, cx + (rng() < 0.5 ? 0 : size * 0.45 - stroke), y, stroke, size, colour)
    if (rng() < 0.6) fillRect(img, cx, y + size / 2, size * 0.45, stroke, colour)
  }
}

/** Fine wavy security lines (the guilloche of an ID card, the border of a licence). */
export function guilloche(
  img: Rgb,
  rng: Rng,
  box: [number, number, number, number],
  colour: Colour,
  alpha: number
): void {
  const [x0, y0, x1, y1] = box
  const period = range(rng, 18, 40)
  const amp = range(rng, 3, 9)
  const gap = range(rng, 7, 14)
  for (let x = Math.max(0, Math.floor(x0)); x < Math.min(img.width, x1); x++) {
    const off = amp * Math.sin((x / period) * 2 * Math.PI)
    for (let base = y0; base < y1; base += gap) {
      const y = Math.round(base + off)
      if (y >= 0 && y < img.height && y >= y0 && y < y1) blendPixel(img, x, y, colour, alpha)
    }
  }
}

/** A QR-code-like block of black and white modules. */
export function qrBlock(img: Rgb, rng: Rng, x: number, y: number, size: number): void {
  const n = 25
  const m = size / n
  fillRect(img, x, y, size, size, [250, 250, 250])
  for (let i = 0; i < n; i++)
    for (let j = 0; j < n; j++) {
      const finder = (i < 7 && j < 7) || (i < 7 && j >= n - 7) || (i >= n - 7 && j < 7)
      const on = finder
        ? i % 6 === 0 || j % 6 === 0 || (i % 7 >= 2 && i % 7 <= 4 && j % 7 >= 2 && j % 7 <= 4)
        : rng() < 0.5
      if (on) fillRect(img, x + j * m, y + i * m, m, m, [20, 20, 20])
    }
}
