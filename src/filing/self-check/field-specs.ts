/**
 * What each section of the self-check form asks, in the words of the platforms' filing forms: data, drawn by
 * field-block.tsx. The list of fields (`sectionSpecs`) also decides which block shows which finding.
 */
import { marginText } from '../../domain/checklist'
import { INDUSTRIES } from '../../domain/rules/industries'
import { CERTIFICATE_TYPE_LABELS } from '../../domain/rules/owner-types'
import { PLATFORMS, remarkRule } from '../../domain/rules/platforms'
import { REGION_BY_CODE } from '../../domain/rules/regions'
import type { FilingForm, FilingProfile, FormSection, IndustryId } from '../../domain/types'
import { ID_TYPE_OPTIONS, SERVICE_TYPE_OPTIONS, displayValue } from './fields'
import { ownerSpecs } from './owner-specs'

type Option = { value: string; label: string }

export type FieldSpec = {
  path: string
  label: string
  hint?: string
  required?: boolean
} & (
  | {
      kind: 'text'
      placeholder?: string
      maxLength: number
      keyboard?: 'text' | 'number' | 'idcard'
      multiline?: boolean
    }
  | { kind: 'date' }
  | { kind: 'choice'; options: Option[] }
  | { kind: 'province' }
  | { kind: 'multi'; options: string[]; max: number }
  | { kind: 'industries' }
)

const PRE_APPROVAL_OPTIONS: Option[] = [
  { value: 'none', label: '以上都不涉及' },
  { value: 'has', label: '涉及，已取得前置审批' }
]

function personSpecs(
  section: 'ownerPrincipal' | 'appPrincipal',
  form: FilingForm,
  profile?: FilingProfile
): FieldSpec[] {
  const platform = PLATFORMS[profile?.platform ?? 'weapp']
  const idCard = (form[section].idType ?? 'id_card') === 'id_card'
  const who = section === 'ownerPrincipal' ? '主办单位负责人' : '小程序负责人'
  return [
    {
      path: `${section}.name`,
      label: `${who}姓名`,
      hint: section === 'ownerPrincipal' ? '多数省份要求是法定代表人' : '实际运营小程序的人，不必是管理员',
      required: true,
      kind: 'text',
      placeholder: '与证件上的姓名一致',
      maxLength: 64
    },
    { path: `${section}.idType`, label: '证件类型', required: true, kind: 'choice', options: ID_TYPE_OPTIONS },
    {
      path: `${section}.idNumber`,
      label: '证件号码',
      hint: idCard ? '18位身份证号码，对照原件逐位核对' : '按证件原样填写',
      required: true,
      kind: 'text',
      placeholder: idCard ? '18位身份证号码' : '证件号码',
      maxLength: 32,
      keyboard: idCard ? 'idcard' : 'text'
    },
    {
      path: `${section}.idValidUntil`,
      label: '证件有效期',
      hint: `填写证件上的截止日期；长期有效的选“长期”。剩余有效期须${marginText(platform)}`,
      required: true,
      kind: 'date'
    },
    {
      path: `${section}.mobile`,
      label: '手机号码',
      hint: '本人实名的大陆手机号，保持畅通：平台或管局可能来电核实；不同的人不能用同一个号码',
      required: true,
      kind: 'text',
      placeholder: '11位手机号码',
      maxLength: 20,
      keyboard: 'number'
    },
    {
      path: `${section}.email`,
      label: '电子邮箱',
      hint: '常用邮箱，备案结果也会发到这里',
      kind: 'text',
      placeholder: '如：name@example.com',
      maxLength: 100
    }
  ]
}

