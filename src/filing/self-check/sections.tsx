/**
 * What each section of the self-check form asks, in the words of the platforms' filing forms, and how one field
 * block is drawn. The list of fields (`sectionSpecs`) also decides which block shows which finding.
 */
import type { ReactNode } from 'react'
import { Text, View } from '@tarojs/components'
import { Checkbox, Radio } from '@nutui/nutui-react-taro'
import FormField from '../../components/form-field'
import { marginText } from '../../domain/checklist'
import { INDUSTRIES } from '../../domain/rules/industries'
import { CERTIFICATE_TYPE_LABELS, OWNER_TYPES } from '../../domain/rules/ownerTypes'
import { PLATFORMS } from '../../domain/rules/platforms'
import { REGIONS, REGION_BY_CODE } from '../../domain/rules/regions'
import type {
  FilingForm,
  FilingProfile,
  Finding,
  FormSection,
  IndustryId,
  OwnerForm,
  PreApprovalEntry
} from '../../domain/types'
import {
  ID_TYPE_OPTIONS,
  SERVICE_TYPE_OPTIONS,
  displayValue,
  fieldDomId,
  fieldSlug,
  getPath,
  getText,
  isSensitivePath,
  maskSensitive
} from './fields'
import { DateInput, SensitiveInput, TextInput } from './inputs'

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

function ownerSpecs(form: FilingForm, profile?: FilingProfile): FieldSpec[] {
  const ownerType = profile?.ownerType
  const individual = ownerType === 'individual' || form.owner.certificateType === 'id_card'
  const platform = PLATFORMS[profile?.platform ?? 'weapp']
  const certificateTypes = (
    ownerType ? OWNER_TYPES[ownerType].certificateTypes : Object.keys(CERTIFICATE_TYPE_LABELS)
  ) as NonNullable<OwnerForm['certificateType']>[]
  const specs: FieldSpec[] = [
    {
      path: 'owner.name',
      label: individual ? '主办单位名称（个人填写本人姓名）' : '主办单位名称',
      hint: individual ? '与身份证上的姓名一致' : '与营业执照等证件上的名称逐字一致',
      required: true,
      kind: 'text',
      placeholder: individual ? '本人姓名' : '如：天津云帆数字科技有限公司',
      maxLength: 100
    },
    {
      path: 'owner.certificateType',
      label: '主办单位证件类型',
      required: true,
      kind: 'choice',
      options: certificateTypes.map((value) => ({ value, label: CERTIFICATE_TYPE_LABELS[value] }))
    },
    {
      path: 'owner.certificateNumber',
      label: individual ? '主办单位证件号码（身份证号码）' : '主办单位证件号码（统一社会信用代码）',
      hint: individual ? '18位身份证号码，最后一位可能是X' : '18位，营业执照上的统一社会信用代码，字母大写',
      required: true,
      kind: 'text',
      placeholder: individual ? '18位身份证号码' : '18位统一社会信用代码',
      maxLength: 32,
      keyboard: individual ? 'idcard' : 'text'
    },
    {
      path: 'owner.certificateValidUntil',
      label: '证件有效期',
      hint: `填写证件上的截止日期；长期有效的选“长期”。${platform.shortName}要求剩余有效期${marginText(platform)}`,
      required: true,
      kind: 'date'
    },
    {
      path: 'owner.region.province',
      label: '所在省份',
      hint: '证件所在的省份，由这个省的通信管理局审核',
      required: true,
      kind: 'province'
    },
    {
      path: 'owner.region.city',
      label: '所在城市',
      required: true,
      kind: 'text',
      placeholder: '如：天津市',
      maxLength: 32
    },
    { path: 'owner.region.district', label: '所在区县', kind: 'text', placeholder: '如：滨海新区', maxLength: 32 },
    {
      path: 'owner.address',
      label: '通讯地址',
      hint: '不要重复省市区：从所选区县之后的街道写起，精确到门牌号；确实没有门牌号的注明“已是最详细地址”',
      required: true,
      kind: 'text',
      placeholder: '如：海川路88号云帆大厦3层',
      maxLength: 200
    },
    {
      path: 'owner.certificateAddress',
      label: '证件住所',
      hint: '按证件上的“住所”原样填写，用来核对所选地区',
      kind: 'text',
      placeholder: '与证件上的住所一致',
      maxLength: 200
    }
  ]
  if (!individual)
    specs.push({
      path: 'owner.businessScope',
      label: '经营范围',
      hint: '照抄营业执照上的经营范围：审核会看小程序名称和服务内容是否在经营范围内',
      kind: 'text',
      multiline: true,
      placeholder: '照抄营业执照上的经营范围',
      maxLength: 2000
    })
  return specs
}

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
  const { min, max } = platform.descriptionLength
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
      maxLength: 500
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

// ---- drawing one block ----

