import type { ChecklistItem, FilingType, MaterialSection } from '../../domain/types'

/** The platforms' filing form sections, in their order, as the checklist groups materials. */
export const MATERIAL_SECTIONS: { id: MaterialSection; title: string; hint: string }[] = [
  { id: 'owner', title: '主办者信息', hint: '备案主体的证件：单位的营业执照等，个人的身份证' },
  { id: 'owner_principal', title: '主体负责人', hint: '对备案主体负责的人，多数省份要求是法定代表人' },
  { id: 'mini_program', title: '小程序信息', hint: '小程序的服务内容和前置审批' },
  { id: 'app_principal', title: '小程序负责人', hint: '实际运营小程序的人，要本人完成人脸核身和短信核验' },
  { id: 'attachments', title: '附件', hint: '授权书、承诺书等需要签字盖章的文件' }
]

export const FILING_TYPE_LABELS: Record<FilingType, string> = {
  new: '首次备案',
  change: '变更备案',
  cancel: '注销备案'
}

/** Checklist items by section, in the sections' order; empty sections are left out. */
export function groupBySection(items: ChecklistItem[]) {
  return MATERIAL_SECTIONS.map((section) => ({
    ...section,
    items: items.filter((item) => item.section === section.id)
  })).filter((group) => group.items.length > 0)
}
