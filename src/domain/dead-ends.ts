/**
 * Dead ends: answers in the wizard that no material can make succeed (an administration that refuses out-of-province
 * individuals, a province where only the legal representative may be the owner principal, an owner already filed in
 * another province…). Each says at which question it arises, why, and what would work instead, as a patch of the
 * answers the wizard can apply. All of it follows from the rule data; nothing here is specific to one province.
 */
import { OWNER_TYPES } from './rules/owner-types'
import { bureauShortName, PROVINCES, type ProvinceRules } from './rules/provinces'
import { provinceName } from './rules/regions'
import { RULES_CHECKED_ON, SOURCE } from './rules/sources'
import type { FilingProfile } from './types'
import { parseFilingNumber } from './validators/filing-number'

/** The wizard question whose answer leads into the dead end. */
export type DeadEndStep = 'owner' | 'province' | 'existing_filing' | 'principal' | 'industries'

export const DEAD_END_STEP_ORDER: readonly DeadEndStep[] = [
  'owner',
  'province',
  'existing_filing',
  'principal',
  'industries'
] as const

export interface DeadEndAlternative {
  label: string
  /** The answers to change; applying it (`{ ...profile, ...patch }`) leaves this dead end. */
  patch: Partial<FilingProfile>
  /** The question the patch changes, for the wizard to go back to. */
  step: DeadEndStep
}

export interface DeadEnd {
  code: string
  step: DeadEndStep
  reason: string
  alternatives: DeadEndAlternative[]
  source: string
  checkedOn: string
}

/** Switching an individual to an organisation: the person who ran it as an individual is then its legal representative. */
const AS_ORGANISATION: DeadEndAlternative = {
  label: '以企业/个体工商户身份备案',
  patch: { ownerType: 'enterprise', ownerPrincipalIsLegalRep: true },
  step: 'owner'
}

function outOfProvinceIndividual(profile: FilingProfile, province: ProvinceRules): DeadEnd | null {
  const home = profile.residenceProvince
  if (profile.ownerType !== 'individual' || !home || home === province.code) return null
  if (province.outOfProvinceIndividual !== 'not_accepted') return null
  return {
    code: 'OUT_OF_PROVINCE_INDIVIDUAL_NOT_ACCEPTED',
    step: 'province',
    reason: `${bureauShortName(province.code)}不接受外省户籍个人备案（身份证为${provinceName(home)}签发）`,
    alternatives: [
      { label: `在户籍所在省份（${provinceName(home)}）备案`, patch: { province: home }, step: 'province' },
      AS_ORGANISATION
    ],
    source: province.source,
    checkedOn: province.checkedOn
  }
}

function legalRepRequired(profile: FilingProfile, province: ProvinceRules): DeadEnd | null {
  if (!OWNER_TYPES[profile.ownerType].hasLegalRep || province.ownerPrincipal !== 'required') return null
  if (profile.ownerPrincipalIsLegalRep) return null
  const bureau = bureauShortName(province.code)
  return {
    code: 'PROVINCE_LEGAL_REP_REQUIRED',
    step: 'principal',
    reason: `${bureau}要求主体负责人必须是法定代表人，${province.ownerPrincipalNote ?? '授权书不能代替'}`,
    alternatives: [
      { label: '由法定代表人担任主体负责人', patch: { ownerPrincipalIsLegalRep: true }, step: 'principal' }
    ],
    source: province.source,
    checkedOn: province.checkedOn
  }
}

function existingOwnerElsewhere(profile: FilingProfile): DeadEnd | null {
  if (!profile.existingOwnerFilingNumber || !profile.province) return null
  const parsed = parseFilingNumber(profile.existingOwnerFilingNumber)
  if (!parsed.ok || !parsed.province || parsed.province === profile.province) return null
  const filedIn = provinceName(parsed.province)
  return {
    code: 'OWNER_FILED_IN_OTHER_PROVINCE',
    step: 'existing_filing',
    reason: `主体已在${bureauShortName(parsed.province)}备案（${parsed.normalized}）：同一主体的小程序须在${filedIn}以新增方式备案，不能在${provinceName(profile.province)}重新备案`,
    alternatives: [
      { label: `在${filedIn}新增备案`, patch: { province: parsed.province }, step: 'province' },
      { label: '这不是本主体的备案号', patch: { existingOwnerFilingNumber: undefined }, step: 'existing_filing' }
    ],
    source: SOURCE.providerFaq,
    checkedOn: RULES_CHECKED_ON
  }
}

function individualWithPreApproval(profile: FilingProfile): DeadEnd | null {
  if (profile.ownerType !== 'individual' || !profile.industries.length) return null
  return {
    code: 'INDIVIDUAL_PRE_APPROVAL',
    step: 'industries',
    reason: '个人主体不能提供需前置审批的服务：前置审批只发给单位',
    alternatives: [
      { label: '实际不涉及这些行业', patch: { industries: [] }, step: 'industries' },
      { ...AS_ORGANISATION, label: '以取得审批的单位主体备案' }
    ],
    source: OWNER_TYPES.individual.source,
    checkedOn: OWNER_TYPES.individual.checkedOn
  }
}

/** Every dead end of these answers, in the order the wizard asks the deciding questions. Cancellations have none. */
export function findDeadEnds(profile: FilingProfile): DeadEnd[] {
  if (profile.filingType === 'cancel') return []
  const province = PROVINCES[profile.province] as ProvinceRules | undefined
  const found = [
    province ? outOfProvinceIndividual(profile, province) : null,
    existingOwnerElsewhere(profile),
    province ? legalRepRequired(profile, province) : null,
    individualWithPreApproval(profile)
  ].filter((d): d is DeadEnd => d !== null)
  return found.sort((a, b) => DEAD_END_STEP_ORDER.indexOf(a.step) - DEAD_END_STEP_ORDER.indexOf(b.step))
}

/** The first dead end (the earliest question that leads into one), or null when the answers can succeed. */
export function findDeadEnd(profile: FilingProfile): DeadEnd | null {
  return findDeadEnds(profile)[0] ?? null
}

/** The answers with an alternative applied. */
export function applyAlternative(profile: FilingProfile, alternative: DeadEndAlternative): FilingProfile {
  return { ...profile, ...alternative.patch }
}
