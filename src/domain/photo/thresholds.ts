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
    minEdgeRange: t(40, 'unchanged fixture calibration: a 9×9 luma range of 40 is print or a card edge, not noise'),
    minEdgeFraction: t(
      0.003,
      'unchanged fixture calibration: fewer edge pixels than 0.3% of the judged area is nothing to judge'
    ),
    quantile: t(0.9, 'unchanged fixture calibration: the 90th percentile of edge steepness'),
    minDirectionalEdges: t(
      0.25,
      'new (structural): a direction is judged on its own once it holds a quarter of the edges'
    ),
    minSharpness: t(
      0.54,
      'fixtures: clean ≥ 0.60, blurred ≤ 0.48 → between; faces (edge peaks on the face): clean ≥ 0.64, blurred ≤ 0.43; dev split: blurry documents 20/20, faces 20/20'
    )
  },
  glare: {
    clippedChannel: t(
      250,
      'dev split: a glare core is clipped in its darkest channel (≥ 250 on 87–100% of the spot); 240 let the lit paper of bright licences join the spot'
    ),
    minSpotFraction: t(0.001, 'unchanged fixture calibration (a share of the document, not of the frame)'),
    maxSpotFraction: t(
      0.3,
      'dev split: glare spots cover up to 0.27 of the document; more clipped area than 0.3 is over-exposure'
    ),
    minCoreRadius: t(
      0.03,
      "dev split: glare cores are ≥ 0.06 × √(judged area) thick at their widest, clipped paper grain ≤ 0.03 (fixtures: a grey photocopy sheet's clipped streaks 0.01)"
    ),
    nearRing: t(3, 'new (structural): the ring just outside the clipped core, 3 px wide'),
    farRingScale: t(
      0.7,
      'dev split: the far ring at 0.7 × the core half-thickness (a halo falls off over the spot’s own size); 0.5 and 1.0 separated clean from glare less well'
    ),
    ringWidth: t(4, 'new (structural): the far ring is 4 px wide'),
    steepRing: t(12, 'new (structural): the steepness of the halo is measured against a ring 12–16 px out'),
    minHaloScore: t(
      11,
      'dev split: halo drop + steep drop: clean documents ≤ 7, glare spots ≥ 14 except one (2) → 11 between (halo drop alone: clean ≤ 6, glare ≥ 8)'
    ),
    maxElongation: t(
      5,
      'dev split: glare spots 1.3–3.4 × the disc of their half-thickness; the clipped strip along a cut-off card 6.7'
    ),
    saturatedChannel: t(
      254,
      'dev split: 63–90% of each glare spot (darkest ≥ 250) is saturated (≥ 254); of the clipped paper of clean documents ≤ 60% (the white behind an ID photo 60%, a lit licence 51%, the rest ≤ 4%), so a saturated core stays apart from paper that merely clips'
    ),
    bodyRadius: t(4, 'new (structural): the strokes under a core are read in the core closed with a 4 px disc'),
    minPrintDepth: t(3, 'new (structural): print at least 3 px inside that outline, not the print bordering the core'),
    printBelow: t(240, 'new (structural): darker than 240 in the darkest channel is print, not noise on clipped paper'),
    minFadedPrint: t(
      40,
      'dev split: saturated glare cores that cross print hold ≥ 89 px of it (one holds 6, read as no print: the halo decides)'
    ),
    printLevelQuantile: t(
      0.02,
      "new (structural): the document's own darkest print, its 2nd percentile (lifted with it in an over-exposed photo)"
    ),
    minPrintLift: t(
      25,
      "dev split: print under a glare core is ≥ 39 lighter than the document's darkest print (10th percentile of the print), under any other saturated spot ≤ 12 (over-exposed documents, measured without the over-exposure and print-count gates; no clean document has print under a saturated spot) → 25 between"
    )
  },
  exposure: {
    darkBrightLuma: t(110, 'unchanged fixture calibration; dev split (inside the document): too-dark 20/20'),
    brightDarkLuma: t(70, 'unchanged fixture calibration'),
    brightClippedFraction: t(0.05, 'unchanged fixture calibration'),
    minLumaSpread: t(100, 'unchanged fixture calibration (low contrast is a warning)')
  },
  greyscale: {
    minChannelSum: t(90, 'unchanged fixture calibration: darker pixels have no reliable colour'),
    maxChannel: t(250, 'unchanged fixture calibration: clipped pixels have lost their colour'),
    minChromaDistance: t(0.05, 'unchanged fixture calibration'),
    minColourLevels: t(24, 'unchanged fixture calibration'),
    minColourFraction: t(
      0.01,
      'unchanged fixture calibration; dev split inside the document: greyscale 19/20, no clean document called grey'
    )
  },
  framing: {
    borderBand: t(0.03, 'unchanged: the desk is sampled on a band of 3% of the short side'),
    minColourDistance: t(30, 'unchanged fixture calibration: smallest colour distance between desk and document'),
    minBackgroundFraction: t(0.35, 'unchanged fixture calibration'),
    minDocumentFraction: t(0.05, 'unchanged fixture calibration'),
    cornerMargin: t(
      1.5,
      'new (structural): a hull corner within 1.5 px of the frame edge touches it; dev split: cut-off 18/20, no clean one cut'
    )
  },
  document: {
    minShadowRatio: t(0.3, 'new (structural): a shadow keeps at least 30% of the desk brightness; darker is an object'),
    maxShadowRatio: t(
      1.04,
      'new (structural): a pure darkening, 4% for noise; dev split: no clean photo cut off (before: 4 of 36)'
    ),
    minSolidity: t(0.6, 'new (structural): dev split: located clean documents fill ≥ 0.8 of their hull'),
    innerMargin: t(3, 'new (structural): judge 3 px inside the outline, not the desk-to-document edge')
  },
  documentEdges: {
    minDeskLuma: t(
      150,
      'dev split: desk luma (plane at the centre) of white desks 184–228 at normal exposure, every other desk ≤ 136 (stone), white desks in too-dark photos 42–52; the edge fallback runs only on a desk as light as paper'
    ),
    minGradient: t(
      6,
      'dev split: grey levels per 2 half-size px after 3×3 smoothing; smoothed white-desk noise q75 ≤ 2.6; at 8 a cut-off card lost its faint side (support 0.59), at 6 every white-desk outline closes'
    ),
    minEdgeComponent: t(6, 'new (structural): noise crossing the threshold comes in specks of a few pixels'),
    frameMargin: t(3, 'new (structural): a side with both ends within 3 px of the frame edge is the frame cutting it'),
    maxTurn: t(6, 'new (structural): degrees a side may turn from the first hull side (the hull shares its corners)'),
    maxInset: t(
      0.25,
      'new (structural): how far inwards (share of the distance across) a side may move from the hull stretched by a shadow'
    ),
    maxEdgeAngle: t(
      30,
      'new (structural): an edge pixel supports a side when its gradient is within 30° of crossing it'
    ),
    outerSlack: t(2, 'new (structural): lines starting within 2 px of the outermost supported one compete on coverage'),
    maxEdgeWidth: t(
      6,
      'dev split: a side is the centre of its edge band counted over ≤ 6 half-size px: a heavily shaken licence 4.7 px clear of the frame (outermost line −0.1 px: cut; ≤ 4 px: 2.4), clean ones 15–19 px'
    ),
    maxFraction: t(0.9, 'dev split: the edge hull of a textured desk covers 0.94–1.00 of the frame'),
    maxDeskEdges: t(
      0.2,
      'dev split: share of the desk on an edge: accepted outlines ≤ 0.15 (a phone shadow across the card), a stone desk whose texture stretched the hull 0.32'
    ),
    minOwnSides: t(2, 'new (structural): even a document cut at two sides shows two sides of its own'),
    minSideSupport: t(
      0.7,
      'dev split: weakest side of every accepted outline ≥ 0.83 (phone shadow beside the card), of rejected candidates ≤ 0.51'
    ),
    minAspect: t(
      1.15,
      'ID card 85.6×54 mm 1.59, A4 1.41; dev split: accepted uncut outlines 1.33–1.57 (tilt up to 10°), margin for more tilt'
    ),
    maxAspect: t(2.1, 'as minAspect; dev split: a rejected candidate joining a card with part of the desk 3.77')
  },
  face: {
    whiteLuma: t(185, 'unchanged fixture calibration; dev split: background class 20/20'),
    whiteMaxSpread: t(40, 'unchanged fixture calibration'),
    minWhiteFraction: t(0.6, 'unchanged fixture calibration'),
    minFaceLuma: t(55, 'unchanged fixture calibration (darkest skin tone in good light above it)'),
    minSideBalance: t(0.45, 'dev split: cheek balance of clean faces ≥ 0.69, of side-lit faces ≤ 0.22 → 0.45 between')
  }
} as const
