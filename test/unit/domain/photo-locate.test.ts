/** @jest-environment node */
import fc from 'fast-check'
import { checkFraming, forAnalysis, locateDocument, type RgbaImage } from '../../../src/domain/photo'
import { locateByEdges } from '../../../src/domain/photo/document-edges'
import {
  convexHull,
  intersectLines,
  polygonArea,
  quadAspect,
  quadCorners,
  type Point
} from '../../../src/domain/photo/quad'
import { mulberry32 } from '../../fixtures/photos/synth'

const W = 640
const H = 480
/** Analysis size over drawn size (640 → 512). */
const K = 512 / W

interface Card {
  cx: number
  cy: number
  w: number
  h: number
  angle: number
}

/** The card's corners in drawn pixels, in order around it. */
function cardCorners({ cx, cy, w, h, angle }: Card): Point[] {
  const [cos, sin] = [Math.cos(angle), Math.sin(angle)]
  return [
    [-1, -1],
    [1, -1],
    [1, 1],
    [-1, 1]
  ].map(([su, sv]) => ({
    x: cx + ((su * w) / 2) * cos - ((sv * h) / 2) * sin,
    y: cy + ((su * w) / 2) * sin + ((sv * h) / 2) * cos
  }))
}

/**
 * A near-white card (238) on a white desk (225, lit a little unevenly), with sensor noise: the colours are closer
 * than the colour locator's tolerance, so only the card's thin darker edge, a 3 px shadow along its lower side and
 * rows of small print tell it from the desk. `card` undefined: the desk alone.
 */
function whiteOnWhite(card: Card | undefined, seed: number): RgbaImage {
  const random = mulberry32(seed)
  const data = new Uint8ClampedArray(W * H * 4)
  const [cos, sin] = card ? [Math.cos(card.angle), Math.sin(card.angle)] : [1, 0]
  for (let y = 0; y < H; y++) {
    for (let x = 0; x < W; x++) {
      let v = 225 + (8 * x) / W - (6 * y) / H
      if (card) {
        const dx = x + 0.5 - card.cx
        const dy = y + 0.5 - card.cy
        const u = Math.abs(dx * cos + dy * sin)
        const s = -dx * sin + dy * cos
        const inside = u < card.w / 2 && Math.abs(s) < card.h / 2
        const rim = Math.min(card.w / 2 - u, card.h / 2 - Math.abs(s))
        if (inside) {
          v = rim < 1.5 ? 205 : 238
          // rows of print: small dark blocks, none big enough to pass for the document
          const row = s + card.h / 2 - 0.25 * card.h
          const column = dx * cos + dy * sin + card.w / 2 - 0.1 * card.w
          if (row > 0 && row < 0.5 * card.h && row % 22 < 5 && column > 0 && column < 0.7 * card.w && column % 14 < 9)
            v = 70
        } else if (u < card.w / 2 && s > 0 && s < card.h / 2 + 3) v *= 0.9
      }
      const i = (y * W + x) * 4
      const noise = (random() - 0.5) * 8
      data[i] = v + noise
      data[i + 1] = v + noise
      data[i + 2] = v + noise - 3
      data[i + 3] = 255
    }
  }
  return { width: W, height: H, data }
}

const nearest = (corners: Point[], p: Point): number =>
  Math.min(...corners.map((c) => Math.hypot(c.x - p.x, c.y - p.y)))

