/**
 * runSelfCheck: everything a machine can catch before the reviewers do. Each finding names the dotted form field,
 * says what is wrong and how to fix it. Findings come in form order: owner, owner principal, mini-program,
 * mini-program principal, emergency contact.
 */
import type { FilingForm, FilingProfile, Finding, OwnerType } from '../types'
import { PLATFORMS } from '../rules/platforms'
import { bureauShortName, PROVINCES, type ProvinceRules } from '../rules/provinces'
import { todayInShanghai } from '../time'
import { normalizeIdNumber } from '../validators/id-card'
import { checkEmergencyContact, checkSharedMobiles } from './contacts'
import { Findings } from './findings'
import { checkMiniProgram } from './mini-program'
import { checkOwner } from './owner'
import { checkPerson } from './person'
import { checkIndividualIdentity, profileFindings } from './profile'

export { profileFindings }

export interface SelfCheckOptions {
  profile?: FilingProfile
  /** 'YYYY-MM-DD' in Shanghai: certificate validity and ages are judged on this day (default: today). */
  today?: string
}

const SECTION_ORDER = ['owner', 'ownerPrincipal', 'miniProgram', 'appPrincipal', 'emergencyContact']

export function runSelfCheck(form: FilingForm, options: SelfCheckOptions = {}): Finding[] {
  const profile = options.profile
  const today = options.today ?? todayInShanghai()
  const platform = PLATFORMS[profile?.platform ?? 'weapp']
  const provinceCode = profile?.province ?? form.owner.region?.province
  const province = provinceCode ? (PROVINCES[provinceCode] as ProvinceRules | undefined) : undefined
  const ownerType: OwnerType | undefined =
    profile?.ownerType ?? (form.owner.certificateType === 'id_card' ? 'individual' : undefined)
  const cancel = profile?.filingType === 'cancel'
  const out = new Findings()

  const idRegion = checkOwner(out, form, ownerType, platform, province, profile, today)
  checkPerson(out, 'ownerPrincipal', form.ownerPrincipal, platform, province, today)
  if (!cancel) {
    checkMiniProgram(out, form, ownerType, platform, province, profile)
    checkPerson(out, 'appPrincipal', form.appPrincipal, platform, province, today)
    const emergencyIsPrincipal = checkEmergencyContact(out, form)
    checkSharedMobiles(out, form, emergencyIsPrincipal)
  }
  if (ownerType === 'individual') {
    checkIndividualIdentity(out, form, idRegion, platform, province)
  } else if (province?.samePrincipalRequired) {
    const a = normalizeIdNumber(form.ownerPrincipal.idNumber)
    const b = normalizeIdNumber(form.appPrincipal.idNumber)
    if (a && b && a !== b) {
      out.add(
        'appPrincipal.idNumber',
        'error',
        'SAME_PRINCIPAL_REQUIRED',
        `${bureauShortName(province.code)}要求主体负责人与小程序负责人为同一人`,
        '小程序负责人填写主体负责人的信息'
      )
    }
  }
  if (profile) for (const f of profileFindings(profile)) out.add(f.field, f.severity, f.code, f.message, f.fix)
  return out.list
    .map((f, i) => ({ f, i, s: SECTION_ORDER.indexOf(f.field.split('.')[0]) }))
    .sort((a, b) => a.s - b.s || a.i - b.i)
    .map((x) => x.f)
}
