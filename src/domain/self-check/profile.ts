/** Findings that follow from the wizard's answers, and an individual owner's identity against the province's rules. */
import { findDeadEnds } from '../dead-ends'
import type { FilingForm, FilingProfile, Finding } from '../types'
import type { PlatformRules } from '../rules/platforms'
import { bureauShortName, PROVINCES, type ProvinceRules } from '../rules/provinces'
import { provinceName } from '../rules/regions'
import { normalizeIdNumber } from '../validators/id-card'
import { Findings, PERSON_LABEL, type PersonSection } from './findings'
import { answerFindings } from './answers'

/** The form field a dead end shows on in self-check. */
const DEAD_END_FIELD: Record<string, string> = {
  OUT_OF_PROVINCE_INDIVIDUAL_NOT_ACCEPTED: 'owner.certificateNumber',
  OWNER_FILED_IN_OTHER_PROVINCE: 'owner.region.province',
  PROVINCE_LEGAL_REP_REQUIRED: 'ownerPrincipal.name',
  INDIVIDUAL_PRE_APPROVAL: 'miniProgram.preApproval'
}

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
      '选择备案所在省份'
    )
    return out.list
  }
  // The wizard stops at these; a filing made before it did still hears of them here
  for (const d of findDeadEnds(profile)) {
    out.add(
      DEAD_END_FIELD[d.code] ?? 'owner.name',
      'error',
      d.code,
      d.reason,
      d.alternatives.map((a) => a.label).join('，或')
    )
  }
  answerFindings(out, profile)
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
      `在户籍所在省份（${provinceName(idRegion)}）备案，或以企业/个体工商户身份备案`
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
      `身份证为${provinceName(idRegion)}签发，与备案省份${province.shortName}不同；${bureau}对外省户籍个人的要求未公布`,
      '建议提前准备居住证，或在户籍所在省份备案'
    )
  }
}
