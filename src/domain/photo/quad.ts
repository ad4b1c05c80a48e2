/** Plane geometry for the document outline: convex hull, its four corners, and filling a convex polygon. */

export interface Point {
  x: number
  y: number
}

const cross = (o: Point, a: Point, b: Point): number => (a.x - o.x) * (b.y - o.y) - (a.y - o.y) * (b.x - o.x)

/** Convex hull (Andrew's monotone chain), counter-clockwise in image coordinates, no repeated end point. */
export function convexHull(points: Point[]): Point[] {
  const sorted = [...points].sort((a, b) => a.x - b.x || a.y - b.y)
  if (sorted.length < 3) return sorted
  const lower: Point[] = []
  for (const p of sorted) {
    while (lower.length >= 2 && cross(lower[lower.length - 2], lower[lower.length - 1], p) <= 0) lower.pop()
    lower.push(p)
  }
  const upper: Point[] = []
  for (let k = sorted.length - 1; k >= 0; k--) {
    const p = sorted[k]
    while (upper.length >= 2 && cross(upper[upper.length - 2], upper[upper.length - 1], p) <= 0) upper.pop()
    upper.push(p)
  }
  return lower.slice(0, -1).concat(upper.slice(0, -1))
}

/** Area of a simple polygon (shoelace), always positive. */
export function polygonArea(polygon: Point[]): number {
  let twice = 0
  for (let k = 0; k < polygon.length; k++) {
    const a = polygon[k]
    const b = polygon[(k + 1) % polygon.length]
    twice += a.x * b.y - b.x * a.y
  }
  return Math.abs(twice) / 2
}

/**
 * The four corners of the document from its hull: the orientation of the hull's minimum-area bounding rectangle
 * (one of its sides lies along a hull edge), then in that frame the hull point furthest along each diagonal. A
 * rotated card gives its corners; a tilted one (a trapezoid in the photo) its real corners, not the rectangle's.
 * Returned in order around the outline.
 */
export function quadCorners(hull: Point[]): Point[] {
  if (hull.length < 3) return hull
  let bestArea = Infinity
  let bestAngle = 0
  for (let k = 0; k < hull.length; k++) {
    const a = hull[k]
    const b = hull[(k + 1) % hull.length]
    const angle = Math.atan2(b.y - a.y, b.x - a.x)
    const [cos, sin] = [Math.cos(angle), Math.sin(angle)]
    let [uLo, uHi, vLo, vHi] = [Infinity, -Infinity, Infinity, -Infinity]
    for (const p of hull) {
      const u = p.x * cos + p.y * sin
      const v = -p.x * sin + p.y * cos
      uLo = Math.min(uLo, u)
      uHi = Math.max(uHi, u)
      vLo = Math.min(vLo, v)
      vHi = Math.max(vHi, v)
    }
    const area = (uHi - uLo) * (vHi - vLo)
    if (area < bestArea) {
      bestArea = area
      bestAngle = angle
    }
  }
  const [cos, sin] = [Math.cos(bestAngle), Math.sin(bestAngle)]
  // diagonals in order around the rectangle: (−,−), (+,−), (+,+), (−,+)
  return [
    [-1, -1],
    [1, -1],
    [1, 1],
    [-1, 1]
  ].map(([su, sv]) => {
    let best = hull[0]
    let bestScore = -Infinity
    for (const p of hull) {
      const score = su * (p.x * cos + p.y * sin) + sv * (-p.x * sin + p.y * cos)
      if (score > bestScore) {
        bestScore = score
        best = p
      }
    }
    return best
  })
}

/** The polygon shrunk towards its centroid by `by` px (approximately, for a convex polygon). */
export function shrinkPolygon(polygon: Point[], by: number): Point[] {
  const cx = polygon.reduce((s, p) => s + p.x, 0) / polygon.length
  const cy = polygon.reduce((s, p) => s + p.y, 0) / polygon.length
  return polygon.map((p) => {
    const dx = p.x - cx
    const dy = p.y - cy
    const length = Math.hypot(dx, dy)
    const k = length > by ? (length - by) / length : 0
    return { x: cx + dx * k, y: cy + dy * k }
  })
}

/**
 * Fills a convex polygon into `mask` (1 = pixel centre inside), row by row: each row's span is where the scan line
 * at the pixel centres crosses the polygon's edges. Returns the number of pixels filled.
 */
export function fillConvexPolygon(polygon: Point[], mask: Uint8Array, width: number, height: number): number {
  let filled = 0
  if (polygon.length < 3) return 0
  for (let y = 0; y < height; y++) {
    const yc = y + 0.5
    let lo = Infinity
    let hi = -Infinity
    for (let k = 0; k < polygon.length; k++) {
      const a = polygon[k]
      const b = polygon[(k + 1) % polygon.length]
      if ((a.y <= yc && b.y >= yc) || (b.y <= yc && a.y >= yc)) {
        const x = a.y === b.y ? Math.min(a.x, b.x) : a.x + ((yc - a.y) * (b.x - a.x)) / (b.y - a.y)
        const x2 = a.y === b.y ? Math.max(a.x, b.x) : x
        lo = Math.min(lo, x)
        hi = Math.max(hi, x2)
      }
    }
    if (lo > hi) continue
    const from = Math.max(0, Math.ceil(lo - 0.5))
    const to = Math.min(width - 1, Math.floor(hi - 0.5))
    for (let x = from; x <= to; x++) mask[y * width + x] = 1
    filled += Math.max(0, to - from + 1)
  }
  return filled
}

/** Long over short side of a quadrilateral, each the mean of two opposite sides (≥ 1; 0 when degenerate). */
export function quadAspect(quad: Point[]): number {
  if (quad.length !== 4) return 0
  const side = (k: number): number => Math.hypot(quad[(k + 1) % 4].x - quad[k].x, quad[(k + 1) % 4].y - quad[k].y)
  const first = (side(0) + side(2)) / 2
  const second = (side(1) + side(3)) / 2
  const short = Math.min(first, second)
  return short > 0 ? Math.max(first, second) / short : 0
}

/** A straight line through `point` along `direction` (not necessarily of unit length). */
export interface Line {
  point: Point
  direction: Point
}

/** Where two lines cross; undefined when they are (nearly) parallel. */
export function intersectLines(first: Line, second: Line): Point | undefined {
  const { point: p, direction: u } = first
  const { point: q, direction: v } = second
  const denominator = u.x * v.y - u.y * v.x
  if (Math.abs(denominator) < 1e-9 * Math.hypot(u.x, u.y) * Math.hypot(v.x, v.y)) return undefined
  const s = ((q.x - p.x) * v.y - (q.y - p.y) * v.x) / denominator
  return { x: p.x + s * u.x, y: p.y + s * u.y }
}
