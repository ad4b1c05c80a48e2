/** @jest-environment node */
import { analysePhoto, checkFaceLighting, forAnalysis } from '../../../src/domain/photo'
import { FACE_VARIANTS, faceCases } from '../../fixtures/photos/cases'
import { SKIN_TONES, faceScene, mulberry32, photograph, renderFace } from '../../fixtures/photos/synth'
import { PHONE_FILE, analyseCases, errorFindingsOf, expectAccurate, type Scored } from './scoring'

const SEEDS = Array.from({ length: 24 }, (_, k) => k + 101)

describe('face photo analysers on the generated fixture set', () => {
  let scored: Scored[] = []
  beforeAll(() => {
    scored = analyseCases(SEEDS.flatMap((seed) => faceCases(seed)))
  })

  it('covers every variant for every seed', () => {
    expect(scored).toHaveLength(SEEDS.length * FACE_VARIANTS.length)
  })

  it.each(['checkFaceBackground', 'checkFaceLighting', 'checkBlur', 'checkGreyscale'])(
    '%s classifies at least 95% of the face cases it is judged on',
    (analyser) => expectAccurate(analyser, scored)
  )

  it('gives no error finding on any face photo against a white wall in good light', () => {
    expect(errorFindingsOf(scored, 'white')).toEqual([])
  })

  it('does not run the document checks on a face photo', () => {
    const codes = new Set(scored.flatMap(({ report }) => report.findings.map((f) => f.code)))
    for (const code of ['PHOTO_GLARE', 'PHOTO_DOCUMENT_CUT_OFF', 'PHOTO_TOO_BRIGHT', 'PHOTO_LOW_CONTRAST']) {
      expect(codes.has(code)).toBe(false)
    }
  })
})

describe('face lighting and skin tone', () => {
  // A dark skin tone in good light must not read as a badly lit face.
  it.each(SKIN_TONES.map((tone, k) => [k, tone]))('skin tone %i %j in good light is not too dark', (k) => {
    const scene = { ...faceScene(500 + (k as number), 'white', [480, 640]), skin: SKIN_TONES[k as number] }
    const image = photograph(renderFace(scene), mulberry32(k as number), 3)
    const report = analysePhoto({ image, kind: 'face', platform: 'weapp', file: PHONE_FILE })
    expect(report.findings.map((f) => f.code)).not.toContain('PHOTO_FACE_TOO_DARK')
    expect(report.metrics.faceLuma).toBeGreaterThan(0)
  })

  it('measures the face, not the wall: the face luma follows the skin', () => {
    const light = faceScene(7, 'white', [480, 640])
    const dark = { ...light, skin: SKIN_TONES[SKIN_TONES.length - 1] }
    const lumaOf = (scene: typeof light) => checkFaceLighting(forAnalysis(renderFace(scene))).metrics.faceLuma ?? 0
    expect(lumaOf({ ...light, skin: SKIN_TONES[0] })).toBeGreaterThan(lumaOf(dark) + 80)
  })
})
