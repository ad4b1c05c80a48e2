import {
  convexHull,
  fillConvexPolygon,
  intersectLines,
  polygonArea,
  quadAspect,
  quadCorners,
  shrinkPolygon,
  type Line,
  type Point
} from './quad'
import { bestSide, unit, type EdgeMap } from './document-sides'
import { labelRegions, toLuma } from './raster'
import { PHOTO_THRESHOLDS } from './thresholds'
import type { RgbaImage } from './types'

/** What the edge locator found or why not, with its measurements (for calibrating its thresholds). */
export interface EdgeLocation {
  found: boolean
  /** Why the candidate was not accepted ('' when found). */
  rejected: string
  /** The candidate's four corners in analysis-image pixels, in order around the outline (also when rejected). */
  corners: Point[]
  /** Share of the frame inside the corners. */
  fraction: number
  /** Per side not on the frame edge: share of its length that runs along an edge of its own direction. */
  sideSupports: number[]
  /** Long over short side (averaged opposite sides); 0 when the frame cuts the quad. */
  aspect: number
  /** Share of the desk (the frame outside the outline, 2 px off it) on an edge: its texture, shadows and clutter. */
  deskEdges: number
}

/**
 * Finds the document by its outline when it does not stand out from the desk by colour (a white card on a white
 * desk). On a half-size, smoothed grey image: the pixels with a strong brightness gradient, without isolated specks
 * of noise; their convex hull reduced to four corners is a first outline. Anything beside the document with edges of
 * its own (a phone's shadow) stretches that hull, so each side is then moved inwards, and turned a little, to the
 * outermost straight line that runs along edges of its own direction for most of the side's length; the corners are
 * where those lines cross. A side on the frame edge stays there (the frame cut the document). The outline is
 * accepted only when at least two sides are its own, every own side is supported, the area is plausible and an
 * uncut outline has a card's or a certificate's proportions. A textured desk puts edges everywhere: its hull is the
 * frame itself, with no side of its own, and is rejected.
 */
export function locateByEdges(image: RgbaImage): EdgeLocation {
  const { width, height } = image
  const t = PHOTO_THRESHOLDS.documentEdges
  const result: EdgeLocation = {
    found: false,
    rejected: '',
    corners: [],
    fraction: 0,
    sideSupports: [],
    aspect: 0,
    deskEdges: 0
  }
  const reject = (why: string): EdgeLocation => ({ ...result, rejected: why })
  const map = edgeMap(image)
  if (!map) return reject('too small')
  const { w, h } = map
  const kept = withoutSpecks(map.strong, w, h, t.minEdgeComponent.value)
  const hull = convexHull(rowExtremes(kept, w, h))
  if (hull.length < 3) return reject('no edges')
  const first = quadCorners(hull)
  const margin = t.frameMargin.value / 2
  const onFrame = (p: Point): boolean => Math.min(p.x, p.y, w - p.x, h - p.y) <= margin
  const lines: Line[] = []
  for (let k = 0; k < 4; k++) {
    const a = first[k]
    const b = first[(k + 1) % 4]
    const opposite = [first[(k + 2) % 4], first[(k + 3) % 4]]
    if (onFrame(a) && onFrame(b)) {
      // from frame edge to frame edge: where the frame cut the document (or the frame itself)
      lines.push({ point: a, direction: unit(b.x - a.x, b.y - a.y) })
      continue
    }
    const side = bestSide(map, a, b, opposite)
    result.sideSupports.push(side.support)
    lines.push(side.line)
  }
  const corners: Point[] = []
  for (let k = 0; k < 4; k++) {
    const corner = intersectLines(lines[(k + 3) % 4], lines[k])
    if (!corner) return reject('parallel sides')
    corners.push({ x: 2 * corner.x, y: 2 * corner.y })
  }
  result.corners = corners
  result.fraction = polygonArea(corners) / (width * height)
  const cut = result.sideSupports.length < 4
  result.aspect = cut ? 0 : quadAspect(corners)
  if (result.fraction < PHOTO_THRESHOLDS.framing.minDocumentFraction.value || result.fraction > t.maxFraction.value)
    return reject('area')
  if (result.sideSupports.length < t.minOwnSides.value) return reject('sides on the frame')
  result.deskEdges = deskEdges(kept, w, h, corners)
  if (result.deskEdges > t.maxDeskEdges.value) return reject('textured desk')
  if (Math.min(...result.sideSupports) < t.minSideSupport.value) return reject('support')
  if (!cut && (result.aspect < t.minAspect.value || result.aspect > t.maxAspect.value)) return reject('aspect')
  const outside = Math.max(...corners.map((c) => Math.max(-c.x, -c.y, c.x - width, c.y - height)))
  if (outside > t.frameMargin.value) return reject('corner outside the frame')
  return { ...result, found: true }
}

