import { photoFinding } from './findings'
import { guideFace, locateFace, type FaceRegion } from './face-region'
import { measureSharpness } from './blur'
import { forAnalysis, histogramQuantile, toLuma } from './raster'
import { PHOTO_THRESHOLDS } from './thresholds'
import type { AnalyserResult, RgbaImage } from './types'

/*
 * The face-check photo is taken inside the platform's oval guide, so the face sits in the centre, a little above
 * the middle, and the wall shows along the top and the upper sides. The background check samples those fixed
 * regions; lighting and sharpness are judged on the located face (face-region.ts).
 */

/** Background: the top band and the upper parts of the side bands must be white (or very light grey). */
export function checkFaceBackground(image: RgbaImage): AnalyserResult {
  const [whiteLuma, whiteMaxSpread, minWhiteFraction] = (
    ['whiteLuma', 'whiteMaxSpread', 'minWhiteFraction'] as const
  ).map((name) => PHOTO_THRESHOLDS.face[name].value)
  const small = forAnalysis(image)
  const { width, height, data } = small
  const top = Math.max(1, Math.round(0.1 * height))
  const side = Math.max(1, Math.round(0.1 * width))
  const sideEnd = Math.round(0.55 * height)
  let white = 0
  let total = 0
  for (let y = 0; y < sideEnd; y++) {
    for (let x = 0; x < width; x++) {
      if (y >= top && x >= side && x < width - side) continue
      const i = (y * width + x) * 4
      const r = data[i]
      const g = data[i + 1]
      const b = data[i + 2]
      const luma = (77 * r + 150 * g + 29 * b) >> 8
      total++
      const hi = r > g ? (r > b ? r : b) : g > b ? g : b
      const lo = r < g ? (r < b ? r : b) : g < b ? g : b
      if (luma >= whiteLuma && hi - lo <= whiteMaxSpread) white++
    }
  }
  const faceBackgroundWhiteFraction = total ? white / total : 0
  const ok = faceBackgroundWhiteFraction >= minWhiteFraction
  return {
    findings: ok ? [] : [photoFinding('PHOTO_FACE_BACKGROUND_NOT_WHITE')],
    metrics: { faceBackgroundWhiteFraction }
  }
}

/** Median luma of the pixels of `face` for which `keep(dx, dy)` holds (dx, dy: −1…1 across the face ellipse). */
function faceMedian(
  luma: Uint8Array,
  width: number,
  face: FaceRegion,
  keep: (dx: number, dy: number) => boolean
): number {
  const bins = new Uint32Array(256)
  let count = 0
  for (let y = Math.max(0, Math.floor(face.cy - face.ry)); y <= Math.ceil(face.cy + face.ry); y++) {
    for (let x = Math.max(0, Math.floor(face.cx - face.rx)); x <= Math.ceil(face.cx + face.rx) && x < width; x++) {
      const p = y * width + x
      if (p >= luma.length) continue
      const dx = (x - face.cx) / face.rx
      const dy = (y - face.cy) / face.ry
      if (dx * dx + dy * dy > 1 || !keep(dx, dy)) continue
      bins[luma[p]]++
      count++
    }
  }
  return count ? histogramQuantile(bins, 0.5) : 0
}

/**
 * Face lighting: the median luma of the face's centre (eyes and brows are a minority there, so the median is skin)
 * must not be dark, and neither side of the face may be much darker than the other: hard light from one side
 * leaves half the face in shadow, which the mean brightness does not show.
 */
export function checkFaceLighting(image: RgbaImage): AnalyserResult {
  const { minFaceLuma, minSideBalance } = PHOTO_THRESHOLDS.face
  const small = forAnalysis(image)
  const luma = toLuma(small)
  // the oval guide's face: the traced head outline is right for sharpness, but where hair ends and skin starts
  // varies too much for the median of the face's centre (dev split: traced centres fell on hair on 20/20 clean faces)
  const face = guideFace(small)
  const centre = { ...face, rx: face.rx * 0.5, ry: face.ry * 0.4 }
  const faceLuma = faceMedian(luma, small.width, centre, () => true)
  // the cheeks: the middle band of the face, left and right of the nose
  const left = faceMedian(luma, small.width, face, (dx, dy) => dx < -0.2 && dy > -0.3 && dy < 0.5)
  const right = faceMedian(luma, small.width, face, (dx, dy) => dx > 0.2 && dy > -0.3 && dy < 0.5)
  const faceSideBalance = Math.max(left, right) > 0 ? Math.min(left, right) / Math.max(left, right) : 1
  const metrics = { faceLuma, faceSideBalance }
  // half a face in shadow fails the face check like a dark face: the same finding, the same fix (face the light)
  const dark = faceLuma < minFaceLuma.value || faceSideBalance < minSideBalance.value
  return { findings: dark ? [photoFinding('PHOTO_FACE_TOO_DARK')] : [], metrics }
}

/**
 * Blur of a face photo, judged on the face and its outline (the face ellipse widened by 30%), edge peaks only: a
 * sharp face in front of a defocused background is sharp, whatever the background. Fixtures: clean faces ≥ 0.64,
 * blurred ≤ 0.43 with the document threshold between them; a whole-frame measure let a defocused wall pull a sharp
 * face down to 0.48.
 */
export function checkFaceBlur(image: RgbaImage): AnalyserResult {
  const small = forAnalysis(image)
  const { width, height } = small
  const face = locateFace(small)
  const region = new Uint8Array(width * height)
  const [rx, ry] = [face.rx * 1.3, face.ry * 1.3]
  for (let y = Math.max(0, Math.floor(face.cy - ry)); y < Math.min(height, Math.ceil(face.cy + ry)); y++) {
    for (let x = Math.max(0, Math.floor(face.cx - rx)); x < Math.min(width, Math.ceil(face.cx + rx)); x++) {
      region[y * width + x] = 1
    }
  }
  const sharpness = measureSharpness(toLuma(small), width, height, region, true)
  const blurry = sharpness !== undefined && sharpness < PHOTO_THRESHOLDS.blur.minSharpness.value
  return { findings: blurry ? [photoFinding('PHOTO_BLURRY')] : [], metrics: { sharpness, faceSharpness: sharpness } }
}
