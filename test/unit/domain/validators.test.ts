/** @jest-environment node */
import fc from 'fast-check'
import {
  identityFieldErrors,
  parseFilingNumber,
  validateIdCard,
  validateMobile,
  validateUscc
} from '../../../src/domain'
import { SAMPLE_FORM } from '../../../src/domain/samples'

const TODAY = '2026-11-23'

// ---- the test's own generators (independent of the implementation) ----
const ID_WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]
const idCheck = (s: string) => '10X98765432'[[...s].reduce((t, c, i) => t + Number(c) * ID_WEIGHTS[i], 0) % 11]
const MAINLAND = [
  '11',
  '12',
  '13',
  '14',
  '15',
  '21',
  '22',
  '23',
  '31',
  '32',
  '33',
  '34',
  '35',
  '36',
  '37',
  '41',
  '42',
  '43',
  '44',
  '45',
  '46',
  '50',
  '51',
  '52',
  '53',
  '54',
  '61',
  '62',
  '63',
  '64',
  '65'
]
const pad = (n: number, w: number) => String(n).padStart(w, '0')

const validId = fc
  .record({
    region: fc.constantFrom(...MAINLAND),
    area: fc.integer({ min: 0, max: 9999 }),
    birth: fc.date({
      min: new Date('1930-01-01T00:00:00Z'),
      max: new Date('2008-12-31T00:00:00Z'),
      noInvalidDate: true
    }),
    seq: fc.integer({ min: 0, max: 999 })
  })
  .map(({ region, area, birth, seq }) => {
    const first17 = region + pad(area, 4) + birth.toISOString().slice(0, 10).replace(/-/g, '') + pad(seq, 3)
    return first17 + idCheck(first17)
  })

const USCC_CHARS = '0123456789ABCDEFGHJKLMNPQRTUWXY'
const USCC_W = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28]
const usccCheck = (s: string) =>
  USCC_CHARS[(31 - ([...s].reduce((t, c, i) => t + USCC_CHARS.indexOf(c) * USCC_W[i], 0) % 31)) % 31]
const validUscc = fc
  .record({
    type: fc.constantFrom('11', '12', '51', '52', '53', '91', '92', '93', 'Y1', 'N2'),
    region: fc.constantFrom(...MAINLAND),
    area: fc.integer({ min: 0, max: 9999 }),
    org: fc.string({ unit: fc.constantFrom(...USCC_CHARS), minLength: 9, maxLength: 9 })
  })
  .map(({ type, region, area, org }) => {
    const first17 = type + region + pad(area, 4) + org
    return first17 + usccCheck(first17)
  })

/** Replaces the character at `i` with `c`. */
const change = (s: string, i: number, c: string) => s.slice(0, i) + c + s.slice(i + 1)

describe('validateIdCard', () => {
  it('accepts every ID from the generator, with its birth date and province', () => {
    fc.assert(
      fc.property(validId, (id) => {
        const r = validateIdCard(id, TODAY)
        expect(r).toMatchObject({ ok: true, code: 'OK', regionCode: id.slice(0, 2) })
        expect(r.birthDate).toBe(`${id.slice(6, 10)}-${id.slice(10, 12)}-${id.slice(12, 14)}`)
      })
    )
  })

  it('rejects any single-character change of a valid ID', () => {
    const alphabet = '0123456789X'
    fc.assert(
      fc.property(validId, fc.nat(17), fc.constantFrom(...alphabet), (id, i, c) => {
        fc.pre(c !== id[i].toUpperCase())
        expect(validateIdCard(change(id, i, c), TODAY).ok).toBe(false)
      })
    )
  })

  it('accepts a lower-case x check character', () => {
    const first17 = '11010519491231002'
    expect(idCheck(first17)).toBe('X')
    expect(validateIdCard(first17 + 'x', TODAY).ok).toBe(true)
  })

  it.each([
    ['', 'ID_EMPTY'],
    ['11010519900307', 'ID_LENGTH'],
    ['110105900307123', 'ID_LENGTH'],
    ['1101051990030712345', 'ID_LENGTH'],
    ['11010519900307123A', 'ID_CHARSET'],
    ['990105199003071234', 'ID_REGION'],
    ['110105199002301234', 'ID_BIRTH_DATE'],
    ['110105203001011234', 'ID_BIRTH_DATE'],
    ['110105189912311234', 'ID_BIRTH_DATE']
  ])('rejects %j with %s', (value, code) => {
    expect(validateIdCard(value, TODAY)).toMatchObject({ ok: false, code })
  })

  it('reports a wrong check digit', () => {
    const first17 = '12010119850312703'
    const wrong = idCheck(first17) === '0' ? '1' : '0'
    expect(validateIdCard(first17 + wrong, TODAY)).toMatchObject({ ok: false, code: 'ID_CHECK_DIGIT' })
  })

  it('accepts Hong Kong, Macao and Taiwan residence-permit numbers', () => {
    for (const region of ['810000', '820000', '830000']) {
      const first17 = `${region}19900101001`
      expect(validateIdCard(first17 + idCheck(first17), TODAY)).toMatchObject({
        ok: true,
        regionCode: region.slice(0, 2)
      })
    }
  })
})

