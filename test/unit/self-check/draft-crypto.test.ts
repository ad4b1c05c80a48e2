/**
 * The device draft's encryption: for any form, sealing and opening round-trip; the stored JSON never holds a
 * sensitive value verbatim; another key or another filing's draft cannot open it; the byte helpers are exact.
 * New drafts are sealed with XChaCha20-Poly1305 under 24 random bytes from the platform's secure source, drafts
 * sealed earlier with AES-GCM still open and are sealed anew on the next save, and without a secure source nothing
 * is sealed (the values stay in memory) rather than sealed under a weak nonce.
 */
import fc from 'fast-check'
import { gcm } from '@noble/ciphers/aes'
import { SENSITIVE_FIELD_PATHS, type FilingForm } from '../../../src/domain/types'
import { api } from '../../../src/services/api'
import {
  forgetDraftKey,
  fromBase64,
  loadDraftKey,
  mergeSensitive,
  openSealed,
  randomBytes,
  sealSensitive,
  splitSensitive,
  toBase64,
  utf8Decode,
  utf8Encode
} from '../../../src/services/draft-crypto'
import { formDraftKey, readFormDraft, restoreForm, writeFormDraft } from '../../../src/services/form-draft'
import { writeJson } from '../../../src/services/storage'
import { DRAFT_KEY_B64 } from './support'

jest.mock('../../../src/services/api', () => ({ api: { filings: { draftKey: jest.fn() } } }))
const draftKey = api.filings.draftKey as unknown as jest.Mock

/** Text from an alphabet of its own, long enough that it cannot turn up in base64 or in other fields by chance. */
const sensitiveText = fc.oneof(
  fc.stringMatching(/^[0-9]{11,18}$/),
  fc.stringMatching(/^[0-9A-HJ-NP-RTUW-Y]{18}$/),
  fc
    .array(fc.constantFrom(...'滨海新区海川路云帆大厦号栋层室单元'), { minLength: 6, maxLength: 30 })
    .map((a) => a.join('')),
  fc.tuple(fc.stringMatching(/^[a-z]{4,12}$/), fc.stringMatching(/^[a-z]{3,8}$/)).map(([u, d]) => `${u}@${d}.cn`)
)
const plainText = fc
  .array(fc.constantFrom(...'天津科技有限公司会议预订王李赵'), { maxLength: 20 })
  .map((a) => a.join(''))
const maybe = <T>(arb: fc.Arbitrary<T>) => fc.option(arb, { nil: undefined })

const formArb: fc.Arbitrary<FilingForm> = fc.record({
  owner: fc.record(
    {
      name: plainText,
      certificateType: fc.constantFrom('business_license' as const, 'id_card' as const),
      certificateNumber: sensitiveText,
      certificateValidUntil: fc.constantFrom('长期', '2031-05-01', ''),
      region: fc.record({ province: fc.constantFrom('12', '11', '44'), city: plainText }),
      address: sensitiveText,
      certificateAddress: sensitiveText,
      businessScope: plainText
    },
    { requiredKeys: [] }
  ),
  ownerPrincipal: fc.record(
    { name: plainText, idNumber: sensitiveText, mobile: sensitiveText, email: sensitiveText, idValidUntil: plainText },
    { requiredKeys: [] }
  ),
  miniProgram: fc.record(
    { name: plainText, description: plainText, serviceTypes: fc.array(plainText, { maxLength: 5 }) },
    { requiredKeys: [] }
  ),
  appPrincipal: fc.record(
    { name: plainText, idNumber: sensitiveText, mobile: sensitiveText, email: maybe(sensitiveText) },
    { requiredKeys: [] }
  ),
  emergencyContact: fc.record({ name: plainText, mobile: sensitiveText }, { requiredKeys: [] })
}) as fc.Arbitrary<FilingForm>

const key32 = fc.uint8Array({ minLength: 32, maxLength: 32 })

function sensitiveValues(form: FilingForm): string[] {
  return SENSITIVE_FIELD_PATHS.map((p) => {
    const [s, f] = p.split('.')
    return (form as unknown as Record<string, Record<string, unknown>>)[s]?.[f]
  }).filter((v): v is string => typeof v === 'string' && v !== '')
}

beforeEach(() => {
  localStorage.clear()
  forgetDraftKey()
  draftKey.mockReset()
  draftKey.mockResolvedValue({ ok: true, data: { key: DRAFT_KEY_B64 } })
})

