import { fitBackground, type BackgroundModel } from './background'
import { locateByEdges } from './document-edges'
import { convexHull, fillConvexPolygon, polygonArea, quadCorners, shrinkPolygon, type Point } from './quad'
import { forAnalysis, labelRegions, open3 } from './raster'
import { PHOTO_THRESHOLDS } from './thresholds'
import type { RgbaImage } from './types'

/** Where the document lies in the analysis image. */
export interface DocumentLocation {
  /** 'found'; 'fills-frame' when the border is not one background; 'not-found' when nothing stands out from it. */
  status: 'found' | 'fills-frame' | 'not-found'
  width: number
  height: number
  /** The document's four corners in analysis-image pixels, in order around the outline (empty unless found). */
  corners: Point[]
  /** 1 = inside the document's outline, a few px in from its edge (the pixels the analysers judge). */
  inner: Uint8Array
  innerCount: number
  /** Share of the image inside the outline. */
  fraction: number
  /** Share of the border band that fits the background model. */
  backgroundFraction: number
  /**
   * 0–1: how well the located region fills its outline (1 = a solid quadrilateral); found by its edges (on a light
   * desk), the share of its weakest side that runs along an edge.
   */
  confidence: number
}

const located = new WeakMap<RgbaImage, DocumentLocation>()

/**
 * Finds the document in the frame: the background (the desk) is modelled from the border band as a colour plane;
 * a pixel belongs to the document when it is brighter than the desk or of another colour. A pure darkening of the
 * desk's own colour — a soft shadow of a phone or a hand — stays background, so it never joins the document. The
 * largest region after a 3×3 opening (which cuts thin bridges to clutter) is the document; its convex hull is the
 * outline and the hull's four extreme points along the best-fitting rectangle's diagonals are its corners. When
 * nothing stands out that way from a light desk (a white card on a white desk), the document is looked for by its
 * outline's edges instead (document-edges.ts). Computed once per analysis image and shared by the analysers.
 */
export function locateDocument(image: RgbaImage): DocumentLocation {
  const small = forAnalysis(image)
  const cached = located.get(small)
  if (cached) return cached
  const location = locate(small)
  located.set(small, location)
  return location
}

function locate(image: RgbaImage): DocumentLocation {
  const { width, height } = image
  const n = width * height
  const none = (status: DocumentLocation['status'], backgroundFraction: number): DocumentLocation => ({
    status,
    width,
    height,
    corners: [],
    inner: new Uint8Array(n),
    innerCount: 0,
    fraction: 0,
    backgroundFraction,
    confidence: 0
  })
  const { minBackgroundFraction, minDocumentFraction } = PHOTO_THRESHOLDS.framing
  const model = fitBackground(image)
  if (!model || model.bandFraction < minBackgroundFraction.value) return none('fills-frame', model?.bandFraction ?? 0)
  const mask = open3(standsOut(image, model), width, height)
  const { labels, sizes } = labelRegions(mask, width, height)
  let document = 0
  for (let label = 1; label < sizes.length; label++) if (sizes[label] > sizes[document]) document = label
  if (!document || sizes[document] < minDocumentFraction.value * n)
    return byEdges(image, model, none('not-found', model.bandFraction))
  const hull = convexHull(rowExtremes(labels, document, width, height))
  const hullArea = polygonArea(hull)
  const confidence = hullArea > 0 ? Math.min(1, sizes[document] / hullArea) : 0
  if (confidence < PHOTO_THRESHOLDS.document.minSolidity.value)
    return byEdges(image, model, none('not-found', model.bandFraction))
  const inner = new Uint8Array(n)
  const innerCount = fillConvexPolygon(
    shrinkPolygon(hull, PHOTO_THRESHOLDS.document.innerMargin.value),
    inner,
    width,
    height
  )
  return {
    status: 'found',
    width,
    height,
    corners: quadCorners(hull),
    inner,
    innerCount,
    fraction: hullArea / n,
    backgroundFraction: model.bandFraction,
    confidence
  }
}

