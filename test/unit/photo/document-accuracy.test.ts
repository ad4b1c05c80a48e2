/** @jest-environment node */
import {
  checkDocumentBlur,
  checkDocumentGreyscale,
  checkExposure,
  checkFraming,
  checkGlare,
  forAnalysis,
  PHOTO_FINDING_MASKS,
  type PhotoFindingCode
} from '../../../src/domain/photo'
import { DOCUMENT_VARIANTS, documentCases } from '../../fixtures/photos/cases'
import { analyseCases, errorFindingsOf, expectAccurate, type Scored } from './scoring'

const SEEDS = Array.from({ length: 24 }, (_, k) => k + 1)

describe('document photo analysers on the generated fixture set', () => {
  let scored: Scored[] = []
  beforeAll(() => {
    scored = analyseCases(SEEDS.flatMap((seed) => documentCases(seed)))
  })

  it('covers every variant for every seed, at several sizes', () => {
    expect(scored).toHaveLength(SEEDS.length * DOCUMENT_VARIANTS.length)
    const sizes = new Set(scored.map(({ testCase }) => `${testCase.image.width}×${testCase.image.height}`))
    expect(sizes.size).toBeGreaterThanOrEqual(5)
  })

  it.each(['checkBlur', 'checkGlare', 'checkExposure', 'checkGreyscale', 'checkFraming'])(
    '%s classifies at least 95% of the cases it is judged on',
    (analyser) => expectAccurate(analyser, scored)
  )

  it('gives no error finding on any clean photo', () => {
    const clean = scored.filter(({ testCase }) => testCase.variant === 'clean')
    expect(clean).toHaveLength(SEEDS.length)
    expect(errorFindingsOf(scored, 'clean')).toEqual([])
  })

  it('each exported analyser, run alone, finds what analysePhoto reports for it, less what another finding masks', () => {
    const analysers = { checkDocumentBlur, checkGlare, checkExposure, checkDocumentGreyscale, checkFraming }
    for (const { testCase, report } of scored.filter((_, k) => k % 7 === 0)) {
      const small = forAnalysis(testCase.image)
      const alone = Object.values(analysers).flatMap((analyse) => analyse(small).findings.map((f) => f.code))
      const masked = (code: string) =>
        PHOTO_FINDING_MASKS[code as PhotoFindingCode]?.some((mask) => alone.includes(mask)) ?? false
      expect(alone.filter((code) => !masked(code)).sort()).toEqual(report.findings.map((f) => f.code).sort())
    }
  })
})
