import { locateDocument } from './document'
import { photoFinding } from './findings'
import { PHOTO_THRESHOLDS } from './thresholds'
import type { AnalyserResult, RgbaImage } from './types'

/**
 * Document framing: the card must lie wholly inside the photo, all four corners visible. Judged on the located
 * document's corners, not on its region touching the border: a corner on (or past) the frame edge is cut off. A
 * shadow beside the card is not part of the located document, so it cannot reach the edge for it. When the border
 * is not mostly one background the document fills the frame and its corners cannot be confirmed.
 */
export function checkFraming(image: RgbaImage): AnalyserResult {
  const location = locateDocument(image)
  const { width, height, corners } = location
  const metrics = {
    backgroundFraction: location.backgroundFraction,
    documentFraction: location.fraction,
    documentConfidence: location.confidence
  }
  if (location.status === 'fills-frame') return { findings: [photoFinding('PHOTO_DOCUMENT_FILLS_FRAME')], metrics }
  if (location.status === 'not-found') return { findings: [photoFinding('PHOTO_DOCUMENT_NOT_FOUND')], metrics }
  const margin = PHOTO_THRESHOLDS.framing.cornerMargin.value
  // distance of the corner nearest the frame edge, in analysis px (≤ margin: touching or cut)
  const cornerClearance = Math.min(...corners.map((c) => Math.min(c.x, c.y, width - c.x, height - c.y)))
  const cut = cornerClearance <= margin
  return {
    findings: cut ? [photoFinding('PHOTO_DOCUMENT_CUT_OFF')] : [],
    metrics: { ...metrics, cornerClearance }
  }
}
