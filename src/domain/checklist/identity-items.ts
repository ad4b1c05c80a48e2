/** Entries about who files: the owner's certificate, the principals, authorization letters and residence permits. */
import type { ChecklistItem, FilingProfile } from '../types'
import { MATERIALS } from '../rules/materials'
import { OWNER_TYPES } from '../rules/owner-types'
import type { PlatformRules } from '../rules/platforms'
import { bureauShortName, type ProvinceRules } from '../rules/provinces'
import { provinceName } from '../rules/regions'
import { item, marginRequirement, principalTips } from './material-item'

/** Rejection reason 13: filings of one owner submitted on several platforms at once conflict with each other. */
export const PARALLEL_FILING_WARNING =
  '同一主体不要在几个平台同时提交备案：同时进行的备案会相互冲突而被驳回，一个平台通过后再在其他平台备案'

export function ownerCertificate(
  profile: FilingProfile,
  platform: PlatformRules,
  province?: ProvinceRules
): ChecklistItem {
  const ownerType = OWNER_TYPES[profile.ownerType]
  const isIndividual = profile.ownerType === 'individual'
  const reasons = [
    isIndividual
      ? '个人主体以本人身份证作为主办单位证件，证件须为本人有效身份证'
      : `${ownerType.label}主体以${ownerType.certificateTitle}作为主办单位证件，名称和代码须与国家企业信用信息公示系统一致`,
    marginRequirement(platform)
  ]
  const tips = [...MATERIALS.owner_certificate.tips]
  if (province?.crossCityForbidden)
    tips.push(`${bureauShortName(province.code)}不允许跨市备案：所选地区须与证件所在市一致`)
  if (!isIndividual) tips.push('非个人主体须在证件所在省份备案，不能跨省')
  if (profile.filingType === 'new') tips.push(PARALLEL_FILING_WARNING)
  let warning: string | undefined
  if (
    isIndividual &&
    province &&
    profile.residenceProvince &&
    profile.residenceProvince !== profile.province &&
    province.outOfProvinceIndividual === 'not_accepted'
  ) {
    warning = `${bureauShortName(province.code)}不接受外省户籍个人备案：身份证为${provinceName(profile.residenceProvince)}签发，请改在${provinceName(profile.residenceProvince)}备案或以单位主体备案`
  }
  return item('owner_certificate', true, reasons.join('；'), {
    title: `主办单位证件（${ownerType.certificateTitle}）`,
    tips,
    warning
  })
}

export function ownerPrincipalId(profile: FilingProfile, province?: ProvinceRules): ChecklistItem {
  const bureau = province ? bureauShortName(province.code) : '管局'
  let reason = '主体负责人一般由法定代表人担任'
  let warning: string | undefined
  if (province?.ownerPrincipal === 'required') {
    reason = `${bureau}要求：主体负责人必须是法定代表人${province.ownerPrincipalNote ? `，${province.ownerPrincipalNote}` : ''}`
    if (!profile.ownerPrincipalIsLegalRep) warning = `${reason}。请改由法定代表人担任主体负责人`
  } else if (province?.ownerPrincipal === 'authorization') {
    reason = `${bureau}允许非法定代表人担任主体负责人，但需提供法定代表人签字盖章的授权书`
  }
  return item('owner_principal_id', true, reason, {
    tips: principalTips(province, MATERIALS.owner_principal_id.tips),
    warning
  })
}

export function authorizationLetter(
  profile: FilingProfile,
  platform: PlatformRules,
  province?: ProvinceRules
): ChecklistItem | undefined {
  if (!OWNER_TYPES[profile.ownerType].hasLegalRep) return undefined
  const ownerNot = !profile.ownerPrincipalIsLegalRep
  const appNot = !profile.appPrincipalIsLegalRep
  if (!ownerNot && !appNot) return undefined
  const bureau = province ? bureauShortName(province.code) : '管局'
  const reasons: string[] = []
  if (province) {
    if (ownerNot && province.ownerPrincipal === 'authorization') {
      reasons.push(`${bureau}要求：主体负责人不是法定代表人时需提供授权书`)
    }
    if (appNot && province.appPrincipal === 'authorization') {
      reasons.push(`${bureau}要求：小程序负责人不是法定代表人时需提供授权书`)
    }
  }
  if (platform.authorizationWhenNotLegalRep) {
    reasons.push(`${platform.shortName}要求：主体负责人或小程序负责人不是法定代表人时需提供授权书`)
  }
  if (!reasons.length) {
    reasons.push(
      `负责人不是法定代表人，审核通常要求法定代表人的授权书（${province?.shortName ?? '该省'}未公布专门规定）`
    )
  }
  const tips = [...MATERIALS.authorization_letter.tips]
  if (ownerNot && appNot) tips.push('主体负责人和小程序负责人都不是法定代表人时，授权书中写明两人及各自的职责')
  if (province?.remarkWhenNotLegalRep) tips.push(`${bureau}还要求在备注中说明负责人不是法定代表人并已取得授权`)
  if (province?.samePrincipalRequired) tips.push(`${bureau}要求主体负责人与小程序负责人为同一人`)
  return item('authorization_letter', true, reasons.join('；'), {
    tips,
    source: province && reasons[0].startsWith(bureau) ? province.source : MATERIALS.authorization_letter.source
  })
}

export function residencePermit(
  profile: FilingProfile,
  platform: PlatformRules,
  province?: ProvinceRules
): ChecklistItem | undefined {
  if (profile.ownerType !== 'individual' || !province) return undefined
  const bureau = bureauShortName(province.code)
  if (!profile.residenceProvince) {
    return item(
      'residence_permit',
      false,
      `如果身份证不是${province.shortName}签发的（号码前两位不是${province.code}），需要提供${province.shortName}的居住证`
    )
  }
  if (profile.residenceProvince === profile.province) return undefined
  if (province.outOfProvinceIndividual === 'not_accepted') return undefined
  const reasons: string[] = []
  if (province.outOfProvinceIndividual === 'residence_permit') {
    reasons.push(`${bureau}要求：外省户籍个人需提供${province.residencePermitNote ?? `${province.shortName}居住证`}`)
  }
  if (platform.residencePermitForOutOfProvince) {
    reasons.push(`${platform.shortName}要求：外省户籍个人备案需提供备案地的居住证`)
  }
  if (reasons.length) return item('residence_permit', true, reasons.join('；'))
  return item(
    'residence_permit',
    false,
    `部分管局要求外省户籍个人提供居住证，${province.shortName}未公布专门规定，建议提前准备`
  )
}
