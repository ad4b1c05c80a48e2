/** @jest-environment node */
import fc from 'fast-check'
import * as fs from 'fs'
import * as os from 'os'
import * as path from 'path'
import { randomBytes } from 'crypto'
import {
  dataKey,
  decryptValue,
  encryptForm,
  decryptForm,
  encryptValue,
  envKeyProvider,
  isEncrypted,
  localKeyProvider,
  randomToken,
  staticKeyProvider
} from '../../../src/cloud/crypto'
import { ConfigurationError } from '../../../src/cloud/envelope'
import type { FilingForm } from '../../../src/domain/types'

const keys = staticKeyProvider(dataKey(randomBytes(32)))

describe('AES-256-GCM field encryption', () => {
  it('round-trips any string and never stores it in clear', () => {
    fc.assert(
      fc.property(fc.string({ minLength: 1, maxLength: 200 }), fc.string({ maxLength: 40 }), (plain, aad) => {
        const stored = encryptValue(keys, plain, aad)
        expect(isEncrypted(stored)).toBe(true)
        if (plain.length >= 4) expect(stored.includes(plain)).toBe(false)
        expect(decryptValue(keys, stored, aad)).toBe(plain)
      })
    )
  })

  it('uses a fresh IV: the same value encrypts differently each time', () => {
    expect(encryptValue(keys, '13800138000', 'a')).not.toBe(encryptValue(keys, '13800138000', 'a'))
  })

  it('binds a value to its place: moved to another filing or field it no longer decrypts', () => {
    const stored = encryptValue(keys, '13800138000', 'filingA:ownerPrincipal.mobile')
    expect(() => decryptValue(keys, stored, 'filingB:ownerPrincipal.mobile')).toThrow()
    expect(() => decryptValue(keys, stored, 'filingA:appPrincipal.mobile')).toThrow()
  })

  it('detects tampering', () => {
    const stored = encryptValue(keys, '13800138000', 'x')
    const [p, id, payload] = stored.split('.')
    const raw = Buffer.from(payload, 'base64')
    raw[raw.length - 1] ^= 1
    expect(() => decryptValue(keys, [p, id, raw.toString('base64')].join('.'), 'x')).toThrow()
  })

  it('decrypts values written under an older key after rotation', () => {
    const oldKey = dataKey(randomBytes(32))
    const stored = encryptValue(staticKeyProvider(oldKey), 'secret', 'x')
    const rotated = staticKeyProvider(dataKey(randomBytes(32)), oldKey)
    expect(decryptValue(rotated, stored, 'x')).toBe('secret')
    expect(() => decryptValue(keys, stored, 'x')).toThrow(ConfigurationError)
  })

  it('encrypts exactly the sensitive paths of a form', () => {
    const form: FilingForm = {
      owner: { name: '某公司', certificateNumber: '91350100M000100Y43', address: '中关村大街1号' },
      ownerPrincipal: { name: '张三', idNumber: '11010519491231002X', mobile: '13800138000' },
      miniProgram: { name: '示例' },
      appPrincipal: {},
      emergencyContact: { name: '王五', mobile: '13700137000' }
    }
    const stored = encryptForm(keys, form, 'f1')
    expect(stored.owner.name).toBe('某公司')
    expect(stored.ownerPrincipal.name).toBe('张三')
    for (const v of [
      stored.owner.certificateNumber,
      stored.owner.address,
      stored.ownerPrincipal.idNumber,
      stored.ownerPrincipal.mobile,
      stored.emergencyContact.mobile
    ]) {
      expect(isEncrypted(v)).toBe(true)
    }
    expect(decryptForm(keys, stored, 'f1')).toEqual(form)
  })
})

describe('data keys', () => {
  it('come from BEIAN_DATA_KEY and refuse to run without one', () => {
    const key = randomBytes(32).toString('base64')
    expect(
      envKeyProvider({ BEIAN_DATA_KEY: key } as unknown as NodeJS.ProcessEnv)
        .current()
        .key.toString('base64')
    ).toBe(key)
    expect(() => envKeyProvider({} as NodeJS.ProcessEnv).current()).toThrow(ConfigurationError)
    expect(() => envKeyProvider({ BEIAN_DATA_KEY: 'c2hvcnQ=' } as unknown as NodeJS.ProcessEnv).current()).toThrow(
      ConfigurationError
    )
  })

  it('local mode generates one key file with mode 0600, once, and reuses it', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'beian-key-'))
    const first = localKeyProvider(dir, {} as NodeJS.ProcessEnv)
    expect(first.generated).toBe(true)
    expect(fs.statSync(path.join(dir, 'data.key')).mode & 0o777).toBe(0o600)
    const second = localKeyProvider(dir, {} as NodeJS.ProcessEnv)
    expect(second.generated).toBe(false)
    expect(second.keys.current().id).toBe(first.keys.current().id)
    fs.rmSync(dir, { recursive: true })
  })

  it('tokens carry the requested entropy and are URL-safe', () => {
    const t = randomToken(24)
    expect(t).toMatch(/^[A-Za-z0-9_-]{32}$/)
    expect(new Set(Array.from({ length: 200 }, () => randomToken(24))).size).toBe(200)
  })
})
