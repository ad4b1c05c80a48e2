/**
 * buildChecklist: the exact materials one profile needs, each with the reason that names the rule (platform,
 * province or law) so the user knows why it is asked for.
 */
import type { ChecklistItem, FilingProfile, IndustryId, MaterialSection } from './types'
import { detectPreApprovalInTexts, TEXT_FIELD_LABELS } from './preApproval'
import { INDUSTRIES } from './rules/industries'
import { MATERIALS, type MaterialId } from './rules/materials'
import { OWNER_TYPES } from './rules/ownerTypes'
import { PLATFORMS, type PlatformRules } from './rules/platforms'
import { bureauShortName, PROVINCES, type ProvinceRules } from './rules/provinces'
import { provinceName } from './rules/regions'
import { LAW, SOURCE } from './rules/sources'

const SECTION_ORDER: MaterialSection[] = ['owner', 'owner_principal', 'mini_program', 'app_principal', 'attachments']

function item(
  id: MaterialId,
  required: boolean,
  reason: string,
  extra: Partial<Omit<ChecklistItem, 'id' | 'required' | 'reason'>> = {}
): ChecklistItem {
  const m = MATERIALS[id]
  const out: ChecklistItem = {
    id,
    title: m.title,
    required,
    reason,
    tips: m.tips,
    source: m.source,
    section: m.section,
    isPhoto: m.isPhoto,
    ...extra
  }
  if (m.goodExample && !out.goodExample) out.goodExample = m.goodExample
  if (m.template && !out.template) out.template = m.template
  return out
}

export function marginText(platform: PlatformRules): string {
  const { months, strict } = platform.certificateMargin
  return `${strict ? '超过' : '不少于'}${months === 1 ? '一' : months === 3 ? '三' : months}个月`
}

/** Pre-approval keyword hits for industries the user did not declare: those need the 不涉及 承诺书. */
export function undeclaredKeywordHits(profile: FilingProfile) {
  return detectPreApprovalInTexts(profile.texts ?? {}).filter((h) => !profile.industries.includes(h.industry))
}

function touchesFinance(profile: FilingProfile): boolean {
  return (
    profile.industries.includes('internet_finance') ||
    detectPreApprovalInTexts(profile.texts ?? {}).some((h) => h.industry === 'internet_finance')
  )
}

function principalTips(province: ProvinceRules | undefined, base: string[]): string[] {
  const tips = [...base]
  if (province?.localMobileRequired)
    tips.push(`${bureauShortName(province.code)}要求负责人使用${province.shortName}本地手机号码`)
  return tips
}

