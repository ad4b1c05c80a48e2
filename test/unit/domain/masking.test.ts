/** @jest-environment node */
import { maskAddress, maskEmail, maskIdNumber, maskMobile, maskName, maskUscc } from '../../../src/domain'

describe('masking', () => {
  it.each([
    [maskIdNumber, '110101199003071234', '110***********1234'],
    [maskIdNumber, '11010119900307123x', '110***********123x'],
    [maskIdNumber, '1234', '****'],
    [maskMobile, '13800138000', '138****8000'],
    [maskMobile, '+86 138-0013-8000', '138****8000'],
    [maskUscc, '91120116MA05K8QR23', '9112************23'],
    [maskAddress, '滨海新区海川路88号3栋', '滨海新区海川****'],
    [maskAddress, '幸福路1号', '幸福****'],
    [maskAddress, '', ''],
    [maskName, '李明远', '李**'],
    [maskEmail, 'mingyuan@example.com', 'm*******@example.com']
  ])('%p(%j) = %j', (mask, value, expected) => {
    expect(mask(value)).toBe(expected)
  })

  it('never leaves the digits of a street number visible', () => {
    expect(maskAddress('海川路88号云帆大厦3层')).not.toMatch(/88号/)
  })
})
