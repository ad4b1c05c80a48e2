/** @jest-environment node */
import { buildChecklist, type FilingProfile } from '../../../src/domain'
import { SAMPLE_PROFILE } from '../../../src/domain/samples'

const profile = (over: Partial<FilingProfile>): FilingProfile => ({
  ...SAMPLE_PROFILE,
  ownerPrincipalIsLegalRep: true,
  appPrincipalIsLegalRep: true,
  texts: { ownerName: '某某科技有限公司', appName: '会议室预订', appDescription: '会议室在线预订与签到' },
  ...over
})
const ids = (p: FilingProfile) => buildChecklist(p).map((i) => i.id)
const find = (p: FilingProfile, id: string) => buildChecklist(p).find((i) => i.id === id)

describe('buildChecklist: new filings', () => {
  it('lists the base materials of an organisation in form order', () => {
    expect(ids(profile({ province: '11' }))).toEqual([
      'owner_certificate',
      'owner_principal_id',
      'app_principal_id',
      'face_check',
      'service_commitment',
      'verification_form'
    ])
  })

  it('gives every item a Chinese reason and a source', () => {
    for (const item of buildChecklist(profile({ province: '65', appPrincipalIsLegalRep: false }))) {
      expect(item.reason).toMatch(/[\u4e00-\u9fa5]/)
      expect(item.source).toBeTruthy()
    }
  })

  it.each([
    ['12', 'weapp', false, true, '天津管局要求：小程序负责人不是法定代表人时需提供授权书'],
    ['12', 'tt', true, false, '天津管局要求：主体负责人不是法定代表人时需提供授权书'],
    ['23', 'tt', false, true, '黑龙江管局要求：小程序负责人不是法定代表人时需提供授权书'],
    ['11', 'weapp', false, true, '微信要求：主体负责人或小程序负责人不是法定代表人时需提供授权书'],
    ['11', 'tt', false, true, '北京未公布专门规定']
  ] as const)(
    'province %s on %s (app rep %s, owner rep %s) needs a 授权书: %s',
    (province, platform, appRep, ownerRep, reason) => {
      const item = find(
        profile({ province, platform, appPrincipalIsLegalRep: appRep, ownerPrincipalIsLegalRep: ownerRep }),
        'authorization_letter'
      )
      expect(item).toMatchObject({ required: true, section: 'attachments' })
      expect(item!.reason).toContain(reason)
      expect(item!.template).toContain('{authorizedName}')
    }
  )

  it('asks for no 授权书 when both principals are legal representatives, nor from individuals', () => {
    expect(ids(profile({ province: '12' }))).not.toContain('authorization_letter')
    expect(
      ids(profile({ ownerType: 'individual', residenceProvince: '12', appPrincipalIsLegalRep: false }))
    ).not.toContain('authorization_letter')
  })

  it.each([
    ['31', '上海管局要求：主体负责人必须是法定代表人，非法定代表人即使有授权书也不能担任'],
    ['13', '河北管局要求：主体负责人必须是法定代表人']
  ])('warns that %s does not accept a non-legal-representative owner principal', (province, text) => {
    const item = find(profile({ province, ownerPrincipalIsLegalRep: false }), 'owner_principal_id')
    expect(item!.warning).toContain(text)
  })

  it.each([
    ['31', 'weapp', true, '上海管局要求：外省户籍个人需提供本市居住证'],
    ['33', 'tt', true, '浙江管局要求'],
    ['11', 'weapp', true, '微信要求'],
    ['11', 'tt', false, '北京未公布专门规定']
  ] as const)(
    'out-of-province individual in %s on %s: residence permit required=%s',
    (province, platform, required, reason) => {
      const item = find(
        profile({ ownerType: 'individual', province, platform, residenceProvince: '42' }),
        'residence_permit'
      )
      expect(item).toMatchObject({ required })
      expect(item!.reason).toContain(reason)
    }
  )

  it('warns instead of listing a residence permit where out-of-province individuals are refused', () => {
    const p = profile({ ownerType: 'individual', province: '15', residenceProvince: '42' })
    expect(ids(p)).not.toContain('residence_permit')
    expect(find(p, 'owner_certificate')!.warning).toContain('内蒙古管局不接受外省户籍个人备案')
  })

  it('needs no residence permit for a local individual', () => {
    expect(ids(profile({ ownerType: 'individual', province: '31', residenceProvince: '31' }))).not.toContain(
      'residence_permit'
    )
  })

  it.each([
    ['65', 'party_building_proof', '新疆管局要求：首次备案需提供党建证明'],
    ['31', 'shanghai_commitment', '上海管局要求'],
    ['23', 'phone_bills', '近3个月的话费账单']
  ])('province %s adds %s', (province, id, reason) => {
    expect(find(profile({ province }), id)!.reason).toContain(reason)
  })

  it('adds the 广东 finance commitment only when the mini-program touches finance', () => {
    expect(ids(profile({ province: '44' }))).not.toContain('guangdong_finance_commitment')
    expect(ids(profile({ province: '44', industries: ['internet_finance'] }))).toContain('guangdong_finance_commitment')
    expect(ids(profile({ province: '44', texts: { appDescription: '个人理财记账工具' } }))).toContain(
      'guangdong_finance_commitment'
    )
  })

  it('asks for approval documents of the declared industries', () => {
    const item = find(profile({ industries: ['medical', 'drugs_devices'] }), 'pre_approval')!
    expect(item.title).toBe('前置审批文件（医疗保健、药品和医疗器械）')
    expect(item.reason).toContain('互联网药品信息服务资格证书')
  })

  it('asks for the 不涉及 承诺书 when texts hit keywords of undeclared industries, naming the hit', () => {
    const item = find(profile({ texts: { ownerName: '某某教育科技有限公司' } }), 'no_pre_approval_commitment')!
    expect(item.required).toBe(true)
    expect(item.reason).toContain('主办单位名称中的“教育”（教育）')
    expect(item.template).toContain('{keywords}')
    expect(ids(profile({ texts: { ownerName: '某某教育科技有限公司' }, industries: ['education'] }))).not.toContain(
      'no_pre_approval_commitment'
    )
  })

  it('adds the 个体工商户 naming rule in 浙江 and 安徽', () => {
    expect(ids(profile({ ownerType: 'individual_business', province: '33' }))).toContain('individual_business_remark')
    expect(ids(profile({ ownerType: 'individual_business', province: '34' }))).toContain('individual_business_remark')
    expect(ids(profile({ ownerType: 'individual_business', province: '11' }))).not.toContain(
      'individual_business_remark'
    )
  })

  it('uses the certificate of the owner type', () => {
    expect(find(profile({ ownerType: 'institution' }), 'owner_certificate')!.title).toBe(
      '主办单位证件（事业单位法人证书）'
    )
    expect(find(profile({ ownerType: 'individual', residenceProvince: '12' }), 'owner_certificate')!.title).toBe(
      '主办单位证件（居民身份证）'
    )
    expect(find(profile({ platform: 'tt' }), 'owner_certificate')!.reason).toContain('不少于三个月')
  })
})

describe('buildChecklist: change and cancel filings', () => {
  it('a change filing re-checks the owner and makes principal materials conditional', () => {
    const items = buildChecklist(profile({ filingType: 'change' }))
    expect(items.map((i) => i.id)).not.toContain('service_commitment')
    expect(items.find((i) => i.id === 'owner_certificate')!.reason).toMatch(/^变更备案/)
    expect(items.find((i) => i.id === 'face_check')!.required).toBe(false)
  })

  it('a cancellation needs ownership proof and a request with the platform channel', () => {
    expect(ids(profile({ filingType: 'cancel' }))).toEqual([
      'ownership_proof',
      'owner_principal_id',
      'cancellation_request'
    ])
    expect(ids(profile({ filingType: 'cancel', ownerType: 'individual' }))).toEqual([
      'ownership_proof',
      'cancellation_request'
    ])
    expect(find(profile({ filingType: 'cancel', platform: 'tt' }), 'cancellation_request')!.reason).toContain('邮件')
  })
})
