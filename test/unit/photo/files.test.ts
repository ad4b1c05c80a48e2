/** @jest-environment node */
import { readFileSync, statSync } from 'fs'
import { join } from 'path'
import * as jpeg from 'jpeg-js'
import { PNG } from 'pngjs'
import { analysePhoto, type RgbaImage } from '../../../src/domain/photo'
import { FILE_FIXTURES, MAX_FIXTURE_BYTES } from '../../fixtures/photos/make-fixtures'

const DIR = join(__dirname, '../../fixtures/photos')

/** Decodes a committed fixture with the same pure-JS codecs the generator used. */
function decode(file: string): RgbaImage {
  const bytes = readFileSync(join(DIR, file))
  if (file.endsWith('.png')) {
    const png = PNG.sync.read(bytes)
    return { width: png.width, height: png.height, data: new Uint8ClampedArray(png.data) }
  }
  const image = jpeg.decode(bytes, { useTArray: true, formatAsRGBA: true })
  return { width: image.width, height: image.height, data: image.data }
}

describe('committed photo fixtures (mock documents and faces, made-up content)', () => {
  it.each(FILE_FIXTURES.map((f) => [f.file, f]))('%s is small and analyses as expected', (file, fixture) => {
    const size = statSync(join(DIR, file)).size
    expect(size).toBeLessThan(MAX_FIXTURE_BYTES)
    const report = analysePhoto({
      image: decode(file),
      kind: fixture.kind,
      platform: 'weapp',
      file: { format: file, byteSize: size }
    })
    const codes = report.findings.map((f) => f.code)
    expect(codes).toEqual(expect.arrayContaining(fixture.expected))
    for (const code of fixture.absent) expect(codes).not.toContain(code)
  })

  // The H5 end-to-end test uploads these two.
  it('clean-license.jpg gives no error finding at all', () => {
    const report = analysePhoto({
      image: decode('clean-license.jpg'),
      kind: 'document',
      platform: 'weapp',
      file: { format: 'image/jpeg', byteSize: statSync(join(DIR, 'clean-license.jpg')).size }
    })
    expect(report.findings.filter((f) => f.severity === 'error')).toEqual([])
  })

  it('glare-license.jpg gives the glare error and nothing else', () => {
    const report = analysePhoto({ image: decode('glare-license.jpg'), kind: 'document', platform: 'weapp' })
    expect(report.findings.filter((f) => f.severity === 'error').map((f) => f.code)).toEqual(['PHOTO_GLARE'])
    expect(report.findings[0]).toMatchObject({ field: 'photo', severity: 'error', code: 'PHOTO_GLARE' })
  })

  it('the glare is robust to how the page draws the photo: also found at half size', () => {
    const image = decode('glare-license.jpg')
    // what a canvas drawn at 640×360 would hold (nearest-neighbour, the crudest scaling a browser may use)
    const half = new Uint8ClampedArray(640 * 360 * 4)
    for (let y = 0; y < 360; y++) {
      for (let x = 0; x < 640; x++)
        half.set(image.data.subarray((2 * y * 1280 + 2 * x) * 4, (2 * y * 1280 + 2 * x) * 4 + 4), (y * 640 + x) * 4)
    }
    const report = analysePhoto({
      image: { width: 640, height: 360, data: half },
      kind: 'document',
      platform: 'weapp',
      file: { width: 1280, height: 720 }
    })
    expect(report.findings.map((f) => f.code)).toEqual(['PHOTO_GLARE'])
  })
})
