/** The owner (主办单位): name, certificate type and number, validity, region and address. */
import type { FilingForm, FilingProfile, OwnerType } from '../types'
import { CERTIFICATE_TYPE_LABELS, OWNER_TYPES } from '../rules/owner-types'
import type { PlatformRules } from '../rules/platforms'
import { bureauShortName, type ProvinceRules } from '../rules/provinces'
import { provinceName } from '../rules/regions'
import { ageOn, validateIdCard } from '../validators/id-card'
import { USCC_TYPE_OWNER_TYPES, validateUscc } from '../validators/uscc'
import { checkAddress } from './address'
import { blank, MIN_AGE, type Findings } from './findings'
import { checkValidUntil } from './person'

/** The ID region code when an individual's certificate is a valid ID card, else undefined. */
function checkOwnerIdCard(out: Findings, number: string, today: string): string | undefined {
  const c = validateIdCard(number, today)
  if (!c.ok) {
    out.add('owner.certificateNumber', 'error', c.code, c.message, '对照身份证原件逐位核对号码')
    return undefined
  }
  if (c.birthDate && ageOn(c.birthDate, today) < MIN_AGE) {
    out.add(
      'owner.certificateNumber',
      'error',
      'OWNER_UNDER_18',
      `个人主体未满${MIN_AGE}周岁，不能备案`,
      '由年满18周岁的监护人或单位备案'
    )
  }
  return c.regionCode
}

function checkOwnerUscc(
  out: Findings,
  form: FilingForm,
  number: string,
  ownerType: OwnerType | undefined,
  profile: FilingProfile | undefined
): void {
  const owner = form.owner
  const c = validateUscc(number)
  if (!c.ok) {
    out.add('owner.certificateNumber', 'error', c.code, c.message, '对照营业执照等证件逐位核对代码')
    return
  }
  const fits = USCC_TYPE_OWNER_TYPES[c.typeCode!]
  if (ownerType && fits && !fits.includes(ownerType)) {
    out.add(
      'owner.certificateNumber',
      'error',
      'USCC_OWNER_TYPE_MISMATCH',
      `统一社会信用代码以“${c.typeCode}”开头，表示${c.typeName}，与所选主体类型“${OWNER_TYPES[ownerType].label}”不一致`,
      `把主体类型改为“${OWNER_TYPES[fits[0]].label}”，或核对代码`
    )
  } else if (ownerType && !fits) {
    out.add(
      'owner.certificateNumber',
      'warning',
      'USCC_OWNER_TYPE_UNUSUAL',
      `统一社会信用代码以“${c.typeCode}”开头，表示${c.typeName}，请确认主体类型选择正确`,
      '按证件上的机构类型选择主体类型'
    )
  }
  const province = owner.region?.province ?? profile?.province
  if (c.regionCode !== '10' && province && c.regionCode !== province) {
    out.add(
      'owner.certificateNumber',
      'error',
      'USCC_REGION_MISMATCH',
      `统一社会信用代码的登记地在${provinceName(c.regionCode!)}，与备案省份${provinceName(province)}不一致：非个人主体不能跨省备案`,
      `在${provinceName(c.regionCode!)}备案（选择证件所在省份）`
    )
  }
}

/** The ID region code when the certificate is a valid ID card, else undefined. */
function checkOwnerCertificateNumber(
  out: Findings,
  form: FilingForm,
  ownerType: OwnerType | undefined,
  profile: FilingProfile | undefined,
  today: string
): string | undefined {
  const number = (form.owner.certificateNumber ?? '').trim()
  const usesIdCard = ownerType === 'individual' || form.owner.certificateType === 'id_card'
  if (!number) {
    out.add(
      'owner.certificateNumber',
      'error',
      'REQUIRED',
      '请填写主办单位证件号码',
      usesIdCard ? '填写本人身份证号码' : '填写18位统一社会信用代码'
    )
    return undefined
  }
  if (usesIdCard) return checkOwnerIdCard(out, number, today)
  checkOwnerUscc(out, form, number, ownerType, profile)
  return undefined
}

function checkIndividualBusinessName(out: Findings, form: FilingForm, province: ProvinceRules, suffix: string): void {
  const name = form.owner.name!.trim()
  const bare = suffix.replace(/^[（(]|[）)]$/g, '')
  if (name === (form.ownerPrincipal.name ?? '').trim() && !new RegExp(`[（(]${bare}[）)]$`).test(name)) {
    out.add(
      'owner.name',
      'error',
      'INDIVIDUAL_BUSINESS_NAME_FORMAT',
      `${bureauShortName(province.code)}要求：${province.individualBusinessNaming ?? `无字号的个体工商户，名称填写“经营者姓名${suffix}”`}`,
      `改为“${name}${suffix}”`
    )
  }
}

/** The ID region code when the owner's certificate is a valid ID card, else undefined. */
export function checkOwner(
  out: Findings,
  form: FilingForm,
  ownerType: OwnerType | undefined,
  platform: PlatformRules,
  province: ProvinceRules | undefined,
  profile: FilingProfile | undefined,
  today: string
): string | undefined {
  const owner = form.owner
  const isIndividual = ownerType === 'individual'
  if (blank(owner.name)) {
    out.add(
      'owner.name',
      'error',
      'REQUIRED',
      '请填写主办单位名称',
      isIndividual ? '个人主体填写本人姓名' : '按证件上的名称原样填写'
    )
  }
  if (ownerType && owner.certificateType && !OWNER_TYPES[ownerType].certificateTypes.includes(owner.certificateType)) {
    out.add(
      'owner.certificateType',
      'error',
      'CERT_TYPE_MISMATCH',
      `${OWNER_TYPES[ownerType].label}主体不能用${CERTIFICATE_TYPE_LABELS[owner.certificateType]}备案`,
      `选择“${CERTIFICATE_TYPE_LABELS[OWNER_TYPES[ownerType].certificateTypes[0]]}”`
    )
  }
  if (profile && owner.region?.province && owner.region.province !== profile.province) {
    out.add(
      'owner.region.province',
      'error',
      'REGION_PROVINCE_MISMATCH',
      `所选省份是${provinceName(owner.region.province)}，备案省份却是${provinceName(profile.province)}`,
      '备案省份以证件所在省份为准，两者须一致'
    )
  }
  const idRegion = checkOwnerCertificateNumber(out, form, ownerType, profile, today)
  checkValidUntil(out, 'owner.certificateValidUntil', '主办单位证件', owner.certificateValidUntil, platform, today)
  checkAddress(out, form, province)
  if (ownerType === 'individual_business' && province?.individualBusinessNameSuffix && !blank(owner.name)) {
    checkIndividualBusinessName(out, form, province, province.individualBusinessNameSuffix)
  }
  return idRegion
}
