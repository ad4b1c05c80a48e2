/** The owner section's fields: who the owner is (name and certificate), then where (region and addresses). */
import { marginText } from '../../domain/checklist'
import { CERTIFICATE_TYPE_LABELS, OWNER_TYPES } from '../../domain/rules/owner-types'
import { PLATFORMS } from '../../domain/rules/platforms'
import type { FilingForm, FilingProfile, OwnerForm } from '../../domain/types'
import type { FieldSpec } from './field-specs'

function ownerCertificateSpecs(profile: FilingProfile | undefined, individual: boolean): FieldSpec[] {
  const ownerType = profile?.ownerType
  const platform = PLATFORMS[profile?.platform ?? 'weapp']
  const certificateTypes = (
    ownerType ? OWNER_TYPES[ownerType].certificateTypes : Object.keys(CERTIFICATE_TYPE_LABELS)
  ) as NonNullable<OwnerForm['certificateType']>[]
  return [
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
    }
  ]
}

function ownerAddressSpecs(): FieldSpec[] {
  return [
    {
      path: 'owner.region.province',
      label: '备案所在省份',
      hint: '在哪个省备案，由这个省的通信管理局审核',
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
}

export function ownerSpecs(form: FilingForm, profile?: FilingProfile): FieldSpec[] {
  const individual = profile?.ownerType === 'individual' || form.owner.certificateType === 'id_card'
  const specs: FieldSpec[] = [...ownerCertificateSpecs(profile, individual), ...ownerAddressSpecs()]
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