describe('validateUscc', () => {
  it('accepts every code from the generator', () => {
    fc.assert(
      fc.property(validUscc, (code) => {
        expect(validateUscc(code)).toMatchObject({ ok: true, typeCode: code.slice(0, 2), regionCode: code.slice(2, 4) })
      })
    )
  })

  it('rejects any single-character change of a valid code', () => {
    const alphabet = USCC_CHARS + 'IOSVZa'
    fc.assert(
      fc.property(validUscc, fc.nat(17), fc.constantFrom(...alphabet), (code, i, c) => {
        fc.pre(c !== code[i])
        expect(validateUscc(change(code, i, c)).ok).toBe(false)
      })
    )
  })

  it.each([
    ['', 'USCC_EMPTY'],
    ['91120116MA05K8QR2', 'USCC_LENGTH'],
    ['91120116ma05k8qr23', 'USCC_CHARSET'],
    ['91120116MO05K8QR23', 'USCC_CHARSET'],
    ['94120116MA05K8QR23', 'USCC_TYPE'],
    ['B1120116MA05K8QR23', 'USCC_TYPE'],
    ['91990116MA05K8QR23', 'USCC_REGION'],
    ['91120116MA05K8QR24', 'USCC_CHECK_CHAR']
  ])('rejects %j with %s', (value, code) => {
    expect(validateUscc(value)).toMatchObject({ ok: false, code })
  })

  it.each([
    ['91', '企业'],
    ['92', '个体工商户'],
    ['12', '事业单位'],
    ['51', '社会团体']
  ])('names type %s as %s', (type, name) => {
    const first17 = `${type}310115MA1K4LQ8`.padEnd(17, '0')
    expect(validateUscc(first17 + usccCheck(first17))).toMatchObject({ ok: true, typeName: name })
  })
})

describe('validateMobile', () => {
  it.each([
    ['13800138000', true, 'OK'],
    ['199 1234 5678', true, 'OK'],
    ['+86 138-0013-8000', true, 'OK'],
    ['', false, 'MOBILE_EMPTY'],
    ['1380013800', false, 'MOBILE_LENGTH'],
    ['12800138000', false, 'MOBILE_FORMAT'],
    ['23800138000', false, 'MOBILE_FORMAT'],
    ['1380013800a', false, 'MOBILE_FORMAT'],
    ['010-12345678', false, 'MOBILE_FORMAT']
  ])('%j → ok=%s (%s)', (value, ok, code) => {
    expect(validateMobile(value)).toMatchObject({ ok, code })
  })
})

