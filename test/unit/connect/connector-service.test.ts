/** services/connector and services/qr: the platform status in words, and the QR matrix the connect page draws. */
import fc from 'fast-check'
import { encode } from 'uqr'
import { connectorPlatformOf, platformStatusText } from '../../../src/services/connector'
import { qrMatrix } from '../../../src/services/qr'

jest.mock('../../../src/services/api', () => ({ api: {} }))

describe('platformStatusText', () => {
  it.each([
    ['wechat', undefined, undefined, '尚未读取'],
    ['wechat', 2, undefined, '平台审核中'],
    ['wechat', 3, undefined, '平台驳回'],
    ['wechat', 4, undefined, '管局审核中'],
    ['wechat', 4, 1, '管局审核中（等待短信核验）'],
    ['wechat', 4, 2, '管局审核中（短信核验完成）'],
    ['wechat', 4, 3, '管局审核中（短信核验超时）'],
    ['wechat', 5, undefined, '管局驳回'],
    ['wechat', 6, undefined, '已备案'],
    ['wechat', 1024, undefined, '未备案'],
    ['wechat', 1032, undefined, '未备案'],
    ['douyin', 7, undefined, '平台状态 7']
  ] as const)('%s %s / sms %s → %s', (platform, status, sms, text) => {
    expect(platformStatusText(platform, status, sms)).toBe(text)
  })
})

it.each([
  ['weapp', 'wechat'],
  ['tt', 'douyin'],
  ['alipay', undefined]
] as const)('a %s filing is followed by %s', (platform, provider) => {
  expect(connectorPlatformOf(platform)).toBe(provider)
})

describe('qrMatrix', () => {
  /** The 7×7 finder pattern, drawn at three corners inside the 2-module quiet zone. */
  const finderAt = (m: boolean[][], x0: number, y0: number) =>
    Array.from({ length: 7 }, (_, y) =>
      Array.from({ length: 7 }, (_, x) => {
        const ring = Math.max(Math.abs(x - 3), Math.abs(y - 3))
        return m[y0 + y][x0 + x] === (ring !== 2)
      }).every(Boolean)
    ).every(Boolean)

  it('is a square QR matrix of a legal version with a quiet zone and three finder patterns, for any link', () => {
    fc.assert(
      fc.property(fc.webUrl({ withQueryParameters: true }), (url) => {
        const m = qrMatrix(url)
        const n = m.length
        const version = (n - 4 - 17) / 4
        expect(Number.isInteger(version) && version >= 1 && version <= 40).toBe(true)
        expect(m.every((row) => row.length === n)).toBe(true)
        expect(m[0].some(Boolean) || m[n - 1].some(Boolean) || m.some((r) => r[0] || r[n - 1])).toBe(false)
        expect(finderAt(m, 2, 2) && finderAt(m, n - 9, 2) && finderAt(m, 2, n - 9)).toBe(true)
      }),
      { numRuns: 40 }
    )
  })

  it('encodes exactly what the encoder gives for the same text (medium error correction)', () => {
    const link = 'http://127.0.0.1:8787/api/platform/fake/wechat/safe/bindcomponent?pre_auth_code=abc'
    expect(qrMatrix(link)).toEqual(encode(link, { ecc: 'M', border: 2 }).data)
  })
})
