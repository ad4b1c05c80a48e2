/** @jest-environment node */
import {
  PHOTO_FINDING_TEXT,
  PHOTO_RULES,
  checkFormat,
  normalisePhotoFormat,
  photoRulesFor,
  type PhotoFindingCode
} from '../../../src/domain/photo'
import type { PlatformId } from '../../../src/domain/types'

describe('normalisePhotoFormat', () => {
  it.each([
    ['jpg', 'jpg'],
    ['JPEG', 'jpg'],
    ['image/jpeg', 'jpg'],
    ['.JPG', 'jpg'],
    ['wxfile://tmp_a1b2.jpeg', 'jpg'],
    ['http://tmp/abc.png?x=1', 'png'],
    ['image/png', 'png'],
    ['IMG_0001.HEIC', 'other'],
    ['image/webp', 'other'],
    ['gif', 'other'],
    ['', undefined],
    ['   ', undefined],
    [undefined, undefined],
    ['blob:http://localhost/1234-abcd', undefined]
  ])('%p → %p', (input, expected) => {
    expect(normalisePhotoFormat(input)).toBe(expected)
  })
})

const codes = (result: { findings: { code: string }[] }) => result.findings.map((f) => f.code)

describe('checkFormat against the platform rules', () => {
  it.each<[string, Parameters<typeof checkFormat>[0], string[]]>([
    [
      'a phone JPEG',
      { platform: 'weapp', file: { format: 'jpg', byteSize: 1_800_000, width: 4000, height: 3000 } },
      []
    ],
    ['landscape 1280×720', { platform: 'weapp', width: 1280, height: 720 }, []],
    ['portrait 720×1280', { platform: 'weapp', width: 720, height: 1280 }, []],
    ['1279×720', { platform: 'weapp', width: 1279, height: 720 }, ['PHOTO_RESOLUTION_TOO_LOW']],
    ['1280×719', { platform: 'weapp', width: 1280, height: 719 }, ['PHOTO_RESOLUTION_TOO_LOW']],
    ['1000×1000', { platform: 'weapp', width: 1000, height: 1000 }, ['PHOTO_RESOLUTION_TOO_LOW']],
    ['exactly 2 MB', { platform: 'weapp', file: { byteSize: 2 * 1024 * 1024 } }, []],
    ['one byte over 2 MB', { platform: 'weapp', file: { byteSize: 2 * 1024 * 1024 + 1 } }, ['PHOTO_FILE_TOO_LARGE']],
    ['a HEIC file', { platform: 'tt', file: { format: 'photo.heic' } }, ['PHOTO_FORMAT_UNSUPPORTED']],
    [
      'everything wrong',
      { platform: 'alipay', width: 640, height: 480, file: { format: 'image/webp', byteSize: 5_000_000 } },
      ['PHOTO_FORMAT_UNSUPPORTED', 'PHOTO_FILE_TOO_LARGE', 'PHOTO_RESOLUTION_TOO_LOW']
    ],
    [
      'the file size wins over the drawn size',
      { platform: 'weapp', width: 640, height: 360, file: { width: 4032, height: 3024 } },
      []
    ],
    ['nothing known', { platform: 'weapp' }, []]
  ])('%s', (_name, input, expected) => {
    expect(codes(checkFormat(input))).toEqual(expected)
  })

  it('says the limits in the message', () => {
    const [size, resolution] = checkFormat({
      platform: 'weapp',
      width: 600,
      height: 800,
      file: { byteSize: 3 * 1024 * 1024 }
    }).findings
    expect(size.message).toContain('3.0 MB')
    expect(size.message).toContain('2.0 MB')
    expect(resolution.message).toContain('600×800')
    expect(resolution.message).toContain('720×1280')
  })
})

describe('platform photo rules as data', () => {
  it.each(Object.keys(PHOTO_RULES) as PlatformId[])(
    '%s has a source, a checked-on date and sane limits',
    (platform) => {
      const rules = photoRulesFor(platform)
      expect(rules.platform).toBe(platform)
      expect(rules.source.length).toBeGreaterThan(10)
      expect(rules.checkedOn).toMatch(/^\d{4}-\d{2}-\d{2}$/)
      expect(rules.formats).toEqual(expect.arrayContaining(['jpg', 'png']))
      expect(rules.minShortSide).toBeLessThan(rules.minLongSide)
    }
  )

  it('marks the platforms whose numbers are borrowed from WeChat as assumptions', () => {
    expect(PHOTO_RULES.weapp.assumption).toBeUndefined()
    expect(PHOTO_RULES.tt.assumption).toMatch(/抖音/)
    expect(PHOTO_RULES.alipay.assumption).toMatch(/支付宝/)
  })
})

describe('finding texts', () => {
  it.each(Object.entries(PHOTO_FINDING_TEXT))('%s is Chinese, with a fix', (_code, text) => {
    expect(text.message).toMatch(/[\u4e00-\u9fff]/)
    expect(text.fix).toMatch(/[\u4e00-\u9fff]/)
    expect(['error', 'warning', 'info']).toContain(text.severity)
  })

  it('has a text for every code the analysers use', () => {
    const used: PhotoFindingCode[] = ['PHOTO_GLARE', 'PHOTO_BLURRY', 'PHOTO_DOCUMENT_CUT_OFF', 'PHOTO_FACE_TOO_DARK']
    for (const code of used) expect(PHOTO_FINDING_TEXT[code]).toBeDefined()
  })
})
