/** One checklist entry built from the materials table, and the wording shared by several entries. */
import type { ChecklistItem } from '../types'
import { MATERIALS, type MaterialId } from '../rules/materials'
import type { PlatformRules } from '../rules/platforms'
import { bureauShortName, type ProvinceRules } from '../rules/provinces'

export function item(
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

/**
 * The platform's certificate margin as a requirement, or — where the platform has not published one — as what we
 * suggest: 「支付宝未公布…，建议不少于三个月」 is never shown as 「支付宝要求…」.
 */
export function marginRequirement(platform: PlatformRules): string {
  return platform.certificateMargin.published
    ? `${platform.shortName}要求证件剩余有效期${marginText(platform)}`
    : `${platform.shortName}未公布证件剩余有效期要求，建议${marginText(platform)}`
}

export function principalTips(province: ProvinceRules | undefined, base: string[]): string[] {
  const tips = [...base]
  if (province?.localMobileRequired)
    tips.push(`${bureauShortName(province.code)}要求负责人使用${province.shortName}本地手机号码`)
  return tips
}