export interface BlockContext {
  form: FilingForm
  readOnly: boolean
  consented: boolean
  /** The draft's encrypted part is not open yet. */
  sealedLocked: boolean
  highlight?: string
  provincePickerOpen: boolean
  toggleProvincePicker(): void
  findingsFor(path: string): Finding[]
  serverErrorsFor(path: string): string[]
  edit(path: string, value: unknown): void
  touch(path: string): void
  needConsent(path: string): void
}

function readOnlyText(path: string, form: FilingForm): string {
  const value = getPath(form, path)
  if (Array.isArray(value)) return value.join('、')
  return describeValue(path, typeof value === 'string' ? value : '', form)
}

function control(spec: FieldSpec, ctx: BlockContext): ReactNode {
  const { form, edit, touch } = ctx
  const path = spec.path
  switch (spec.kind) {
    case 'text': {
      const value = getText(form, path)
      if (isSensitivePath(path))
        return (
          <SensitiveInput
            value={value}
            placeholder={spec.placeholder}
            maxLength={spec.maxLength}
            keyboard={spec.keyboard}
            mask={(v) => maskSensitive(path, v, form)}
            consented={ctx.consented}
            locked={ctx.sealedLocked}
            onNeedConsent={() => ctx.needConsent(path)}
            onChange={(v) => edit(path, v)}
            onBlur={() => touch(path)}
          />
        )
      return (
        <TextInput
          value={value}
          placeholder={spec.placeholder}
          maxLength={spec.maxLength}
          keyboard={spec.keyboard}
          multiline={spec.multiline}
          onChange={(v) => edit(path, v)}
          onBlur={() => touch(path)}
        />
      )
    }
    case 'date':
      return <DateInput value={getText(form, path)} onChange={(v) => edit(path, v)} onBlur={() => touch(path)} />
    case 'choice':
      return (
        <Radio.Group
          className='self-check-field__choices'
          direction='horizontal'
          shape='button'
          value={getText(form, path)}
          options={spec.options}
          onChange={(v) => {
            edit(path, String(v))
            touch(path)
          }}
        />
      )
    case 'province': {
      const code = getText(form, path)
      return (
        <View className='self-check-field__province'>
          <View className='self-check-field__province-current'>
            <Text>{code ? (REGION_BY_CODE[code]?.name ?? code) : '未选择'}</Text>
            <Text className='self-check-field__link' onClick={ctx.toggleProvincePicker}>
              {ctx.provincePickerOpen ? '收起' : code ? '更改' : '选择'}
            </Text>
          </View>
          {ctx.provincePickerOpen ? (
            <Radio.Group
              className='self-check-field__choices self-check-field__provinces'
              direction='horizontal'
              shape='button'
              value={code}
              options={REGIONS.map((r) => ({ value: r.code, label: r.shortName }))}
              onChange={(v) => {
                edit(path, String(v))
                touch(path)
                ctx.toggleProvincePicker()
              }}
            />
          ) : null}
        </View>
      )
    }
    case 'multi': {
      const chosen = (getPath(form, path) as string[] | undefined) ?? []
      return (
        <View className='self-check-field__choices'>
          {spec.options.map((option) => (
            <Checkbox
              key={option}
              className='self-check-field__multi'
              shape='button'
              label={option}
              checked={chosen.includes(option)}
              onChange={(on) => {
                edit(path, on ? [...chosen, option] : chosen.filter((c) => c !== option))
                touch(path)
              }}
            />
          ))}
        </View>
      )
    }
    case 'industries': {
      const entries = (form.miniProgram.preApprovals ?? []) as PreApprovalEntry[]
      return (
        <View className='self-check-field__choices'>
          {Object.values(INDUSTRIES).map((industry) => (
            <Checkbox
              key={industry.id}
              className='self-check-field__multi'
              shape='button'
              label={industry.label}
              checked={entries.some((e) => e.industry === industry.id)}
              onChange={(on) => {
                edit(
                  'miniProgram.preApprovals',
                  on
                    ? [...entries, { industry: industry.id, approvalNumber: '', fileName: '' }]
                    : entries.filter((e) => e.industry !== industry.id)
                )
                touch(path)
              }}
            />
          ))}
        </View>
      )
    }
  }
}

export function FieldBlock({ spec, ctx }: { spec: FieldSpec; ctx: BlockContext }) {
  const slug = fieldSlug(spec.path)
  return (
    <FormField
      id={fieldDomId(spec.path)}
      className={`self-check-field self-check-field--${slug}`}
      label={spec.label}
      hint={ctx.readOnly ? undefined : spec.hint}
      required={spec.required && !ctx.readOnly}
      findings={ctx.findingsFor(spec.path)}
      serverErrors={ctx.serverErrorsFor(spec.path)}
      highlight={ctx.highlight === spec.path}
    >
      {ctx.readOnly ? (
        <Text className='self-check-field__readonly'>{readOnlyText(spec.path, ctx.form) || '（未填写）'}</Text>
      ) : (
        control(spec, ctx)
      )}
    </FormField>
  )
}