function miniProgramSpecs(form: FilingForm, profile?: FilingProfile): FieldSpec[] {
  const platform = PLATFORMS[profile?.platform ?? 'weapp']
  const { min, max } = remarkRule(profile?.platform ?? 'weapp')
  const mp = form.miniProgram
  const specs: FieldSpec[] = [
    {
      path: 'miniProgram.name',
      label: '小程序名称',
      hint: '与平台上的名称一致（平台会自动带出）；须与主办单位的经营范围相符，不能含“中国”“国家”等限制词',
      required: true,
      kind: 'text',
      placeholder: '小程序名称',
      maxLength: 64
    },
    {
      path: 'miniProgram.description',
      label: '备注（服务内容）',
      hint: `用${min}–${max}个字写清小程序提供什么服务、面向谁、主要功能；“测试”“工具”之类笼统的说法会被驳回`,
      required: true,
      kind: 'text',
      multiline: true,
      placeholder: '如：为园区入驻企业提供会议室在线预订服务……',
      // the counter shows the platform's own limit (WeChat: 200), not the server's storage limit
      maxLength: max
    },
    {
      path: 'miniProgram.serviceTypes',
      label: '服务内容类型',
      hint: `按实际业务选择，最多${platform.maxServiceTypes}项（以平台表单中的选项为准）`,
      required: true,
      kind: 'multi',
      options: [...new Set([...SERVICE_TYPE_OPTIONS, ...(mp.serviceTypes ?? [])])],
      max: platform.maxServiceTypes
    },
    {
      path: 'miniProgram.preApproval',
      label: '前置审批',
      hint: '涉及新闻、出版、教育、医疗保健、药品和医疗器械、文化、广播电影电视节目等行业的，须先取得主管部门的审批文件；都不涉及的选“以上都不涉及”',
      required: true,
      kind: 'choice',
      options: PRE_APPROVAL_OPTIONS
    }
  ]
  if (mp.preApproval === 'has') {
    specs.push({
      path: 'miniProgram.preApprovals',
      label: '涉及的行业',
      hint: '勾选每个涉及的行业，填写其审批文件',
      kind: 'industries'
    })
    ;(mp.preApprovals ?? []).forEach((entry, i) => {
      const industry = INDUSTRIES[entry.industry]?.label ?? ''
      specs.push(
        {
          path: `miniProgram.preApprovals.${i}.approvalNumber`,
          label: `${industry}审批文号`,
          hint: INDUSTRIES[entry.industry] ? `例如：${INDUSTRIES[entry.industry].approvalExample}上的编号` : undefined,
          required: true,
          kind: 'text',
          placeholder: '按审批文件原样填写',
          maxLength: 64
        },
        {
          path: `miniProgram.preApprovals.${i}.fileName`,
          label: `${industry}审批文件名称`,
          required: true,
          kind: 'text',
          placeholder: '审批文件的标题',
          maxLength: 128
        }
      )
    })
  }
  return specs
}

function emergencySpecs(): FieldSpec[] {
  return [
    {
      path: 'emergencyContact.name',
      label: '应急联系人姓名',
      hint: '不能是主体负责人或小程序负责人本人',
      required: true,
      kind: 'text',
      placeholder: '如：同事的姓名',
      maxLength: 64
    },
    {
      path: 'emergencyContact.mobile',
      label: '应急联系人手机号码',
      hint: '应急联系人本人的手机号，不能与负责人使用同一个号码',
      required: true,
      kind: 'text',
      placeholder: '11位手机号码',
      maxLength: 20,
      keyboard: 'number'
    }
  ]
}

export function sectionSpecs(section: FormSection, form: FilingForm, profile?: FilingProfile): FieldSpec[] {
  switch (section) {
    case 'owner':
      return ownerSpecs(form, profile)
    case 'ownerPrincipal':
    case 'appPrincipal':
      return personSpecs(section, form, profile)
    case 'miniProgram':
      return miniProgramSpecs(form, profile)
    case 'emergencyContact':
      return emergencySpecs()
  }
}

/** A value as text for read-only views and the conflict dialog: options by their labels, sensitive ones masked. */
export function describeValue(path: string, value: string, form?: FilingForm): string {
  if (!value) return ''
  if (path === 'owner.certificateType')
    return CERTIFICATE_TYPE_LABELS[value as keyof typeof CERTIFICATE_TYPE_LABELS] ?? value
  if (path.endsWith('.idType')) return ID_TYPE_OPTIONS.find((o) => o.value === value)?.label ?? value
  if (path === 'owner.region.province') return REGION_BY_CODE[value]?.name ?? value
  if (path === 'miniProgram.preApproval') return PRE_APPROVAL_OPTIONS.find((o) => o.value === value)?.label ?? value
  if (/^miniProgram\.preApprovals\.\d+\.industry$/.test(path)) return INDUSTRIES[value as IndustryId]?.label ?? value
  return displayValue(path, value, form)
}
