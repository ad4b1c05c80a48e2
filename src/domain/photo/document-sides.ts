/**
 * The sides of a document's outline fitted to its edges: a Hough transform restricted to the neighbourhood of each
 * side of a first outline (document-edges.ts).
 */
import type { Line, Point } from './quad'
import { PHOTO_THRESHOLDS } from './thresholds'

/** The strong-gradient pixels of a half-size, 3×3-smoothed grey image. */
export interface EdgeMap {
  w: number
  h: number
  /** 1 where the gradient is strong. */
  strong: Uint8Array
  /** The strong pixels' centres and unit gradient directions. */
  xs: Float32Array
  ys: Float32Array
  gxs: Float32Array
  gys: Float32Array
}

/** A side of the first outline: its midpoint, unit direction, length and which way (±1 × left normal) is inside. */
export interface HullSide {
  mid: Point
  direction: Point
  length: number
  inwards: number
}

export const unit = (x: number, y: number): Point => {
  const length = Math.hypot(x, y) || 1
  return { x: x / length, y: y / length }
}

/**
 * The document's side near the hull side a→b (half-size pixels): among lines turned by up to maxTurn degrees from
 * a→b and moved inwards (towards `opposite`) by up to maxInset of the distance across, the one covered best along
 * a→b's length by strong-edge pixels whose gradient crosses it (within a pixel either side), preferring the
 * outermost lines that reach minSideSupport: a document's printed border lies inside its paper edge. A Hough
 * transform restricted to one side of the outline.
 */
export function bestSide(map: EdgeMap, a: Point, b: Point, opposite: Point[]): { line: Line; support: number } {
  const t = PHOTO_THRESHOLDS.documentEdges
  const mid = { x: (a.x + b.x) / 2, y: (a.y + b.y) / 2 }
  const length = Math.max(1, Math.round(Math.hypot(b.x - a.x, b.y - a.y)))
  const u0 = unit(b.x - a.x, b.y - a.y)
  // the normal pointing into the document, and how far across it reaches
  const towards = (o: Point): number => -(o.x - mid.x) * u0.y + (o.y - mid.y) * u0.x
  const inwards = Math.sign(towards(opposite[0]) + towards(opposite[1])) || 1
  const across = Math.max(...opposite.map((o) => Math.abs(towards(o))))
  const offsets = Math.max(2, Math.round(t.maxInset.value * across)) + 3
  const turns = Math.round(t.maxTurn.value)
  const supports = sideSupports(map, { mid, direction: u0, length, inwards }, offsets, turns)
  const band = edgeBand(supports, offsets, 2 * turns + 1)
  const angle = Math.atan2(u0.y, u0.x) + ((band.turn - turns) * Math.PI) / 180
  const direction = { x: Math.cos(angle), y: Math.sin(angle) }
  const normal = { x: -direction.y * inwards, y: direction.x * inwards }
  // offset index 0 is 2 px outside the hull side
  const d = band.offset - 2
  return { line: { point: { x: mid.x + normal.x * d, y: mid.y + normal.y * d }, direction }, support: band.support }
}

/**
 * Picks the side's line from the coverage table (turn × offset): per turn, the outermost run of offsets covered for
 * at least minSideSupport (an edge a few pixels wide, wider when blurred) and its centre, counting at most
 * maxEdgeWidth offsets (a printed border right inside the paper edge continues the run); of the runs starting
 * within outerSlack of the outermost one, the best covered. When no line reaches minSideSupport, the best covered.
 */
function edgeBand(
  supports: Float32Array,
  offsets: number,
  turns: number
): { turn: number; offset: number; support: number } {
  const { minSideSupport, outerSlack, maxEdgeWidth } = PHOTO_THRESHOLDS.documentEdges
  const runs: Array<{ turn: number; start: number; offset: number; support: number }> = []
  for (let turn = 0; turn < turns; turn++) {
    const row = supports.subarray(turn * offsets, (turn + 1) * offsets)
    const start = row.findIndex((s) => s >= minSideSupport.value)
    if (start < 0) continue
    let end = start
    let support = row[start]
    while (end + 1 < offsets && row[end + 1] >= minSideSupport.value) support = Math.max(support, row[++end])
    runs.push({ turn, start, offset: start + Math.min(end - start, maxEdgeWidth.value) / 2, support })
  }
  if (runs.length === 0) {
    let best = 0
    for (let k = 1; k < supports.length; k++) if (supports[k] > supports[best]) best = k
    return { turn: Math.floor(best / offsets), offset: best % offsets, support: supports[best] }
  }
  const outermost = Math.min(...runs.map((run) => run.start))
  return runs
    .filter((run) => run.start <= outermost + outerSlack.value)
    .reduce((best, run) => (run.support > best.support ? run : best))
}

function sideSupports(map: EdgeMap, side: HullSide, offsets: number, turns: number): Float32Array {
  const { xs, ys, gxs, gys } = map
  const { mid, direction, length, inwards } = side
  const minCos = Math.cos((PHOTO_THRESHOLDS.documentEdges.maxEdgeAngle.value * Math.PI) / 180)
  const out = new Float32Array((2 * turns + 1) * offsets)
  const hits = new Uint8Array(offsets * length)
  // only the edge pixels near the side matter: how far a turned line's ends move from the unturned one
  const slack = (length / 2) * Math.sin((turns * Math.PI) / 180) + 2
  const near: number[] = []
  for (let e = 0; e < xs.length; e++) {
    const dx = xs[e] - mid.x
    const dy = ys[e] - mid.y
    const d = inwards * (dy * direction.x - dx * direction.y)
    const s = dx * direction.x + dy * direction.y
    if (d > -2 - slack && d < offsets + slack && Math.abs(s) < length / 2 + slack) near.push(e)
  }
  for (let turn = -turns; turn <= turns; turn++) {
    const angle = Math.atan2(direction.y, direction.x) + (turn * Math.PI) / 180
    const [ux, uy] = [Math.cos(angle), Math.sin(angle)]
    const [nx, ny] = [-uy * inwards, ux * inwards]
    hits.fill(0)
    for (const e of near) {
      const dx = xs[e] - mid.x
      const dy = ys[e] - mid.y
      const d = Math.round(dx * nx + dy * ny) + 2
      const s = Math.floor(dx * ux + dy * uy + length / 2)
      // the (unit) gradient must cross the line
      if (d < 0 || d >= offsets || s < 0 || s >= length || Math.abs(gxs[e] * nx + gys[e] * ny) < minCos) continue
      hits[d * length + s] = 1
    }
    for (let d = 1; d < offsets - 1; d++) {
      let covered = 0
      for (let s = 0, r = d * length; s < length; s++, r++) if (hits[r - length] | hits[r] | hits[r + length]) covered++
      out[(turn + turns) * offsets + d] = covered / length
    }
  }
  return out
}