describe('sealing', () => {
  it('round-trips any form: split, seal, open, merge gives the form back', () => {
    fc.assert(
      fc.property(formArb, key32, fc.string({ maxLength: 30 }), (form, key, aad) => {
        const { plain, sensitive } = splitSensitive(form)
        const sealed = sealSensitive(key, sensitive, aad)
        expect(mergeSensitive(plain, openSealed(key, sealed, aad))).toEqual(form)
      }),
      { numRuns: 150 }
    )
  })

  it('another key, another draft or an altered text opens nothing', () => {
    fc.assert(
      fc.property(formArb, key32, key32, fc.nat(), (form, key, other, flip) => {
        fc.pre(toBase64(key) !== toBase64(other))
        const { sensitive } = splitSensitive(form)
        const sealed = sealSensitive(key, sensitive, 'draft:v1:a')
        expect(() => openSealed(other, sealed, 'draft:v1:a')).toThrow()
        expect(() => openSealed(key, sealed, 'draft:v1:b')).toThrow()
        expect(sealed.startsWith('fd2.')).toBe(true)
        const raw = fromBase64(sealed.slice(4))
        raw[flip % raw.length] ^= 1
        expect(() => openSealed(key, `fd2.${toBase64(raw)}`, 'draft:v1:a')).toThrow()
      }),
      { numRuns: 60 }
    )
  })

  it('uses a fresh nonce: the same values never seal to the same text', () => {
    const key = randomBytes(32)
    const values = { 'ownerPrincipal.idNumber': '120101198503127034' }
    const seen = new Set(Array.from({ length: 50 }, () => sealSensitive(key, values, 'x')))
    expect(seen.size).toBe(50)
  })
})

describe('the stored draft', () => {
  it('never contains a sensitive value verbatim, and restores to the same form', async () => {
    await loadDraftKey()
    fc.assert(
      fc.property(formArb, (form) => {
        localStorage.clear()
        const written = writeFormDraft('f1', { baseVersion: 3, form })
        const stored = localStorage.getItem(`beian:${formDraftKey('f1')}`) ?? ''
        for (const value of sensitiveValues(form)) expect(stored).not.toContain(value)
        expect(written.sensitive).toBe(Object.keys(splitSensitive(form).sensitive).length ? 'sealed' : 'none')
        expect(restoreForm('f1')?.form).toEqual(form)
      }),
      { numRuns: 120 }
    )
  })

  it('without a key the sensitive values stay off the device (not written in clear)', () => {
    fc.assert(
      fc.property(formArb, (form) => {
        localStorage.clear()
        const written = writeFormDraft('f1', { baseVersion: 1, form })
        const stored = readFormDraft('f1')!
        expect(stored.sealed).toBeNull()
        expect(JSON.stringify(stored)).not.toMatch(/fd1\./)
        for (const value of sensitiveValues(form)) expect(JSON.stringify(stored)).not.toContain(value)
        if (sensitiveValues(form).length) expect(written.sensitive).toBe('memory')
      }),
      { numRuns: 60 }
    )
  })

  it('the key is fetched once, kept in memory only, and the same key opens drafts after a relaunch', async () => {
    const form = { ...splitSensitive({} as FilingForm).plain, ownerPrincipal: { idNumber: '120101198503127034' } }
    await loadDraftKey()
    await loadDraftKey()
    expect(draftKey).toHaveBeenCalledTimes(1)
    writeFormDraft('f2', { baseVersion: 1, form: form as FilingForm })
    expect(JSON.stringify(localStorage)).not.toContain(DRAFT_KEY_B64)
    forgetDraftKey()
    expect(restoreForm('f2')).toMatchObject({ sealed: 'locked' })
    await loadDraftKey()
    expect(restoreForm('f2')?.form.ownerPrincipal.idNumber).toBe('120101198503127034')
  })

  it('a draft sealed for another user is reported unreadable, never shown', async () => {
    draftKey.mockResolvedValueOnce({ ok: true, data: { key: toBase64(new Uint8Array(32).fill(7)) } })
    await loadDraftKey()
    writeFormDraft('f3', {
      baseVersion: 1,
      form: {
        owner: {},
        ownerPrincipal: { mobile: '13612340001' },
        miniProgram: {},
        appPrincipal: {},
        emergencyContact: {}
      }
    })
    forgetDraftKey()
    await loadDraftKey()
    const restored = restoreForm('f3')!
    expect(restored.sealed).toBe('unreadable')
    expect(restored.form.ownerPrincipal.mobile).toBeUndefined()
  })
})

const EMPTY: FilingForm = { owner: {}, ownerPrincipal: {}, miniProgram: {}, appPrincipal: {}, emergencyContact: {} }

/** A part sealed the way drafts were before: AES-256-GCM, 12-byte nonce, `fd1.` prefix. */
function sealLegacy(key: Uint8Array, values: object, aad: string): string {
  const nonce = randomBytes(12)
  const body = gcm(key, nonce, utf8Encode(aad)).encrypt(utf8Encode(JSON.stringify(values)))
  return `fd1.${toBase64(Uint8Array.from([...nonce, ...body]))}`
}

