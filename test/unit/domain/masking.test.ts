/** @jest-environment node */
import { maskAddress, maskEmail, maskIdNumber, maskMobile, maskSensitiveField, maskUscc } from '../../../src/domain'
import { SAMPLE_FORM } from '../../../src/domain/samples'

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
    [maskEmail, 'mingyuan@example.com', 'm*******@example.com']
  ])('%p(%j) = %j', (mask, value, expected) => {
    expect(mask(value)).toBe(expected)
  })

  it('never leaves the digits of a street number visible', () => {
    expect(maskAddress('海川路88号云帆大厦3层')).not.toMatch(/88号/)
  })

  it.each([
    ['owner.certificateNumber', '91120116MA05K8QR23', maskUscc],
    ['owner.address', '海川路88号云帆大厦3层', maskAddress],
    ['owner.certificateAddress', '天津市滨海新区海川路88号', maskAddress],
    ['ownerPrincipal.idNumber', '120101198503127034', maskIdNumber],
    ['appPrincipal.mobile', '13712340002', maskMobile],
    ['appPrincipal.email', 'ruoxi@example.com', maskEmail],
    ['emergencyContact.mobile', '13812340003', maskMobile]
  ])('maskSensitiveField(%j) uses the mask of that kind of value', (path, value, mask) => {
    expect(maskSensitiveField(path, value, SAMPLE_FORM)).toBe(mask(value))
  })

  it('masks an individual owner’s certificate number as an ID card, and nothing as nothing', () => {
    const individual = { ...SAMPLE_FORM, owner: { ...SAMPLE_FORM.owner, certificateType: 'id_card' as const } }
    expect(maskSensitiveField('owner.certificateNumber', '120101198503127034', individual)).toBe(
      maskIdNumber('120101198503127034')
    )
    expect(maskSensitiveField('ownerPrincipal.mobile', '')).toBe('')
  })
})