function ownerCertificate(profile: FilingProfile, platform: PlatformRules, province?: ProvinceRules): ChecklistItem {
  const ownerType = OWNER_TYPES[profile.ownerType]
  const isIndividual = profile.ownerType === 'individual'
  const reasons = [
    isIndividual
      ? '个人主体以本人身份证作为主办单位证件，证件须为本人有效身份证'
      : `${ownerType.label}主体以${ownerType.certificateTitle}作为主办单位证件，名称和代码须与国家企业信用信息公示系统一致`,
    `${platform.name}要求证件剩余有效期${marginText(platform)}`
  ]
  const tips = [...MATERIALS.owner_certificate.tips]
  if (province?.crossCityForbidden)
    tips.push(`${bureauShortName(province.code)}不允许跨市备案：所选地区须与证件所在市一致`)
  if (!isIndividual) tips.push('非个人主体须在证件所在省份备案，不能跨省')
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

function ownerPrincipalId(profile: FilingProfile, province?: ProvinceRules): ChecklistItem {
  const bureau = province ? bureauShortName(province.code) : '管局'
  let reason = '主体负责人一般由法定代表人担任'
  let warning: string | undefined
  if (province?.ownerPrincipal === 'required') {
    reason =
      province.code === '31'
        ? `${bureau}要求：主体负责人必须是法定代表人，非法定代表人即使有授权书也不能担任`
        : `${bureau}要求：主体负责人必须是法定代表人`
    if (!profile.ownerPrincipalIsLegalRep) warning = `${reason}。请改由法定代表人担任主体负责人`
  } else if (province?.ownerPrincipal === 'authorization') {
    reason = `${bureau}允许非法定代表人担任主体负责人，但需提供法定代表人签字盖章的授权书`
  }
  return item('owner_principal_id', true, reason, {
    tips: principalTips(province, MATERIALS.owner_principal_id.tips),
    warning
  })
}

function authorizationLetter(
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

function residencePermit(
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

function preApprovalItems(profile: FilingProfile, province?: ProvinceRules): ChecklistItem[] {
  const out: ChecklistItem[] = []
  if (profile.industries.length) {
    const inds = profile.industries.map((id: IndustryId) => INDUSTRIES[id])
    out.push(
      item(
        'pre_approval',
        true,
        `小程序涉及${inds.map((i) => i.label).join('、')}，${LAW.icpMeasures5}规定须先取得主管部门审批：${inds
          .map((i) => `${i.authority}的${i.approvalExample}`)
          .join('；')}`,
        {
          title: `前置审批文件（${inds.map((i) => i.label).join('、')}）`,
          tips: [
            ...MATERIALS.pre_approval.tips,
            ...inds.map((i) => `${i.label}：${i.approvalExample}（${i.authority}）`)
          ]
        }
      )
    )
  }
  const hits = undeclaredKeywordHits(profile)
  if (hits.length) {
    const shown = hits
      .slice(0, 3)
      .map((h) => `${TEXT_FIELD_LABELS[h.field]}中的“${h.keyword}”（${INDUSTRIES[h.industry].label}）`)
      .join('、')
    out.push(
      item(
        'no_pre_approval_commitment',
        true,
        `${shown}${hits.length > 3 ? '等' : ''}命中前置审批行业关键词：实际不涉及时，需提交不涉及前置审批的承诺书（或在备注中说明）`
      )
    )
  }
  const finance = province?.extraCommitments.find((c) => c.when === 'finance')
  if (finance && touchesFinance(profile)) {
    out.push(
      item(
        finance.id as MaterialId,
        true,
        `${bureauShortName(province!.code)}要求：涉及金融类内容的需提供${finance.title}`,
        {
          title: finance.title,
          source: province!.source
        }
      )
    )
  }
  return out
}

function newOrChangeChecklist(profile: FilingProfile): ChecklistItem[] {
  const platform = PLATFORMS[profile.platform]
  const province = PROVINCES[profile.province] as ProvinceRules | undefined
  const isIndividual = profile.ownerType === 'individual'
  const isNew = profile.filingType === 'new'
  const bureau = province ? bureauShortName(province.code) : '管局'
  const items: ChecklistItem[] = [ownerCertificate(profile, platform, province)]
  if (!isNew) {
    items[0].reason = `变更备案会重新核验主体证件：${items[0].reason}`
  }

  if (!isIndividual) {
    const p = ownerPrincipalId(profile, province)
    if (!isNew) {
      p.required = false
      p.reason = `更换主体负责人或其证件信息变化时需要；${p.reason}`
    }
    items.push(p)
  }

  items.push(
    item(
      'app_principal_id',
      isNew,
      isNew
        ? isIndividual
          ? '个人主体的小程序负责人须为本人'
          : '小程序负责人是实际运营小程序的人，需本人完成人脸核身和12381短信核验'
        : '更换小程序负责人或其证件信息变化时需要',
      { tips: principalTips(province, MATERIALS.app_principal_id.tips) }
    ),
    item(
      'face_check',
      isNew,
      isNew ? `${platform.shortName}通过人脸核身确认小程序负责人为本人` : '更换小程序负责人时，新负责人需完成人脸核身'
    )
  )

  const auth = authorizationLetter(profile, platform, province)
  if (auth) items.push(auth)
  const permit = residencePermit(profile, platform, province)
  if (permit) items.push(permit)
  items.push(...preApprovalItems(profile, province))

  if (isNew) {
    items.push(
      item('service_commitment', true, '首次备案需承诺遵守互联网信息服务的相关规定'),
      item(
        'verification_form',
        false,
        '是否需要以平台备案页面为准：部分平台和管局要求上传手写签字并加盖红色公章的核验单'
      )
    )
    if (province) {
      if (province.partyBuildingProof && !isIndividual) {
        items.push(
          item('party_building_proof', true, `${bureau}要求：首次备案需提供党建证明`, { source: province.source })
        )
      }
      for (const c of province.extraCommitments) {
        if (c.when === 'always') {
          items.push(
            item(c.id as MaterialId, true, `${bureau}要求：备案需提供${c.title}`, {
              title: c.title,
              source: province.source
            })
          )
        }
      }
      if (province.phoneBillMonths) {
        items.push(
          item('phone_bills', true, `${bureau}要求：提供负责人手机号码近${province.phoneBillMonths}个月的话费账单`, {
            source: province.source
          })
        )
      }
    }
  }
  if (profile.ownerType === 'individual_business' && province?.individualBusinessNaming) {
    items.push(
      item(
        'individual_business_remark',
        false,
        `${bureau}要求：${province.individualBusinessNaming}（有字号的按营业执照名称填写）`,
        {
          source: province.source
        }
      )
    )
  }
  return items
}

function cancelChecklist(profile: FilingProfile): ChecklistItem[] {
  const platform = PLATFORMS[profile.platform]
  const ownerType = OWNER_TYPES[profile.ownerType]
  const items = [
    item('ownership_proof', true, `注销需证明申请人就是备案主体：${ownerType.certificateTitle}`, {
      title: `主体归属证明（${ownerType.certificateTitle}）`
    })
  ]
  if (profile.ownerType !== 'individual') {
    items.push(item('owner_principal_id', true, '注销由主体负责人申请，需核验其身份证'))
  }
  items.push(
    item('cancellation_request', true, `注销申请写明小程序、主体和原因：${platform.cancellation}`, {
      tips: [...MATERIALS.cancellation_request.tips, `申请方式：${platform.cancellation}`],
      source: `${platform.source}；${SOURCE.providerGuides}`
    })
  )
  return items
}

/** The materials for a profile, in the order of the platform's form sections. */
export function buildChecklist(profile: FilingProfile): ChecklistItem[] {
  const items = profile.filingType === 'cancel' ? cancelChecklist(profile) : newOrChangeChecklist(profile)
  return items
    .map((it, i) => ({ it, i }))
    .sort((a, b) => SECTION_ORDER.indexOf(a.it.section) - SECTION_ORDER.indexOf(b.it.section) || a.i - b.i)
    .map((x) => x.it)
}
