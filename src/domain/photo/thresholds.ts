/**
 * Decision thresholds of the photo analysers, measured on the analysis image (longest side ANALYSIS_MAX_SIDE px).
 * Each is data with a reason: the value and the measurement it came from. "fixtures" = the generated unit set in
 * test/fixtures/photos (test/unit/photo/*-accuracy.test.ts); "dev split" = the independent evaluation set's dev split
 * (test/photo-eval, `npm run photo-eval -- --split dev`). Change a value only together with the measurement in its reason.
 */
export interface Threshold {
  value: number
  reason: string
}

const t = (value: number, reason: string): Threshold => ({ value, reason })

export const PHOTO_THRESHOLDS = {
  blur: {
    minEdgeRange: t(40, 'a 9×9 luma range of 40 is print or a card edge; paper grain and sensor noise stay below 20'),
    minEdgeFraction: t(0.003, 'fewer edge pixels than 0.3% of the judged area: nothing to judge sharpness by'),
    quantile: t(0.9, 'the 90th percentile of edge steepness: the sharpest edges, not the soft card-to-desk outline'),
    minDirectionalEdges: t(0.25, 'a direction is judged on its own once it holds a quarter of the edges'),
    minSharpness: t(
      0.54,
      'fixtures: clean ≥ 0.60, blurred (σ ≥ 1.6 px at full size) ≤ 0.48 → between; σ = 1.1 px at analysis size ≈ 0.57'
    )
  },
  glare: {
    clippedChannel: t(240, 'fixtures: a specular spot clips every channel above 240; printed paper stays below 235'),
    aboveWhite: t(12, 'a spot is glare only when this many luma levels brighter than the paper white around it'),
    paperWhiteQuantile: t(0.75, 'the document luma at this quantile is its paper white (print is the darker quarter)'),
    minSpotFraction: t(0.001, 'fixtures: the smallest glare spot covers 0.2% of the image; noise specks < 0.05%'),
    maxSpotFraction: t(0.08, 'a clipped area above 8% of the document is over-exposure, reported by the exposure check')
  },
  exposure: {
    darkBrightLuma: t(110, 'fixtures: the brightest 2% of a dark photo stay below 100, of a clean one above 150'),
    brightDarkLuma: t(70, 'fixtures: the darkest 1% of a washed-out photo are above 80, of a clean one below 50'),
    brightClippedFraction: t(0.05, 'fixtures: washed-out photos clip ≥ 10%, clean ones < 2%'),
    minLumaSpread: t(100, 'fixtures: the 1%–99% luma spread of a hazy photo is < 80, of a clean one > 130')
  },
  greyscale: {
    minChannelSum: t(90, 'pixels darker than this channel sum have no reliable colour (noise dominates)'),
    maxChannel: t(250, 'clipped pixels have lost their colour'),
    minChromaDistance: t(0.05, 'fixtures: print colours differ from the paper by ≥ 0.1 in chromaticity, noise < 0.02'),
    minColourLevels: t(24, 'the same deviation in grey levels summed over the channels: noise in dark print < 15'),
    minColourFraction: t(0.01, 'fixtures: originals have ≥ 3% coloured pixels (seal, emblem, band), copies < 0.3%')
  },
  framing: {
    borderBand: t(0.03, 'the background is sampled on a band of 3% of the short side along the border'),
    minColourDistance: t(30, 'fixtures: every desk differs from the paper by ≥ 110 in RGB; noise stays < 15'),
    minBackgroundFraction: t(0.35, 'below 35% of the border band on one background, the document fills the frame'),
    minDocumentFraction: t(0.05, 'fixtures: the smallest card covers 15% of the frame; below 5% nothing was found'),
    cornerMargin: t(1.5, 'a corner within 1.5 px of the frame edge at analysis size touches it: cut off')
  },
  document: {
    minShadowRatio: t(0.3, 'a shadow keeps at least 30% of the desk brightness; darker is an object, not a shadow'),
    maxShadowRatio: t(1.04, 'a pure darkening: brightness at most the desk’s (4% for noise)'),
    minSolidity: t(0.6, 'the located region fills at least 60% of its convex hull, or it is clutter, not a document'),
    innerMargin: t(3, 'judge inside the outline by this many px, so the desk-to-document edge is not judged')
  },
  face: {
    whiteLuma: t(185, 'fixtures: white walls in room light are ≥ 200, coloured walls ≤ 180'),
    whiteMaxSpread: t(40, 'a white wall’s channels differ by ≤ 20; coloured walls by ≥ 60'),
    minWhiteFraction: t(0.6, 'fixtures: ≥ 85% of the band is white on a white wall, ≤ 30% on a coloured one'),
    minFaceLuma: t(55, 'fixtures: the darkest skin tone in good light has a median face luma of 70; dim rooms ≤ 42'),
    minSideBalance: t(0.55, 'the darker half of the face at less than 55% of the brighter one is hard side light')
  }
} as const
