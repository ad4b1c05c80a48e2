/** @jest-environment node */
import fc from 'fast-check'
import {
  PHOTO_FINDING_TEXT,
  PHOTO_THRESHOLDS,
  analysePhoto,
  checkBlur,
  checkDocumentGreyscale,
  checkExposure,
  checkFaceBackground,
  checkFaceLighting,
  checkFraming,
  checkGlare,
  checkGreyscale,
  type PhotoKind,
  type RgbaImage
} from '../../../src/domain/photo'
import { documentCases } from '../../fixtures/photos/cases'
import { PHONE_FILE } from './scoring'

const randomImage = (width: number, height: number, bytes: number[]): RgbaImage => {
  const data = new Uint8ClampedArray(width * height * 4)
  for (let i = 0; i < data.length; i++) data[i] = bytes[i % bytes.length]
  return { width, height, data }
}

describe('analysePhoto', () => {
  it('reports errors first, in the self-check finding shape, with the metrics and the time taken', () => {
    const [blurred] = documentCases(3, ['blurred'])
    const report = analysePhoto({
      image: blurred.image,
      kind: 'document',
      platform: 'weapp',
      file: { format: 'heic', byteSize: 3_000_000 }
    })
    const codes = report.findings.map((f) => f.code)
    expect(codes).toEqual(expect.arrayContaining(['PHOTO_BLURRY', 'PHOTO_FORMAT_UNSUPPORTED', 'PHOTO_FILE_TOO_LARGE']))
    const severities = report.findings.map((f) => f.severity)
    expect([...severities].sort((a, b) => (a === b ? 0 : a === 'error' ? -1 : 1))).toEqual(severities)
    for (const finding of report.findings) {
      expect(Object.keys(finding).sort()).toEqual(['code', 'field', 'fix', 'message', 'severity'])
      expect(finding.field).toBe('photo')
    }
    expect(report.metrics).toMatchObject({ width: blurred.image.width, height: blurred.image.height })
    expect(Math.max(report.metrics.analysedWidth, report.metrics.analysedHeight)).toBeLessThanOrEqual(512)
    // the blur finding comes from the measured sharpness, judged against the analyser's own threshold
    expect(report.metrics.sharpness).toBeLessThan(PHOTO_THRESHOLDS.blur.minSharpness.value)
    // the time taken is reported (its value is the machine's, never asserted)
    expect(Number.isFinite(report.ms)).toBe(true)
  })

  it('a blank frame has nothing to judge: no blur, glare or greyscale verdict, only that no document was found', () => {
    const report = analysePhoto({
      image: randomImage(400, 300, [128, 128, 128, 255]),
      kind: 'document',
      platform: 'weapp',
      file: PHONE_FILE
    })
    const codes = report.findings.map((f) => f.code)
    expect(codes).not.toContain('PHOTO_BLURRY')
    expect(codes).not.toContain('PHOTO_GLARE')
    expect(codes).toContain('PHOTO_DOCUMENT_NOT_FOUND')
  })

  it('an under-exposed colour card is too dark, not also a photocopy: colour is judged on the retake', () => {
    const [clean] = documentCases(4, ['clean'])
    const data = new Uint8ClampedArray(clean.image.data.length)
    for (let i = 0; i < data.length; i++) data[i] = (i & 3) === 3 ? 255 : clean.image.data[i] * 0.2
    const dark = { ...clean.image, data }
    // each check alone says both: too little light, and too few pixels bright enough to show colour
    expect(checkExposure(dark).findings.map((f) => f.code)).toEqual(['PHOTO_TOO_DARK'])
    expect(checkDocumentGreyscale(dark).findings.map((f) => f.code)).toEqual(['PHOTO_GREYSCALE'])
    const codes = analysePhoto({ image: dark, kind: 'document', platform: 'weapp', file: PHONE_FILE }).findings.map(
      (f) => f.code
    )
    expect(codes).toContain('PHOTO_TOO_DARK')
    expect(codes).not.toContain('PHOTO_GREYSCALE')
  })

  it('never throws and only reports known codes, whatever the pixels and size', () => {
    const known = new Set(Object.keys(PHOTO_FINDING_TEXT))
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 48 }),
        fc.integer({ min: 1, max: 48 }),
        fc.array(fc.integer({ min: 0, max: 255 }), { minLength: 1, maxLength: 64 }),
        fc.constantFrom<PhotoKind>('document', 'face'),
        (width, height, bytes, kind) => {
          const report = analysePhoto({ image: randomImage(width, height, bytes), kind, platform: 'tt' })
          for (const finding of report.findings) {
            expect(known.has(finding.code)).toBe(true)
            expect(finding.field).toBe('photo')
          }
          const findings = [
            checkBlur,
            checkGlare,
            checkExposure,
            checkGreyscale,
            checkFraming,
            checkFaceBackground,
            checkFaceLighting
          ].flatMap((analyse) => analyse(randomImage(width, height, bytes)).findings)
          for (const finding of findings) expect(known.has(finding.code)).toBe(true)
        }
      ),
      { numRuns: 80 }
    )
  })

  it('the verdict does not depend on the photo size: the same scene at 2× gives the same findings', () => {
    const [glare] = documentCases(9, ['glare'])
    const { width, height, data } = glare.image
    const big = new Uint8ClampedArray(width * height * 16)
    for (let y = 0; y < height * 2; y++) {
      for (let x = 0; x < width * 2; x++) {
        const from = ((y >> 1) * width + (x >> 1)) * 4
        big.set(data.subarray(from, from + 4), (y * width * 2 + x) * 4)
      }
    }
    const codesOf = (image: RgbaImage) =>
      analysePhoto({ image, kind: 'document', platform: 'weapp', file: PHONE_FILE }).findings.map((f) => f.code)
    expect(codesOf({ width: width * 2, height: height * 2, data: big })).toEqual(codesOf(glare.image))
  })
})
