/**
 * Decision thresholds of the photo analysers, measured on the analysis image (longest side ANALYSIS_MAX_SIDE px).
 * Calibrated on the generated fixture set in test/fixtures/photos (see test/unit/photo/document-accuracy.test.ts and face-accuracy.test.ts); change them
 * only together with that test.
 */
export const PHOTO_THRESHOLDS = {
  blur: {
    /** A neighbourhood counts as an edge when its 9×9 luma range is at least this. */
    minEdgeRange: 40,
    /** Below this share of edge pixels there is nothing to judge sharpness by. */
    minEdgeFraction: 0.003,
    /** Which quantile of the steepness ratios is the image's sharpness. */
    quantile: 0.9,
    /**
     * Sharpness below this is blurry: a sharp edge scores ≈ 0.95, Gaussian blur of σ = 0.7 px ≈ 0.7, σ = 1.1 px ≈ 0.57,
     * σ = 1.5 px ≈ 0.45 (at the analysis size, with sensor noise). Text blurred by 1.5 px here is smeared at full size
     * too. Fixtures: clean photos ≥ 0.60, blurred ones ≤ 0.48.
     */
    minSharpness: 0.54
  },
  glare: {
    /** A pixel is clipped highlight when every channel is at least this. */
    clippedChannel: 240,
    /** Smallest spot that matters, as a share of the image. */
    minSpotFraction: 0.001,
    /** Larger clipped areas are over-exposure, not a reflection. */
    maxSpotFraction: 0.08
  },
  exposure: {
    /** Too dark: even the brightest 2% are below this luma. */
    darkBrightLuma: 110,
    /** Too bright: the darkest 1% are above this luma while this share of the image is clipped. */
    brightDarkLuma: 70,
    brightClippedFraction: 0.05,
    /** Low contrast: the 1%–99% luma spread is below this. */
    minLumaSpread: 100
  },
  greyscale: {
    /** Pixels darker or brighter than these (channel sum / clipped) have no reliable colour. */
    minChannelSum: 90,
    maxChannel: 250,
    /** A pixel is coloured when its chromaticity is this far (|Δr| + |Δg|) from the image's median. */
    minChromaDistance: 0.05,
    /** … and by this many grey levels summed over the channels. */
    minColourLevels: 24,
    /** Below this share of coloured pixels the image is grey-scale. */
    minColourFraction: 0.01
  },
  framing: {
    /** Band along the border (share of the short side) where the background colour is sampled. */
    borderBand: 0.03,
    /** Smallest colour distance between background and document. */
    minColourDistance: 30,
    /** Share of the border band that must be background to judge framing at all. */
    minBackgroundFraction: 0.35,
    /** Below this share of the image, no document was found. */
    minDocumentFraction: 0.05,
    /** The document touches this share of the image's outer ring or more: a side or corner is cut off. */
    maxBorderTouch: 0.015
  },
  face: {
    /** A background pixel is white enough at this luma with at most this channel spread. */
    whiteLuma: 185,
    whiteMaxSpread: 40,
    minWhiteFraction: 0.6,
    /** Median luma of the face centre below this is too dark. Set below the darkest skin tones in good light. */
    minFaceLuma: 55
  }
} as const