describe('the sealed format', () => {
  it('new parts are XChaCha20-Poly1305 under 24 random bytes from crypto.getRandomValues', () => {
    const issued: Uint8Array[] = []
    const real = globalThis.crypto.getRandomValues.bind(globalThis.crypto)
    const spy = jest.spyOn(globalThis.crypto, 'getRandomValues').mockImplementation(((a: Uint8Array) => {
      issued.push(Uint8Array.from(real(a)))
      return a
    }) as never)
    try {
      const key = randomBytes(32)
      issued.length = 0
      const values = { 'ownerPrincipal.idNumber': '120101198503127034' }
      const sealed = sealSensitive(key, values, 'draft:v1:f1')
      expect(sealed.startsWith('fd2.')).toBe(true)
      expect(issued).toHaveLength(1)
      expect(issued[0]).toHaveLength(24)
      const raw = fromBase64(sealed.slice(4))
      expect(Array.from(raw.subarray(0, 24))).toEqual(Array.from(issued[0]))
      // nonce, then ciphertext as long as the plaintext, then the 16-byte Poly1305 tag
      expect(raw.length).toBe(24 + utf8Encode(JSON.stringify(values)).length + 16)
      expect(openSealed(key, sealed, 'draft:v1:f1')).toEqual(values)
    } finally {
      spy.mockRestore()
    }
  })

  it('parts sealed the old way (AES-GCM) still open, and fail the same way when altered or moved', () => {
    fc.assert(
      fc.property(formArb, key32, (form, key) => {
        const { plain, sensitive } = splitSensitive(form)
        const sealed = sealLegacy(key, sensitive, 'draft:v1:a')
        expect(mergeSensitive(plain, openSealed(key, sealed, 'draft:v1:a'))).toEqual(form)
        expect(() => openSealed(key, sealed, 'draft:v1:b')).toThrow()
      }),
      { numRuns: 60 }
    )
    expect(() => openSealed(new Uint8Array(32), 'fd9.AAAA', 'a')).toThrow()
  })

  it('a draft stored the old way restores, and the next save seals it with the new construction', async () => {
    await loadDraftKey()
    const key = fromBase64(DRAFT_KEY_B64)
    const values = { 'ownerPrincipal.idNumber': '120101198503127034', 'ownerPrincipal.mobile': '13812340001' }
    writeJson(formDraftKey('old'), {
      baseVersion: 2,
      savedAt: '2026-01-01T00:00:00Z',
      plain: EMPTY,
      sealed: sealLegacy(key, values, 'draft:v1:old')
    })
    const restored = restoreForm('old')!
    expect(restored.sealed).toBe('opened')
    expect(restored.form.ownerPrincipal).toEqual({ idNumber: '120101198503127034', mobile: '13812340001' })
    expect(writeFormDraft('old', { baseVersion: 2, form: restored.form }).sensitive).toBe('sealed')
    const rewritten = readFormDraft('old')!
    expect(rewritten.sealed?.startsWith('fd2.')).toBe(true)
    expect(restoreForm('old')?.form.ownerPrincipal).toEqual(restored.form.ownerPrincipal)
  })
})

describe('bytes', () => {
  it('UTF-8 and base64 round-trip any text and any bytes, matching the platform encoders', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 60 }), (text) => {
        expect(utf8Decode(utf8Encode(text))).toBe(text)
        expect(Array.from(utf8Encode(text))).toEqual(Array.from(Buffer.from(text, 'utf8')))
      })
    )
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 80 }), (bytes) => {
        expect(toBase64(bytes)).toBe(Buffer.from(bytes).toString('base64'))
        expect(Array.from(fromBase64(toBase64(bytes)))).toEqual(Array.from(bytes))
      })
    )
  })
})