describe('finding a white card on a white desk by its edges', () => {
  it.each([
    [{ cx: 320, cy: 240, w: 400, h: 252, angle: 0.12 }, 1],
    [{ cx: 300, cy: 250, w: 360, h: 227, angle: -0.2 }, 2],
    [{ cx: 330, cy: 235, w: 300, h: 420, angle: 0.05 }, 3]
  ])('locates %o, its corners within 8 px', (card, seed) => {
    const image = forAnalysis(whiteOnWhite(card, seed))
    const edges = locateByEdges(image)
    expect(edges).toMatchObject({ found: true, rejected: '' })
    const location = locateDocument(image)
    expect(location.status).toBe('found')
    // 8 px of 512 (1.6%; the colour locator's test allows 2%): the edge is a band a few half-size pixels wide, and
    // the card's dark rim pulls it inwards
    for (const expected of cardCorners(card)) {
      expect(nearest(location.corners, { x: expected.x * K, y: expected.y * K })).toBeLessThan(8)
    }
    expect(checkFraming(image).findings).toEqual([])
  })

  it('a blank white frame holds no document', () => {
    for (const seed of [4, 5]) {
      const image = forAnalysis(whiteOnWhite(undefined, seed))
      expect(locateByEdges(image).found).toBe(false)
      expect(locateDocument(image).status).toBe('not-found')
      expect(checkFraming(image).findings.map((f) => f.code)).toEqual(['PHOTO_DOCUMENT_NOT_FOUND'])
    }
  })

  it('a card cut by the frame edge on a white desk is cut off', () => {
    for (const card of [
      { cx: 330, cy: 90, w: 400, h: 252, angle: 0.08 },
      { cx: 80, cy: 260, w: 360, h: 227, angle: -0.1 }
    ]) {
      const image = forAnalysis(whiteOnWhite(card, 6))
      expect(locateDocument(image).status).toBe('found')
      expect(checkFraming(image).findings.map((f) => f.code)).toEqual(['PHOTO_DOCUMENT_CUT_OFF'])
    }
  })

  it('a square or a long strip is not taken for a card or a certificate', () => {
    for (const card of [
      { cx: 320, cy: 240, w: 260, h: 260, angle: 0.1 },
      { cx: 320, cy: 240, w: 440, h: 120, angle: 0.1 }
    ]) {
      const edges = locateByEdges(forAnalysis(whiteOnWhite(card, 7)))
      expect(edges).toMatchObject({ found: false, rejected: 'aspect' })
    }
  })
})

/** A rectangle of the given size, turned and moved anywhere on a 1000 px plane. */
const rectangles = fc.record({
  cx: fc.double({ min: 200, max: 800, noNaN: true }),
  cy: fc.double({ min: 200, max: 800, noNaN: true }),
  w: fc.double({ min: 20, max: 300, noNaN: true }),
  h: fc.double({ min: 20, max: 300, noNaN: true }),
  angle: fc.double({ min: -0.7, max: 0.7, noNaN: true })
})

describe('outline geometry', () => {
  it('quadCorners gives back a turned rectangle’s corners, in order around it, whatever lies inside', () => {
    fc.assert(
      fc.property(
        rectangles,
        fc.array(fc.tuple(fc.double({ min: -0.49, max: 0.49 }), fc.double({ min: -0.49, max: 0.49 }))),
        (card, inner) => {
          const corners = cardCorners(card)
          const [cos, sin] = [Math.cos(card.angle), Math.sin(card.angle)]
          const points = [
            ...corners,
            ...inner.map(([u, v]) => ({
              x: card.cx + u * card.w * cos - v * card.h * sin,
              y: card.cy + u * card.w * sin + v * card.h * cos
            }))
          ]
          const quad = quadCorners(convexHull(points))
          expect(quad).toHaveLength(4)
          for (const corner of corners) expect(nearest(quad, corner)).toBeLessThan(1e-6 * card.cx)
          // in order around the outline: the quad's area is the rectangle's, not a crossed figure's
          expect(polygonArea(quad)).toBeCloseTo(card.w * card.h, 3)
          expect(quadAspect(quad)).toBeCloseTo(Math.max(card.w, card.h) / Math.min(card.w, card.h), 6)
        }
      )
    )
  })

  it('polygonArea does not depend on where the outline starts or which way it runs', () => {
    fc.assert(
      fc.property(rectangles, fc.integer({ min: 0, max: 3 }), (card, shift) => {
        const corners = cardCorners(card)
        const shifted = [...corners.slice(shift), ...corners.slice(0, shift)]
        expect(polygonArea(shifted)).toBeCloseTo(polygonArea(corners), 6)
        expect(polygonArea([...shifted].reverse())).toBeCloseTo(polygonArea(corners), 6)
      })
    )
  })

  it('two sides of a rectangle cross at its corner, and the corner lies on both', () => {
    fc.assert(
      fc.property(rectangles, fc.integer({ min: 0, max: 3 }), (card, k) => {
        const c = cardCorners(card)
        const along = (a: Point, b: Point) => ({ point: a, direction: { x: b.x - a.x, y: b.y - a.y } })
        const crossing = intersectLines(along(c[(k + 3) % 4], c[k]), along(c[k], c[(k + 1) % 4]))
        expect(crossing).toBeDefined()
        expect(Math.hypot(crossing!.x - c[k].x, crossing!.y - c[k].y)).toBeLessThan(1e-6)
        expect(intersectLines(along(c[0], c[1]), along(c[3], c[2]))).toBeUndefined()
      })
    )
  })
})
