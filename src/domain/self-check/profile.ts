/** Findings that follow from the wizard's answers, and an individual owner's identity against the province's rules. */
import type { FilingForm, FilingProfile, Finding } from '../types'
import { OWNER_TYPES } from '../rules/ownerTypes'
import type { PlatformRules } from '../rules/platforms'
import { bureauShortName, PROVINCES, type ProvinceRules } from '../rules/provinces'
import { provinceName } from '../rules/regions'
import { normalizeIdNumber } from '../validators/idCard'
import { Findings, PERSON_LABEL, type PersonSection } from './findings'

/** Findings that follow from the profile alone (the user's answers in the wizard). */
export function profileFindings(profile: FilingProfile): Finding[] {
  const out = new Findings()
  const province = PROVINCES[profile.province] as ProvinceRules | undefined
  if (!province) {
    out.add(
      'owner.region.province',
      'error',
      'PROVINCE_UNKNOWN',
      `无法识别备案省份“${profile.province}”`,
      '选择证件所在的省份'
    )
    return out.list
  }
  const bureau = bureauShortName(province.code)
  if (
    OWNER_TYPES[profile.ownerType].hasLegalRep &&
    province.ownerPrincipal === 'required' &&
    !profile.ownerPrincipalIsLegalRep
  ) {
    out.add(
      'ownerPrincipal.name',
      'error',
      'PROVINCE_LEGAL_REP_REQUIRED',
      province.code === '31'
        ? `${bureau}要求：主体负责人必须是法定代表人，非法定代表人即使有授权书也不能担任`
        : `${bureau}要求：主体负责人必须是法定代表人`,
      '改由法定代表人担任主体负责人'
    )
  }
  if (profile.ownerType === 'individual') {
    if (
      profile.residenceProvince &&
      profile.residenceProvince !== profile.province &&
      province.outOfProvinceIndividual === 'not_accepted'
    ) {
      out.add(
        'owner.certificateNumber',
        'error',
        'OUT_OF_PROVINCE_INDIVIDUAL_NOT_ACCEPTED',
        `${bureau}不接受外省户籍个人备案（身份证为${provinceName(profile.residenceProvince)}签发）`,
        `在${provinceName(profile.residenceProvince)}备案，或以单位主体备案`
      )
    }
    if (profile.industries.length) {
      out.add(
        'miniProgram.preApproval',
        'error',
        'INDIVIDUAL_PRE_APPROVAL',
        '个人主体不能提供需前置审批的服务',
        '以取得审批的单位主体备案'
      )
    }
  }
  return out.list
}

export function checkIndividualIdentity(
  out: Findings,
  form: FilingForm,
  idRegion: string | undefined,
  platform: PlatformRules,
  province: ProvinceRules | undefined
): void {
  const ownerId = normalizeIdNumber(form.owner.certificateNumber)
  for (const s of ['ownerPrincipal', 'appPrincipal'] as PersonSection[]) {
    const id = normalizeIdNumber(form[s].idNumber)
    if (ownerId && id && id !== ownerId) {
      out.add(
        `${s}.idNumber`,
        'error',
        s === 'ownerPrincipal' ? 'OWNER_PRINCIPAL_NOT_OWNER' : 'APP_PRINCIPAL_NOT_OWNER',
        `个人主体的${PERSON_LABEL[s]}须为本人，证件号码与主办单位证件不一致`,
        `${PERSON_LABEL[s]}填写本人的身份证信息`
      )
    }
  }
  if (!idRegion || !province || idRegion === province.code) return
  const bureau = bureauShortName(province.code)
  if (province.outOfProvinceIndividual === 'not_accepted') {
    out.add(
      'owner.certificateNumber',
      'error',
      'OUT_OF_PROVINCE_INDIVIDUAL_NOT_ACCEPTED',
      `${bureau}不接受外省户籍个人备案（身份证为${provinceName(idRegion)}签发）`,
      `在${provinceName(idRegion)}备案，或以单位主体备案`
    )
  } else if (province.outOfProvinceIndividual === 'residence_permit' || platform.residencePermitForOutOfProvince) {
    out.add(
      'owner.certificateNumber',
      'warning',
      'RESIDENCE_PERMIT_REQUIRED',
      `身份证为${provinceName(idRegion)}签发，在${province.shortName}备案需提供${province.residencePermitNote ?? `${province.shortName}居住证`}`,
      '准备居住证并在附件中上传；没有居住证的请在户籍所在省份备案'
    )
  } else {
    out.add(
      'owner.certificateNumber',
      'info',
      'OUT_OF_PROVINCE_INDIVIDUAL',
      `身份证为${provinceName(idRegion)}签发，与备案省份${province.shortName}不同`,
      '部分管局会要求居住证，建议提前准备'
    )
  }
}
