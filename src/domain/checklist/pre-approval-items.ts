/** Entries about 前置审批: approval documents, the 不涉及 commitment, and a province's finance commitment. */
import type { ChecklistItem, FilingProfile, IndustryId } from '../types'
import { detectPreApprovalInTexts, TEXT_FIELD_LABELS } from '../pre-approval'
import { approvalDocument, INDUSTRIES } from '../rules/industries'
import { MATERIALS, type MaterialId } from '../rules/materials'
import { bureauShortName, type ProvinceRules } from '../rules/provinces'
import { LAW } from '../rules/sources'
import { item } from './material-item'

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

export function preApprovalItems(profile: FilingProfile, province?: ProvinceRules): ChecklistItem[] {
  const out: ChecklistItem[] = []
  if (profile.industries.length) {
    const inds = profile.industries.map((id: IndustryId) => INDUSTRIES[id])
    out.push(
      item(
        'pre_approval',
        true,
        `小程序涉及${inds.map((i) => i.label).join('、')}，${LAW.icpMeasures5}规定须先取得主管部门审批：${inds
          .map(approvalDocument)
          .join('；')}`,
        {
          title: `前置审批文件（${inds.map((i) => i.label).join('、')}）`,
          tips: [...MATERIALS.pre_approval.tips, ...inds.map((i) => `${i.label}：${approvalDocument(i)}`)]
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
