/**
 * The form's sections and labels, as the platforms' own filing forms show them for each owner type. For an
 * individual the owner IS the person: one 本人信息 section (name, ID, validity, phone) stands for the owner, the owner
 * principal and the mini-program principal, and nothing says 主办单位. A cancellation asks only who the owner is.
 */
import { marginText } from '../checklist/material-item'
import { OWNER_TYPES } from '../rules/owner-types'
import { PLATFORMS, remarkRule } from '../rules/platforms'
import type { FilingProfile, FormSection } from '../types'

export interface FormFieldLayout {
  /** Dotted FilingForm path. */
  path: string
  label: string
  hint?: string
  required: boolean
}

export interface FormSectionLayout {
  /** The form section the fields mostly belong to (an individual's person section is 'owner'). */
  id: FormSection
  title: string
  fields: FormFieldLayout[]
  /** Sections this one also fills: an individual's one person section fills both principals too. */
  covers: FormSection[]
}

export type LayoutProfile = Pick<FilingProfile, 'ownerType' | 'platform' | 'filingType'>

const field = (path: string, label: string, required: boolean, hint?: string): FormFieldLayout => ({
  path,
  label,
  required,
  ...(hint ? { hint } : {})
})

/** The province field: where the filing is made, which for everyone is the province that reviews it. */
export const FILING_PROVINCE_LABEL = '备案所在省份'

function validityHint(profile: LayoutProfile): string {
  const platform = PLATFORMS[profile.platform]
  const margin = platform.certificateMargin.published
    ? `${platform.shortName}要求剩余有效期${marginText(platform)}`
    : `${platform.shortName}未公布剩余有效期要求，建议${marginText(platform)}`
  return `填写证件上的截止日期；长期有效的选“长期”。${margin}`
}

function regionFields(individual: boolean): FormFieldLayout[] {
  return [
    field(
      'owner.region.province',
      FILING_PROVINCE_LABEL,
      true,
      individual ? '在哪个省份备案，由该省通信管理局审核' : '营业执照等证件所在的省份，由该省通信管理局审核'
    ),
    field('owner.region.city', '所在城市', true),
    field('owner.region.district', '所在区县', false),
    field('owner.address', '通讯地址', true, '从所选区县之后的街道写起，精确到门牌号'),
    field('owner.certificateAddress', individual ? '身份证住址' : '证件住所', false, '按证件上的地址原样填写')
  ]
}

function individualSection(profile: LayoutProfile): FormSectionLayout {
  const cancel = profile.filingType === 'cancel'
  return {
    id: 'owner',
    title: '本人信息',
    covers: cancel ? ['owner'] : ['owner', 'ownerPrincipal', 'appPrincipal'],
    fields: [
      field('owner.name', '姓名', true, '与身份证上的姓名一致'),
      field('owner.certificateType', '证件类型', true),
      field('owner.certificateNumber', '证件号码', true, '18位身份证号码，最后一位可能是X'),
      field('owner.certificateValidUntil', '证件有效期', true, validityHint(profile)),
      ...(cancel ? [] : regionFields(true)),
      field('ownerPrincipal.mobile', '手机号码', true, '本人实名的手机号，12381短信会发到这个号码'),
      field('ownerPrincipal.email', '电子邮箱', false)
    ]
  }
}

function personSection(section: 'ownerPrincipal' | 'appPrincipal', profile: LayoutProfile): FormSectionLayout {
  const who = section === 'ownerPrincipal' ? '主体负责人' : '小程序负责人'
  const p = (f: string) => `${section}.${f}`
  return {
    id: section,
    title: section === 'ownerPrincipal' ? '主办单位负责人信息' : '小程序负责人信息',
    covers: [section],
    fields: [
      field(
        p('name'),
        `${who}姓名`,
        true,
        section === 'ownerPrincipal' ? '多数省份要求是法定代表人' : '实际运营小程序的人，不必是管理员'
      ),
      field(p('idType'), '证件类型', true),
      field(p('idNumber'), '证件号码', true),
      field(p('idValidUntil'), '证件有效期', true, validityHint(profile)),
      field(p('mobile'), '手机号码', true, '本人实名的手机号，不同的人不能用同一个号码'),
      field(p('email'), '电子邮箱', false)
    ]
  }
}

function organisationSection(profile: LayoutProfile): FormSectionLayout {
  const ownerType = OWNER_TYPES[profile.ownerType]
  const cancel = profile.filingType === 'cancel'
  return {
    id: 'owner',
    title: '主办单位信息',
    covers: ['owner'],
    fields: [
      field('owner.name', '主办单位名称', true, `与${ownerType.certificateTitle}上的名称逐字一致`),
      field('owner.certificateType', '主办单位证件类型', true),
      field('owner.certificateNumber', '统一社会信用代码', true, '18位，字母大写'),
      field('owner.certificateValidUntil', '证件有效期', true, validityHint(profile)),
      ...(cancel ? [] : regionFields(false)),
      ...(cancel
        ? []
        : [field('owner.businessScope', '经营范围', false, `照抄${ownerType.certificateTitle}上的经营范围`)])
    ]
  }
}

function miniProgramSection(profile: LayoutProfile): FormSectionLayout {
  const { min, max } = remarkRule(profile.platform)
  return {
    id: 'miniProgram',
    title: '小程序信息',
    covers: ['miniProgram'],
    fields: [
      field('miniProgram.name', '小程序名称', true, '与平台上的名称一致'),
      field('miniProgram.description', '备注（服务内容）', true, `${min}–${max}个字，写清提供什么服务、面向谁`),
      field('miniProgram.serviceTypes', '服务内容类型', true, `最多${PLATFORMS[profile.platform].maxServiceTypes}项`),
      field('miniProgram.preApproval', '前置审批', true)
    ]
  }
}

const emergencySection = (): FormSectionLayout => ({
  id: 'emergencyContact',
  title: '应急联系人',
  covers: ['emergencyContact'],
  fields: [
    field('emergencyContact.name', '应急联系人姓名', true, '不能是负责人本人'),
    field('emergencyContact.mobile', '应急联系人手机号码', true)
  ]
})

/** The sections to show, in form order, with their fields and labels. */
export function formSections(profile: LayoutProfile): FormSectionLayout[] {
  const individual = profile.ownerType === 'individual'
  if (profile.filingType === 'cancel') {
    return individual
      ? [individualSection(profile)]
      : [organisationSection(profile), personSection('ownerPrincipal', profile)]
  }
  if (individual) return [individualSection(profile), miniProgramSection(profile), emergencySection()]
  return [
    organisationSection(profile),
    personSection('ownerPrincipal', profile),
    miniProgramSection(profile),
    personSection('appPrincipal', profile),
    emergencySection()
  ]
}

/** The label of one field for this profile, or undefined when the profile's form does not show it. */
export function fieldLabel(profile: LayoutProfile, path: string): string | undefined {
  for (const s of formSections(profile)) for (const f of s.fields) if (f.path === path) return f.label
  return undefined
}
