/** Where the document lands in the frame: a 3-D tilt seen through a pinhole camera, then a roll and a shift. */
export type Point = [number, number]
/** Row-major 3×3 with h33 = 1. */
export type Homography = [number, number, number, number, number, number, number, number, number]

/** The homography taking the four `from` points onto the four `to` points (direct linear solve, 8 unknowns). */
export function homography(from: Point[], to: Point[]): Homography {
  const a: number[][] = []
  for (let k = 0; k < 4; k++) {
    const [x, y] = from[k]
    const [u, v] = to[k]
    a.push([x, y, 1, 0, 0, 0, -u * x, -u * y, u])
    a.push([0, 0, 0, x, y, 1, -v * x, -v * y, v])
  }
  for (let col = 0; col < 8; col++) {
    let pivot = col
    for (let r = col + 1; r < 8; r++) if (Math.abs(a[r][col]) > Math.abs(a[pivot][col])) pivot = r
    ;[a[col], a[pivot]] = [a[pivot], a[col]]
    for (let r = 0; r < 8; r++) {
      if (r === col) continue
      const f = a[r][col] / a[col][col]
      for (let c = col; c < 9; c++) a[r][c] -= f * a[col][c]
    }
  }
  const h = a.map((row, i) => row[8] / row[i])
  return [h[0], h[1], h[2], h[3], h[4], h[5], h[6], h[7], 1]
}

export function apply(h: Homography, x: number, y: number): Point {
  const w = h[6] * x + h[7] * y + h[8]
  return [(h[0] * x + h[1] * y + h[2]) / w, (h[3] * x + h[4] * y + h[5]) / w]
}

export interface Pose {
  /** Tilt of the document plane about the camera's horizontal and vertical axes, radians. */
  tiltX: number
  tiltY: number
  /** In-plane rotation, radians. */
  roll: number
  /** Centre of the document in the frame, pixels. */
  cx: number
  cy: number
}

/** Corners (TL, TR, BR, BL) of a `width`×`height` document in the frame under `pose`; focal length ≈ 1.1 × frame. */
export function projectCorners(width: number, height: number, pose: Pose, focal: number): Point[] {
  const corners: Point[] = [
    [-width / 2, -height / 2],
    [width / 2, -height / 2],
    [width / 2, height / 2],
    [-width / 2, height / 2]
  ]
  const [cx1, sx1] = [Math.cos(pose.tiltX), Math.sin(pose.tiltX)]
  const [cy1, sy1] = [Math.cos(pose.tiltY), Math.sin(pose.tiltY)]
  const [cr, sr] = [Math.cos(pose.roll), Math.sin(pose.roll)]
  return corners.map(([x, y]) => {
    const y1 = y * cx1
    const z1 = y * sx1
    const x2 = x * cy1 + z1 * sy1
    const z2 = -x * sy1 + z1 * cy1
    const px = (focal * x2) / (focal + z2)
    const py = (focal * y1) / (focal + z2)
    return [pose.cx + px * cr - py * sr, pose.cy + px * sr + py * cr] as Point
  })
}

/** Share of the frame the quadrilateral covers (shoelace area over frame area). */
export function quadFill(quad: Point[], frameW: number, frameH: number): number {
  let area = 0
  for (let i = 0; i < 4; i++) {
    const [x1, y1] = quad[i]
    const [x2, y2] = quad[(i + 1) % 4]
    area += x1 * y2 - x2 * y1
  }
  return Math.abs(area) / 2 / (frameW * frameH)
}
