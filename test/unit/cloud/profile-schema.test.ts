/** @jest-environment node */
import { profileSchema } from '../../../src/cloud/schemas'
import { SAMPLE_PROFILE } from '../../../src/domain/samples'

describe('profileSchema: the wizard’s new answers', () => {
  it('accepts 已有主体备案号 and the 注销 kind, number and AppID', () => {
    const profile = {
      ...SAMPLE_PROFILE,
      filingType: 'cancel',
      existingOwnerFilingNumber: '津ICP备12345678号',
      cancelKind: 'mini_program',
      cancelFilingNumber: '津ICP备12345678号-1X',
      appId: 'wx1234567890abcdef'
    }
    expect(profileSchema.safeParse(profile).success).toBe(true)
  })

  it.each([[{ cancelKind: 'everything' }], [{ appId: 'wx<script>' }], [{ existingOwnerFilingNumber: 'x'.repeat(41) }]])(
    'refuses %j',
    (over) => {
      expect(profileSchema.safeParse({ ...SAMPLE_PROFILE, ...over }).success).toBe(false)
    }
  )
})
