/** @jest-environment node */
import fc from 'fast-check'
import { checkGlare, PHOTO_THRESHOLDS, type RgbaImage } from '../../../src/domain/photo'
import { closeWithDisc } from '../../../src/domain/photo/glare-print'
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

/** Paints a clipped white label with rows of black print across it: white paper, not glare, around its print. */
function withPrintedLabel(image: RgbaImage, x0: number, y0: number, x1: number, y1: number): RgbaImage {
  const data = new Uint8ClampedArray(image.data)
  for (let y = y0; y < y1; y++) {
    for (let x = x0; x < x1; x++) {
      const print = y % 14 < 4 && x % 10 < 6 && y > y0 + 6 && y < y1 - 6 && x > x0 + 6 && x < x1 - 6
      const v = print ? 15 : 255
      data.set([v, v, v], (y * W + x) * 4)
    }
  }
  return { ...image, data }
}

/** Paints a near-black block (a QR code, black bars): the darkest print of the document. */
function withDarkBlock(image: RgbaImage, x0: number, y0: number, x1: number, y1: number): RgbaImage {
  const data = new Uint8ClampedArray(image.data)
  for (let y = y0; y < y1; y++) for (let x = x0; x < x1; x++) data.set([15, 15, 15], (y * W + x) * 4)
  return { ...image, data }
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

describe('checkGlare on near-white paper: the print fading under a saturated core', () => {
  const { minHaloScore, minPrintLift } = PHOTO_THRESHOLDS.glare
  // paper 252/252/244: a spot lifts it only a few levels before it clips, so its halo stays low; the QR-like block
  // is the document's darkest print, as a licence's QR code or black bars
  const nearWhite = (): RgbaImage => withDarkBlock(card(252), 330, 215, 370, 255)

  it.each([
    ['a broad spot', 200, 165, 26, 1.6],
    ['a small spot', 200, 165, 16, 1.2]
  ])('finds %s over the text lines by the faded print, not by its halo', (_, cx, cy, radius, peak) => {
    const { findings, metrics } = checkGlare(withSpot(nearWhite(), cx, cy, radius, peak))
    expect(metrics.glareHaloScore ?? 0).toBeLessThan(minHaloScore.value)
    expect(metrics.glarePrintLift).toBeGreaterThanOrEqual(minPrintLift.value)
    expect(findings.map((f) => f.code)).toEqual(['PHOTO_GLARE'])
  })

  it.each([
    ['a white box over the print (no print runs through it)', () => withWhiteBox(nearWhite(), 200, 130, 270, 210)],
    ['a white label with black print inside it', () => withPrintedLabel(nearWhite(), 180, 120, 290, 230)],
    ['the clean near-white card', nearWhite]
  ])('%s → no glare', (_, image) => {
    const { findings, metrics } = checkGlare(image())
    expect(metrics.glarePrintLift ?? 0).toBeLessThan(minPrintLift.value)
    expect(findings).toEqual([])
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

describe('closeWithDisc', () => {
  /** A mask of 1 = outside the spot, with the spot a set of axis-aligned blocks. */
  const blocks = fc.array(
    fc.record({
      x: fc.integer({ min: 0, max: 30 }),
      y: fc.integer({ min: 0, max: 30 }),
      w: fc.integer({ min: 1, max: 12 }),
      h: fc.integer({ min: 1, max: 12 })
    }),
    { minLength: 1, maxLength: 4 }
  )
  const outsideOf = (spots: Array<{ x: number; y: number; w: number; h: number }>, size: number): Uint8Array => {
    const outside = new Uint8Array(size * size).fill(1)
    for (const b of spots)
      for (let y = b.y; y < Math.min(size, b.y + b.h); y++)
        for (let x = b.x; x < Math.min(size, b.x + b.w); x++) outside[y * size + x] = 0
    return outside
  }

  it('keeps every spot pixel and never reaches further than the radius from the spot', () => {
    fc.assert(
      fc.property(blocks, fc.integer({ min: 1, max: 5 }), (spots, radius) => {
        const size = 44
        const outside = outsideOf(spots, size)
        const closed = closeWithDisc(outside, size, size, radius)
        const toSpot = chamferDistance(outside, size, size, false)
        for (let i = 0; i < outside.length; i++) {
          if (!outside[i]) expect(closed[i]).toBe(1)
          if (closed[i]) expect(toSpot[i]).toBeLessThanOrEqual(radius)
        }
      })
    )
  })

  it('bridges a gap narrower than the disc between two blocks, not a wider one', () => {
    const size = 40
    const gapOf = (gap: number): number => {
      const outside = outsideOf(
        [
          { x: 5, y: 10, w: 10, h: 12 },
          { x: 15 + gap, y: 10, w: 10, h: 12 }
        ],
        size
      )
      return closeWithDisc(outside, size, size, 4)[16 * size + 15]
    }
    expect(gapOf(3)).toBe(1)
    expect(gapOf(12)).toBe(0)
  })
})