describe('parseFilingNumber', () => {
  it.each([
    ['鲁ICP备123456号', { kind: 'owner', province: '37', ownerNumber: '123456' }],
    ['苏ICP备2026036865号', { kind: 'owner', province: '32', ownerNumber: '2026036865' }],
    ['冀ICP备18021892号-1', { kind: 'website', province: '13', index: 1 }],
    ['陕ICP备2024026116号-1A', { kind: 'app', province: '61', index: 1 }],
    ['京ICP备2026059598号-1X', { kind: 'miniprogram', province: '11', ownerNumber: '2026059598', index: 1 }],
    ['鲁ICP备123456号-2X', { kind: 'miniprogram', province: '37', index: 2 }],
    ['粤B2-20090059-1626X', { kind: 'miniprogram', province: '44', ownerNumber: 'B2-20090059', index: 1626 }],
    ['粤B2-20090059', { kind: 'owner', province: '44' }],
    ['川ICP备2023012345号-3X', { kind: 'miniprogram', province: '51', provinceAbbr: '川' }],
    ['蜀ICP备2023012345号-3X', { kind: 'miniprogram', province: '51', provinceAbbr: '蜀' }],
    ['黔ICP备2023000001号-1X', { kind: 'miniprogram', province: '52' }],
    ['贵ICP备2023000001号-1X', { kind: 'miniprogram', province: '52' }],
    ['滇ICP备2023000001号-1X', { kind: 'miniprogram', province: '53' }],
    ['云ICP备2023000001号-1X', { kind: 'miniprogram', province: '53' }],
    ['甘ICP备2023000001号-1X', { kind: 'miniprogram', province: '62' }],
    ['陇ICP备2023000001号-1X', { kind: 'miniprogram', province: '62' }],
    [' 京icp备2026059598号－1x ', { kind: 'miniprogram', province: '11', normalized: '京ICP备2026059598号-1X' }]
  ])('%s', (value, expected) => {
    expect(parseFilingNumber(value)).toMatchObject({ ok: true, ...expected })
  })

  it.each([
    ['', 'FILING_NUMBER_EMPTY'],
    ['ICP备2026059598号-1X', 'FILING_NUMBER_PROVINCE'],
    ['港ICP备2026059598号-1X', 'FILING_NUMBER_PROVINCE'],
    ['京ICP备2026059598-1X', 'FILING_NUMBER_FORMAT'],
    ['京ICP备12345号', 'FILING_NUMBER_FORMAT'],
    ['京ICP备2026059598号-1B', 'FILING_NUMBER_FORMAT'],
    ['京ICP备2026059598号-0X', 'FILING_NUMBER_FORMAT'],
    ['京ICP证030173号', 'FILING_NUMBER_FORMAT']
  ])('rejects %j with %s', (value, code) => {
    expect(parseFilingNumber(value)).toMatchObject({ ok: false, code })
  })
})

describe('identityFieldErrors', () => {
  const blank = { owner: {}, ownerPrincipal: {}, miniProgram: {}, appPrincipal: {}, emergencyContact: {} }

  it('passes the valid sample form and an empty draft', () => {
    expect(identityFieldErrors(SAMPLE_FORM)).toEqual({})
    expect(identityFieldErrors(blank)).toEqual({})
  })

  it.each([
    ['owner.certificateNumber', { owner: { ...SAMPLE_FORM.owner, certificateNumber: '91120116MA05K8QR24' } }],
    ['ownerPrincipal.idNumber', { ownerPrincipal: { ...SAMPLE_FORM.ownerPrincipal, idNumber: '120101198503127035' } }],
    ['appPrincipal.mobile', { appPrincipal: { ...SAMPLE_FORM.appPrincipal, mobile: '1371234000' } }],
    ['appPrincipal.email', { appPrincipal: { ...SAMPLE_FORM.appPrincipal, email: 'ruoxi@' } }],
    ['emergencyContact.mobile', { emergencyContact: { name: '赵一鸣', mobile: '2381234000' } }]
  ])('names %s when only that field is malformed', (path, patch) => {
    const errors = identityFieldErrors({ ...SAMPLE_FORM, ...patch })
    expect(Object.keys(errors)).toEqual([path])
    expect(errors[path][0]).toMatch(/[\u4e00-\u9fa5]/)
  })

  it('does not check a passport number as an ID card', () => {
    const passport = { ...SAMPLE_FORM.ownerPrincipal, idType: 'passport' as const, idNumber: 'E12345678' }
    expect(identityFieldErrors({ ...SAMPLE_FORM, ownerPrincipal: passport })).toEqual({})
  })
})
