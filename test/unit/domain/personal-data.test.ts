/**
 * Personal data in free text is found and masked however it is written: separated by spaces, dashes, dots or
 * zero-width characters, in full-width or other-script digits, glued to Chinese text. Message fields built with
 * `toThing` never carry a phone, ID or credit code, and the reminder job's guard refuses what slips through.
 */
import fc from 'fast-check'
import { containsPersonalData, maskPersonalData } from '../../../src/domain/personal-data'
import { toThing } from '../../../src/domain/reminders'

/** Letters and digits of a text as an independent oracle sees them: NFKC, ASCII only, upper case. */
const bare = (text: string) =>
  text
    .normalize('NFKC')
    .replace(/[^0-9A-Za-z]/g, '')
    .toUpperCase()

const digit = fc.integer({ min: 0, max: 9 }).map(String)
const digits = (n: number) => fc.array(digit, { minLength: n, maxLength: n }).map((a) => a.join(''))

const mobile = fc
  .tuple(fc.constantFrom('3', '4', '5', '6', '7', '8', '9'), digits(9))
  .map(([second, rest]) => `1${second}${rest}`)
const idNumber18 = fc.tuple(digits(17), fc.constantFrom(...'0123456789Xx')).map(([body, check]) => body + check)
const idNumber15 = digits(15)
const creditChar = fc.constantFrom(...'0123456789ABCDEFGHJKLMNPQRTUWXY')
const creditCode = fc
  .tuple(
    fc.array(creditChar, { minLength: 2, maxLength: 2 }),
    digits(6),
    fc.array(creditChar, { minLength: 10, maxLength: 10 })
  )
  .map(([head, division, tail]) => head.join('') + division + tail.join(''))
const secret = fc.oneof(mobile, idNumber18, idNumber15, creditCode)

/** Ways to write one character of a number: as is, full-width, lower case, or another script's digit. */
const fullWidth = (ch: string) => String.fromCodePoint(ch.codePointAt(0)! + 0xfee0)
const arabicIndic = (ch: string) => (/\d/.test(ch) ? String.fromCodePoint(0x0660 + Number(ch)) : ch)
const spelling = fc.constantFrom<(ch: string) => string>(
  (ch) => ch,
  fullWidth,
  (ch) => ch.toLowerCase(),
  arabicIndic
)
/** Separators people (or a paste) put inside numbers. */
const separator = fc
  .array(
    fc.constantFrom(' ', '-', '－', '—', '–', '.', '·', '\u3000', '\u200b', '/', '_', '(', ')', '、', '，', '\t'),
    {
      maxLength: 3
    }
  )
  .map((a) => a.join(''))
const chineseText = fc
  .array(fc.constantFrom(...'客服电话联系我们小程序名称预约'), { maxLength: 8 })
  .map((a) => a.join(''))

/** A secret written with random spellings and separators between its characters, inside Chinese text. */
const disguised = fc.tuple(secret, chineseText, chineseText).chain(([value, before, after]) =>
  fc
    .tuple(
      fc.array(spelling, { minLength: value.length, maxLength: value.length }),
      fc.array(separator, { minLength: value.length, maxLength: value.length }),
      fc.constantFrom('', '+86 ', '＋８６-')
    )
    .map(([spell, seps, prefix]) => ({
      value,
      text:
        before +
        prefix +
        Array.from(value, (ch, i) => spell[i](ch) + (i < value.length - 1 ? seps[i] : '')).join('') +
        after
    }))
)

describe('masking personal data', () => {
  it('no phone, ID or credit code survives, whatever the separators and digit forms', () => {
    fc.assert(
      fc.property(disguised, ({ value, text }) => {
        expect(containsPersonalData(text)).toBe(true)
        for (const out of [maskPersonalData(text), toThing(text)]) {
          expect(bare(out.replace(/[\u0660-\u0669]/g, (d) => String(d.charCodeAt(0) - 0x0660)))).not.toContain(
            value.toUpperCase()
          )
          expect(containsPersonalData(out)).toBe(false)
        }
      }),
      { numRuns: 400 }
    )
  })

  it('two numbers in one text are both masked', () => {
    fc.assert(
      fc.property(disguised, disguised, ({ value: a, text: x }, { value: b, text: y }) => {
        const out = bare(maskPersonalData(`${x}或${y}`))
        expect(out).not.toContain(a.toUpperCase())
        expect(out).not.toContain(b.toUpperCase())
      }),
      { numRuns: 150 }
    )
  })

  it('what toThing gives, the job’s guard lets through: any text, including odd Unicode', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 60 }), (text) => {
        expect(containsPersonalData(toThing(text))).toBe(false)
        expect(containsPersonalData(maskPersonalData(text))).toBe(false)
      }),
      { numRuns: 400 }
    )
  })

  it('a credit code is masked whole even when the digits before it could start another window', () => {
    expect(bare(maskPersonalData('12345 91120116MA05K8QR2X 67'))).not.toMatch(/MA05K8QR2X|8QR2X/)
  })

  it('masking again joins no new run: digits either side of a mask are looked at together', () => {
    // once the credit code between them is masked, 12345 and 67 read as 1234567
    expect(maskPersonalData('12345·AB123456CDEFGHJKLM 67')).toBe('***')
  })

  it.each([
    ['客服 138 0013 8000', '客服 ***'],
    ['客服138-0013-8000', '客服***'],
    ['客服１３８００１３８０００', '客服***'],
    ['客服 １３８－００１３－８０００ 在线', '客服 *** 在线'],
    ['电话 +86 138.0013.8000', '电话 +***'],
    ['客服 138\u200b0013\u200b8000', '客服 ***'],
    ['公司 91120116MA05K8QR2X', '公司 ***'],
    ['公司 9112 0116 MA05 K8QR 2X', '公司 ***'],
    ['公司 ９１１２０１１６ｍａ０５ｋ８ｑｒ２ｘ', '公司 ***'],
    ['身份证 11010119900307123X', '身份证 ***'],
    ['身份证 110101 19900307 123x', '身份证 ***'],
    ['旧证 110101900307123', '旧证 ***'],
    ['座机 022-2345 6789', '座机 ***'],
    ['订单 ٠١٢٣٤٥٦٧٨٩', '订单 ***']
  ])('%s → %s', (text, masked) => {
    expect(maskPersonalData(text)).toBe(masked)
    expect(containsPersonalData(text)).toBe(true)
  })

  it.each([
    '会议室预订',
    '请在24小时内完成12381短信核验',
    '2031年05月01日到期，备案期间不够用',
    '2025年3月4日 09:00',
    '第 3 版 共 12 页',
    'Room 101'
  ])('leaves ordinary text alone: %s', (text) => {
    expect(containsPersonalData(text)).toBe(false)
    expect(maskPersonalData(text)).toBe(text)
  })
})

describe('toThing', () => {
  it.each([
    ['客服 138 0013 8000', '客服 ***'],
    ['客服138-0013-8000', '客服***'],
    ['  客服　１３８ ００１３ ８０００  ', '客服 ***'],
    ['91120116MA05K8QR2X 科技有限公司预约小程序', '*** 科技有限公司预约小程序']
  ])('%s → %s', (text, thing) => {
    expect(toThing(text)).toBe(thing)
  })

  it('still truncates to twenty characters after masking', () => {
    expect(Array.from(toThing('天津滨海新区海川路云帆大厦会议室预订小程序一号'))).toHaveLength(20)
  })
})