/** Share of the half-size pixels outside the outline (grown by 2 px) that are marked in `edges`. */
function deskEdges(edges: Uint8Array, w: number, h: number, corners: Point[]): number {
  const inside = new Uint8Array(w * h)
  const grown = shrinkPolygon(
    corners.map((c) => ({ x: c.x / 2, y: c.y / 2 })),
    -2
  )
  const outside = w * h - fillConvexPolygon(grown, inside, w, h)
  let marked = 0
  for (let p = 0; p < w * h; p++) if (edges[p] && !inside[p]) marked++
  return outside > 0 ? marked / outside : 0
}

/** Half-size grey (2×2 mean of the luma), smoothed, and its strong-gradient pixels; undefined when too small. */
function edgeMap(image: RgbaImage): EdgeMap | undefined {
  const { width } = image
  const w = width >> 1
  const h = image.height >> 1
  if (w < 8 || h < 8) return undefined
  const luma = toLuma(image)
  const rows = new Uint16Array(w * h)
  for (let y = 0, q = 0; y < h; y++) {
    for (let x = 0, p = 2 * y * width; x < w; x++, q++, p += 2) {
      rows[q] = luma[p] + luma[p + 1] + luma[p + width] + luma[p + width + 1]
    }
  }
  // 3×3 box sum of the 2×2 sums (edges clamped): 36 × the mean; kept as sixteenths (× 16/36) for integer gradients
  const across = new Uint16Array(w * h)
  for (let y = 0, p = 0; y < h; y++) {
    for (let x = 0; x < w; x++, p++) across[p] = rows[x > 0 ? p - 1 : p] + rows[p] + rows[x < w - 1 ? p + 1 : p]
  }
  const grey = new Uint16Array(w * h)
  for (let y = 0, p = 0; y < h; y++) {
    const up = y > 0 ? -w : 0
    const down = y < h - 1 ? w : 0
    for (let x = 0; x < w; x++, p++) grey[p] = ((across[p + up] + across[p] + across[p + down]) * 4) / 9
  }
  return strongGradients(grey, w, h)
}

/** Pixels whose central-difference gradient (edges clamped) reaches minGradient, with their directions. */
function strongGradients(grey: Uint16Array, w: number, h: number): EdgeMap {
  const strong = new Uint8Array(w * h)
  // grey is in sixteenths
  const limit = PHOTO_THRESHOLDS.documentEdges.minGradient.value ** 2 * 256
  const found: number[] = []
  for (let y = 0, p = 0; y < h; y++) {
    const up = y > 0 ? -w : 0
    const down = y < h - 1 ? w : 0
    for (let x = 0; x < w; x++, p++) {
      const gx = grey[x < w - 1 ? p + 1 : p] - grey[x > 0 ? p - 1 : p]
      const gy = grey[p + down] - grey[p + up]
      const sq = gx * gx + gy * gy
      if (sq < limit) continue
      strong[p] = 1
      const length = Math.sqrt(sq)
      found.push(x + 0.5, y + 0.5, gx / length, gy / length)
    }
  }
  const count = found.length / 4
  const [xs, ys, gxs, gys] = [0, 1, 2, 3].map((k) => {
    const out = new Float32Array(count)
    for (let e = 0; e < count; e++) out[e] = found[4 * e + k]
    return out
  })
  return { w, h, strong, xs, ys, gxs, gys }
}

/** The edge map without connected groups smaller than `minSize` pixels (noise that crossed the threshold). */
function withoutSpecks(edges: Uint8Array, w: number, h: number, minSize: number): Uint8Array {
  const { labels, sizes } = labelRegions(edges, w, h)
  const out = new Uint8Array(w * h)
  for (let p = 0; p < out.length; p++) if (labels[p] && sizes[labels[p]] >= minSize) out[p] = 1
  return out
}

/** Each row's leftmost and rightmost marked pixel as its outer corners: enough for the hull. */
function rowExtremes(mask: Uint8Array, w: number, h: number): Point[] {
  const points: Point[] = []
  for (let y = 0; y < h; y++) {
    let lo = -1
    let hi = -1
    for (let x = 0, p = y * w; x < w; x++, p++) {
      if (!mask[p]) continue
      if (lo < 0) lo = x
      hi = x
    }
    if (lo >= 0) points.push({ x: lo, y }, { x: lo, y: y + 1 }, { x: hi + 1, y }, { x: hi + 1, y: y + 1 })
  }
  return points
}
