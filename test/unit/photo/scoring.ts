/** Scores analysers against the generated fixture set: which finding code belongs to which analyser, and accuracy. */
import { analysePhoto, type PhotoReport } from '../../../src/domain/photo'
import type { PhotoCase } from '../../fixtures/photos/cases'

export const ANALYSER_CODES: Record<string, string[]> = {
  checkBlur: ['PHOTO_BLURRY'],
  checkGlare: ['PHOTO_GLARE'],
  checkExposure: ['PHOTO_TOO_DARK', 'PHOTO_TOO_BRIGHT', 'PHOTO_LOW_CONTRAST'],
  checkGreyscale: ['PHOTO_GREYSCALE'],
  checkFraming: ['PHOTO_DOCUMENT_CUT_OFF'],
  checkFaceBackground: ['PHOTO_FACE_BACKGROUND_NOT_WHITE'],
  checkFaceLighting: ['PHOTO_FACE_TOO_DARK']
}

/**
 * The generated images are small to keep the suite fast; they stand for phone photos drawn smaller onto a canvas,
 * so the file itself is a 4000×3000 JPEG of 1.5 MB (what the format check sees).
 */
export const PHONE_FILE = { format: 'jpg', byteSize: 1_500_000, width: 4000, height: 3000 }

export interface Scored {
  testCase: PhotoCase
  report: PhotoReport
  codes: Set<string>
}

export function analyseCases(cases: PhotoCase[]): Scored[] {
  return cases.map((testCase) => {
    const report = analysePhoto({ image: testCase.image, kind: testCase.kind, platform: 'weapp', file: PHONE_FILE })
    return { testCase, report, codes: new Set(report.findings.map((f) => f.code)) }
  })
}

export interface Accuracy {
  judged: number
  correct: number
  /** Cases where the analyser had to raise a finding. */
  positives: number
  misses: string[]
}

/**
 * Per analyser: over the cases whose expectation names one of its codes, the share where every named code is
 * present or absent as expected.
 */
export function accuracyOf(analyser: string, scored: Scored[]): Accuracy {
  const codes = ANALYSER_CODES[analyser]
  const result: Accuracy = { judged: 0, correct: 0, positives: 0, misses: [] }
  for (const { testCase, codes: found, report } of scored) {
    const named = codes.filter((code) => testCase.expect[code] !== undefined)
    if (!named.length) continue
    result.judged++
    if (named.some((code) => testCase.expect[code])) result.positives++
    const wrong = named.filter((code) => found.has(code) !== testCase.expect[code])
    if (wrong.length) result.misses.push(`${testCase.name}: ${wrong.join(',')} ${JSON.stringify(report.metrics)}`)
    else result.correct++
  }
  return result
}

/**
 * The bar for one analyser: at least 95% correct over the cases it is judged on, with enough positive and
 * negative cases (one per seed) that the rate means something. Misses are listed when it fails.
 */
export function expectAccurate(analyser: string, scored: Scored[], minEach = 24): void {
  const accuracy = accuracyOf(analyser, scored)
  expect(accuracy.positives).toBeGreaterThanOrEqual(minEach)
  expect(accuracy.judged - accuracy.positives).toBeGreaterThanOrEqual(minEach)
  const rate = accuracy.correct / accuracy.judged
  if (rate < 0.95) throw new Error(`${analyser}: ${(rate * 100).toFixed(1)}%\n${accuracy.misses.join('\n')}`)
  expect(rate).toBeGreaterThanOrEqual(0.95)
}

/** Error findings on the cases of one variant (the clean ones must have none). */
export function errorFindingsOf(scored: Scored[], variant: string): string[] {
  return scored
    .filter(({ testCase }) => testCase.variant === variant)
    .flatMap(({ testCase, report }) =>
      report.findings.filter((f) => f.severity === 'error').map((f) => `${testCase.name}: ${f.code}`)
    )
}
