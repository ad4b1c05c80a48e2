/** @jest-environment node */
import fc from 'fast-check'
import { checkGlare, PHOTO_THRESHOLDS, type RgbaImage } from '../../../src/domain/photo'
import { chamferDistance, close3 } from '../../../src/domain/photo/raster'

const W = 480
const H = 360
/** A light card (cx ± 150, cy ± 95) on a dark desk, with rows of dark print. */
function card(paper = 225): RgbaImage {
  const data = new Uint8ClampedArray(W * H * 4)
  for (let y = 0; y < H; y++) {
    for (let x = 0; x < W; x++) {
      const i = (y * W + x) * 4
      const onCard = Math.abs(x - 240) < 150 && Math.abs(y - 180) < 95
      const print = onCard && y % 16 < 4 && x % 12 < 8 && Math.abs(x - 240) < 130 && Math.abs(y - 180) < 80
      const v = !onCard ? 40 : print ? 40 : paper
      data.set([v, v, onCard && !print ? v - 8 : v, 255], i)
    }
  }
  return { width: W, height: H, data }
}

/** Adds white light falling off as a Gaussian around (cx, cy): a specular reflection. */
function withSpot(image: RgbaImage, cx: number, cy: number, radius: number, peak: number): RgbaImage {
  const data = new Uint8ClampedArray(image.data)
  for (let y = 0; y < H; y++) {
    for (let x = 0; x < W; x++) {
      const add = 255 * peak * Math.exp(-((x - cx) ** 2 + (y - cy) ** 2) / radius ** 2)
      const i = (y * W + x) * 4
      for (let c = 0; c < 3; c++) data[i + c] = data[i + c] + add
    }
  }
  return { ...image, data }
}

/** Paints a clipped white box with sharp edges (the white behind an ID photo, a white label). */
function withWhiteBox(image: RgbaImage, x0: number, y0: number, x1: number, y1: number): RgbaImage {
  const data = new Uint8ClampedArray(image.data)
  for (let y = y0; y < y1; y++) for (let x = x0; x < x1; x++) data.set([255, 255, 255], (y * W + x) * 4)
  return { ...image, data }
}

/** Adds white light falling off with the distance from the row `cy` across the card: a lit strip along its margin. */
function withLitStrip(image: RgbaImage, cy: number, spread: number, peak: number): RgbaImage {
  const data = new Uint8ClampedArray(image.data)
  for (let y = 0; y < H; y++) {
    for (let x = 90; x < 390; x++) {
      const add = 255 * peak * Math.exp(-((y - cy) ** 2) / spread ** 2)
      const i = (y * W + x) * 4
      for (let c = 0; c < 3; c++) data[i + c] = data[i + c] + add
    }
  }
  return { ...image, data }
}

/** A blank card lit brightest at its centre: a broad dome of light, clipped where it peaks, with no specular halo. */
function domeLitCard(): RgbaImage {
  const data = new Uint8ClampedArray(W * H * 4)
  for (let y = 0; y < H; y++) {
    for (let x = 0; x < W; x++) {
      const onCard = Math.abs(x - 240) < 150 && Math.abs(y - 180) < 95
      const v = onCard ? 200 + 52 * (1 - ((x - 240) ** 2 + (y - 180) ** 2) / 178 ** 2) : 40
      data.set([v, v, v, 255], (y * W + x) * 4)
    }
  }
  return { width: W, height: H, data }
}

const glareOf = (image: RgbaImage): boolean => checkGlare(image).findings.some((f) => f.code === 'PHOTO_GLARE')

describe('checkGlare: a clipped core with a soft halo, not any white area', () => {
  it.each([
    ['a clean card', false, () => card()],
    [
      'a sharp-edged white box on the card (ID photo background)',
      false,
      () => withWhiteBox(card(), 300, 110, 370, 200)
    ],
    ['a card whose paper is itself white', false, () => card(252)],
    ['a specular spot on the print', true, () => withSpot(card(), 200, 170, 30, 1.6)],
    ['a small strong spot', true, () => withSpot(card(), 300, 200, 18, 2)],
    ['a lit strip along the card’s top margin (not a compact spot)', false, () => withLitStrip(card(), 95, 12, 1.6)],
    ['a blank card lit brightest at its centre (a broad dome, no halo)', false, domeLitCard]
  ])('%s → glare %s', (_, expected, image) => {
    expect(glareOf(image())).toBe(expected)
  })
})

describe('checkGlare metrics', () => {
  it('scores the halo of a specular spot above the threshold and a sharp white box below it', () => {
    const { minHaloScore } = PHOTO_THRESHOLDS.glare
    const spot = checkGlare(withSpot(card(), 200, 170, 30, 1.6)).metrics
    const box = checkGlare(withWhiteBox(card(), 300, 110, 370, 200)).metrics
    expect(spot.glareHaloScore).toBeGreaterThanOrEqual(minHaloScore.value)
    expect(spot.glareHaloScore).toBeGreaterThanOrEqual(spot.glareHaloDrop ?? Infinity)
    expect(box.glareHaloScore ?? 0).toBeLessThan(minHaloScore.value)
  })
})

describe('chamferDistance and close3', () => {
  it('gives the half-thickness of a filled square at its centre', () => {
    fc.assert(
      fc.property(fc.integer({ min: 3, max: 30 }), (half) => {
        const size = 2 * half + 1
        const w = size + 4
        const mask = new Uint8Array(w * w)
        for (let y = 2; y < 2 + size; y++) for (let x = 2; x < 2 + size; x++) mask[y * w + x] = 1
        const distance = chamferDistance(mask, w, w)
        expect(distance[(2 + half) * w + 2 + half]).toBeCloseTo(half + 1, 5)
        expect(distance[0]).toBe(0)
      })
    )
  })

  it('fills single-pixel pits and keeps the rest of a solid block', () => {
    const w = 12
    const mask = new Uint8Array(w * w)
    for (let y = 2; y < 10; y++) for (let x = 2; x < 10; x++) mask[y * w + x] = 1
    mask[5 * w + 5] = 0
    const closed = close3(mask, w, w)
    expect(closed[5 * w + 5]).toBe(1)
    expect(closed[0]).toBe(0)
    expect(Array.from(closed).reduce((s, v) => s + v, 0)).toBe(64)
  })
})