/**
 * The fallback when nothing stands out from a desk as light as paper (a white card on a white desk): the outline
 * found by its edges (document-edges.ts), or `notFound` as it was. Runs only after the colour locator failed, so
 * every document that locator finds keeps exactly its result; and only on a light desk, where that locator cannot
 * work (on a dark one it fails only when the whole photo is under-exposed, which is judged on the whole frame).
 */
function byEdges(image: RgbaImage, model: BackgroundModel, notFound: DocumentLocation): DocumentLocation {
  const c = model.coefficients
  const [x, y] = [image.width / 2, image.height / 2]
  const [r, g, b] = [0, 3, 6].map((k) => c[k] + c[k + 1] * x + c[k + 2] * y)
  if (0.299 * r + 0.587 * g + 0.114 * b < PHOTO_THRESHOLDS.documentEdges.minDeskLuma.value) return notFound
  const edges = locateByEdges(image)
  if (!edges.found) return notFound
  const { width, height } = image
  const inner = new Uint8Array(width * height)
  const innerCount = fillConvexPolygon(
    shrinkPolygon(edges.corners, PHOTO_THRESHOLDS.document.innerMargin.value),
    inner,
    width,
    height
  )
  return {
    ...notFound,
    status: 'found',
    corners: edges.corners,
    inner,
    innerCount,
    fraction: edges.fraction,
    confidence: Math.min(...edges.sideSupports)
  }
}

/**
 * 1 where the pixel differs from the desk plane by more than the model's tolerance, except where it is the desk's
 * colour darkened (a shadow): the pixel is then close to k × desk colour with k between minShadowRatio and
 * maxShadowRatio.
 */
function standsOut(image: RgbaImage, model: BackgroundModel): Uint8Array {
  const { width, height, data } = image
  const { minShadowRatio, maxShadowRatio } = PHOTO_THRESHOLDS.document
  const mask = new Uint8Array(width * height)
  const c = model.coefficients
  const limit = model.tolerance * model.tolerance
  for (let y = 0, p = 0; y < height; y++) {
    for (let x = 0; x < width; x++, p++) {
      const pr = c[0] + c[1] * x + c[2] * y
      const pg = c[3] + c[4] * x + c[5] * y
      const pb = c[6] + c[7] * x + c[8] * y
      const br = pr > 1 ? pr : 1
      const bg = pg > 1 ? pg : 1
      const bb = pb > 1 ? pb : 1
      const i = p * 4
      const r = data[i]
      const g = data[i + 1]
      const b = data[i + 2]
      const dr = r - br
      const dg = g - bg
      const db = b - bb
      if (dr * dr + dg * dg + db * db <= limit) continue
      // projection on the desk colour: how much of it the pixel has, and what is left over (another hue)
      const k = (r * br + g * bg + b * bb) / (br * br + bg * bg + bb * bb)
      const rr = r - k * br
      const rg = g - k * bg
      const rb = b - k * bb
      const darkening = k >= minShadowRatio.value && k <= maxShadowRatio.value
      if (darkening && rr * rr + rg * rg + rb * rb <= limit) continue
      mask[p] = 1
    }
  }
  return mask
}

/** The leftmost and rightmost pixel of `label` on every row, as the pixels' outer corners: enough for the hull. */
function rowExtremes(labels: Int32Array, label: number, width: number, height: number): Point[] {
  const points: Point[] = []
  for (let y = 0; y < height; y++) {
    let lo = -1
    let hi = -1
    for (let x = 0, p = y * width; x < width; x++, p++) {
      if (labels[p] !== label) continue
      if (lo < 0) lo = x
      hi = x
    }
    if (lo < 0) continue
    points.push({ x: lo, y }, { x: lo, y: y + 1 }, { x: hi + 1, y }, { x: hi + 1, y: y + 1 })
  }
  return points
}
