/**
 * buildChecklist: the exact materials one profile needs, each with the reason that names the rule (platform,
 * province or law) so the user knows why it is asked for.
 */
import type { ChecklistItem, FilingProfile, MaterialSection } from '../types'
import { MATERIALS, type MaterialId } from '../rules/materials'
import { PLATFORMS, type PlatformRules } from '../rules/platforms'
import { bureauShortName, PROVINCES, type ProvinceRules } from '../rules/provinces'
import { cancelChecklist } from './cancel-items'
import { authorizationLetter, ownerCertificate, ownerPrincipalId, residencePermit } from './identity-items'
import { item, principalTips } from './material-item'
import { parseFilingNumber } from '../validators/filing-number'
import { preApprovalItems } from './pre-approval-items'

const SECTION_ORDER: MaterialSection[] = ['owner', 'owner_principal', 'mini_program', 'app_principal', 'attachments']

/** The principals' IDs and the face check; a change filing asks for them only when the principal changes. */
function principalItems(profile: FilingProfile, platform: PlatformRules, province?: ProvinceRules): ChecklistItem[] {
  const isIndividual = profile.ownerType === 'individual'
  const isNew = profile.filingType === 'new'
  const items: ChecklistItem[] = []
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
  return items
}

/** What a province asks of every first filing (党建证明, its own commitments, phone bills). */
function provinceFirstFilingItems(profile: FilingProfile, province: ProvinceRules): ChecklistItem[] {
  const bureau = bureauShortName(province.code)
  const items: ChecklistItem[] = []
  if (province.partyBuildingProof && profile.ownerType !== 'individual') {
    items.push(item('party_building_proof', true, `${bureau}要求：首次备案需提供党建证明`, { source: province.source }))
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
  return items
}

/** 新增: the owner already has a 主体备案号, so its identity data must match the existing record exactly. */
function existingOwnerItem(profile: FilingProfile): ChecklistItem | undefined {
  const parsed = profile.existingOwnerFilingNumber ? parseFilingNumber(profile.existingOwnerFilingNumber) : undefined
  if (!parsed?.ok) return undefined
  const ownerNumber = `${parsed.provinceAbbr}ICP备${parsed.ownerNumber}号`
  return item(
    'existing_owner_record',
    true,
    `主体已有备案号${ownerNumber}：本次为新增（在已有主体下新增小程序），不是首次备案；主办单位名称、证件号码和主体负责人信息须与已备案的完全一致，否则会被驳回`,
    { title: `已备案的主体信息（${ownerNumber}）` }
  )
}

function firstFilingItems(profile: FilingProfile, province?: ProvinceRules): ChecklistItem[] {
  const existing = existingOwnerItem(profile)
  return [
    ...(existing ? [existing] : []),
    item(
      'service_commitment',
      true,
      existing ? '新增小程序同样需承诺遵守互联网信息服务的相关规定' : '首次备案需承诺遵守互联网信息服务的相关规定'
    ),
    item(
      'verification_form',
      false,
      '是否需要以平台备案页面为准：部分平台和管局要求上传手写签字并加盖红色公章的核验单'
    ),
    ...(province ? provinceFirstFilingItems(profile, province) : [])
  ]
}

function newOrChangeChecklist(profile: FilingProfile): ChecklistItem[] {
  const platform = PLATFORMS[profile.platform]
  const province = PROVINCES[profile.province] as ProvinceRules | undefined
  const isNew = profile.filingType === 'new'
  const bureau = province ? bureauShortName(province.code) : '管局'
  const items: ChecklistItem[] = [ownerCertificate(profile, platform, province)]
  if (!isNew) {
    items[0].reason = `变更备案会重新核验主体证件：${items[0].reason}`
  }
  items.push(...principalItems(profile, platform, province))

  const auth = authorizationLetter(profile, platform, province)
  if (auth) items.push(auth)
  const permit = residencePermit(profile, platform, province)
  if (permit) items.push(permit)
  items.push(...preApprovalItems(profile, province))

  if (isNew) items.push(...firstFilingItems(profile, province))
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

/** The materials for a profile, in the order of the platform's form sections. */
export function buildChecklist(profile: FilingProfile): ChecklistItem[] {
  const items = profile.filingType === 'cancel' ? cancelChecklist(profile) : newOrChangeChecklist(profile)
  return items
    .map((it, i) => ({ it, i }))
    .sort((a, b) => SECTION_ORDER.indexOf(a.it.section) - SECTION_ORDER.indexOf(b.it.section) || a.i - b.i)
    .map((x) => x.it)
}
