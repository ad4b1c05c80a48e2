import { forAnalysis } from './raster'
import type { RgbaImage } from './types'

/** The face as an ellipse in analysis-image pixels. */
export interface FaceRegion {
  cx: number
  cy: number
  rx: number
  ry: number
  /** false when the head could not be traced and the oval guide's fixed position is used. */
  located: boolean
}

/** Channel-sum distance from the wall colour above which a pixel is the person, not the wall. */
const PERSON_DISTANCE = 60

const regions = new WeakMap<RgbaImage, FaceRegion>()

/**
 * Finds the face in a face-check photo. The wall colour is read from the top band; every row's span of pixels that
 * differ from it, in one run through the centre column, traces the person: the head widens from the crown, narrows
 * at the neck, and widens again at the shoulders. The face is the head below its top quarter and above the neck,
 * as wide as the head's widest row. Independent of skin colour and of how the face is lit (a half-shadowed face
 * still differs from the wall). Falls back to where the oval guide puts the face when no head outline is found.
 */
export function locateFace(image: RgbaImage): FaceRegion {
  const small = forAnalysis(image)
  const cached = regions.get(small)
  if (cached) return cached
  const region = traceHead(small) ?? guideFace(small)
  regions.set(small, region)
  return region
}

/** Where the platform's oval guide puts the face: centred, a little above the middle. */
export function guideFace({ width, height }: RgbaImage): FaceRegion {
  return { cx: 0.5 * width, cy: 0.43 * height, rx: 0.16 * width, ry: 0.22 * width, located: false }
}

function wallColour({ width, height, data }: RgbaImage): number[] {
  const rows = Math.max(1, Math.round(0.06 * height))
  const channels = [0, 1, 2].map(() => new Uint32Array(256))
  for (let y = 0; y < rows; y++) {
    for (let x = 0; x < width; x++) {
      const i = (y * width + x) * 4
      for (let ch = 0; ch < 3; ch++) channels[ch][data[i + ch]]++
    }
  }
  return channels.map((bins) => {
    let seen = 0
    for (let v = 0; v < 256; v++) if ((seen += bins[v]) * 2 >= rows * width) return v
    return 255
  })
}

function traceHead(image: RgbaImage): FaceRegion | undefined {
  const { width, height, data } = image
  const wall = wallColour(image)
  // each row's run of person pixels through the centre column: blurred objects on the wall or a darker wall
  // corner elsewhere in the row are not the person
  const centre = Math.round(width / 2)
  const differs = (x: number, y: number): boolean => {
    const i = (y * width + x) * 4
    return (
      Math.abs(data[i] - wall[0]) + Math.abs(data[i + 1] - wall[1]) + Math.abs(data[i + 2] - wall[2]) > PERSON_DISTANCE
    )
  }
  const spans: Array<[number, number] | undefined> = []
  for (let y = 0; y < height; y++) {
    if (!differs(centre, y)) {
      spans.push(undefined)
      continue
    }
    let lo = centre
    let hi = centre
    while (lo > 0 && differs(lo - 1, y)) lo--
    while (hi < width - 1 && differs(hi + 1, y)) hi++
    spans.push([lo, hi])
  }
  const widthAt = (y: number): number => {
    const span = spans[y]
    return span ? span[1] - span[0] + 1 : 0
  }
  const top = spans.findIndex((_, y) => y > 0.04 * height && widthAt(y) >= 0.08 * width)
  if (top < 0 || top > 0.5 * height) return undefined
  let widest = top
  let neck = -1
  for (let y = top; y < Math.min(height, top + 0.6 * height); y++) {
    if (widthAt(y) > widthAt(widest)) widest = y
    // the neck: clearly narrower than the head, after the head has had some height
    if (y - top > 0.08 * height && widthAt(y) < 0.7 * widthAt(widest)) {
      neck = y
      break
    }
  }
  if (neck < 0) return undefined
  const span = spans[widest] as [number, number]
  const faceTop = top + 0.25 * (neck - top)
  const rx = 0.45 * (span[1] - span[0] + 1)
  const ry = (neck - faceTop) / 2
  if (rx < 4 || ry < 4) return undefined
  return { cx: (span[0] + span[1] + 1) / 2, cy: faceTop + ry, rx, ry, located: true }
}