describe('without WebCrypto (WeChat, Douyin)', () => {
  const cryptoDescriptor = Object.getOwnPropertyDescriptor(globalThis, 'crypto')
  const env = process.env.TARO_ENV

  beforeEach(() => {
    Object.defineProperty(globalThis, 'crypto', { value: undefined, configurable: true, writable: true })
    process.env.TARO_ENV = 'weapp'
  })
  afterEach(() => {
    if (cryptoDescriptor) Object.defineProperty(globalThis, 'crypto', cryptoDescriptor)
    process.env.TARO_ENV = env
  })

  /** A fresh copy of the module (its generator state starts empty), with the platform's getRandomValues stubbed. */
  function isolated(getRandomValues: (o: { length: number; success(r: object): void; fail(): void }) => void) {
    let mod!: typeof import('../../../src/services/draft-crypto')
    jest.isolateModules(() => {
      const taro = jest.requireActual('@tarojs/taro')
      taro.default.getRandomValues = jest.fn(getRandomValues)
      mod = jest.requireActual('../../../src/services/draft-crypto')
    })
    return mod
  }

  /** 24·n bytes the stub platform source hands out, distinct per call. */
  function countingSource() {
    let calls = 0
    return jest.fn((o: { length: number; success(r: object): void }) => {
      calls++
      o.success({ randomValues: Uint8Array.from({ length: o.length }, (_, i) => (i * 53 + calls * 7) & 0xff).buffer })
    })
  }

  it('nonces are bytes taken straight from the platform’s source, each used once', async () => {
    const source = countingSource()
    const mod = isolated(source)
    expect(mod.randomQuality()).toBe('none')
    await mod.prepareRandom()
    await mod.prepareRandom()
    expect(source).toHaveBeenCalledTimes(1)
    // what the first call gave, recomputed: the stub is deterministic per call
    const issued = Uint8Array.from({ length: source.mock.calls[0][0].length }, (_, i) => (i * 53 + 7) & 0xff)
    expect(mod.randomQuality()).toBe('platform')
    const key = Uint8Array.from({ length: 32 }, (_, i) => i)
    const sealed = mod.sealSensitive(key, { 'emergencyContact.mobile': '13812340003' }, 'a')
    expect(Array.from(mod.fromBase64(sealed.slice(4)).subarray(0, 24))).toEqual(Array.from(issued.subarray(0, 24)))
    expect(mod.openSealed(key, sealed, 'a')).toEqual({ 'emergencyContact.mobile': '13812340003' })
    const nonces = new Set(
      Array.from({ length: 30 }, () =>
        mod.toBase64(mod.fromBase64(mod.sealSensitive(key, {}, 'a').slice(4)).subarray(0, 24))
      )
    )
    expect(nonces.size).toBe(30)
  })

  it('tops the pool up in the background, and refuses a seal while it is empty', async () => {
    const source = countingSource()
    const mod = isolated(source)
    await mod.prepareRandom()
    const key = new Uint8Array(32)
    let sealed = 0
    for (;;) {
      try {
        mod.sealSensitive(key, {}, 'a')
        sealed++
      } catch (err) {
        expect(err).toBeInstanceOf(mod.NoSecureRandomError)
        break
      }
    }
    // the top-up asked for runs asynchronously: after it lands, sealing works again
    expect(sealed).toBeGreaterThanOrEqual(32)
    await mod.prepareRandom()
    expect(() => mod.sealSensitive(key, {}, 'a')).not.toThrow()
  })

  it('without any secure source, refuses to seal and never falls back to Math.random or the clock', async () => {
    const mod = isolated((o) => o.fail())
    const random = jest.spyOn(Math, 'random')
    const clock = jest.spyOn(Date, 'now')
    try {
      await mod.prepareRandom()
      expect(mod.randomQuality()).toBe('none')
      expect(() => mod.randomBytes(24)).toThrow(mod.NoSecureRandomError)
      expect(() => mod.sealSensitive(new Uint8Array(32), { 'appPrincipal.mobile': '13900000000' }, 'a')).toThrow(
        /安全的随机数/
      )
      expect(random).not.toHaveBeenCalled()
      expect(clock).not.toHaveBeenCalled()
    } finally {
      random.mockRestore()
      clock.mockRestore()
    }
  })

  it('a draft written without a secure source keeps its sensitive values in memory, never in clear', async () => {
    let formDraft!: typeof import('../../../src/services/form-draft')
    let crypto!: typeof import('../../../src/services/draft-crypto')
    jest.isolateModules(() => {
      const taro = jest.requireActual('@tarojs/taro')
      taro.default.getRandomValues = jest.fn((o: { fail(): void }) => o.fail())
      const isolatedApi = jest.requireMock('../../../src/services/api') as typeof import('../../../src/services/api')
      ;(isolatedApi.api.filings.draftKey as unknown as jest.Mock).mockResolvedValue({
        ok: true,
        data: { key: DRAFT_KEY_B64 }
      })
      crypto = jest.requireActual('../../../src/services/draft-crypto')
      formDraft = jest.requireActual('../../../src/services/form-draft')
    })
    await crypto.loadDraftKey()
    expect(crypto.cachedDraftKey()).not.toBeNull()
    localStorage.clear()
    const form = { ...EMPTY, ownerPrincipal: { idNumber: '120101198503127034' } }
    expect(formDraft.writeFormDraft('f9', { baseVersion: 1, form })).toEqual({ stored: true, sensitive: 'memory' })
    expect(formDraft.readFormDraft('f9')?.sealed).toBeNull()
    expect(JSON.stringify(localStorage)).not.toContain('120101198503127034')
  })
})
