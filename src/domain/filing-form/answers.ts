/**
 * The wizard's answers (FilingProfile + its texts) and the self-check form are two views of one filing: every answer
 * is held once. `formFromAnswers` fills the form with what the wizard already knows, so self-check never asks again;
 * `answersFromForm` carries edits made in self-check back (renaming the app there renames the filing).
 */
import { OWNER_TYPES } from '../rules/owner-types'
import type { FilingForm, FilingProfile, FilingTexts, PersonForm, PreApprovalEntry } from '../types'
import { validateIdCard } from '../validators/id-card'
import { mergeForms } from './diff'
import { emptyFilingForm } from './empty'

const given = (v: string | undefined): v is string => typeof v === 'string' && v.trim() !== ''

/** Approval entries for exactly the declared industries, keeping what was already typed for each. */
function approvalsFor(profile: FilingProfile, existing: PreApprovalEntry[] | undefined): PreApprovalEntry[] {
  return profile.industries.map(
    (industry) => existing?.find((e) => e.industry === industry) ?? { industry, approvalNumber: '', fileName: '' }
  )
}

/**
 * An individual is the owner, the owner principal and the mini-program principal at once: the person's identity is
 * typed once (in the owner section, phone and e-mail in the owner principal) and copied to both principals.
 */
export function mirrorIndividual(form: FilingForm): FilingForm {
  const o = form.owner
  const person: Partial<PersonForm> = {
    ...form.ownerPrincipal,
    ...(o.name !== undefined ? { name: o.name } : {}),
    ...(o.certificateNumber !== undefined ? { idType: 'id_card', idNumber: o.certificateNumber } : {}),
    ...(o.certificateValidUntil !== undefined ? { idValidUntil: o.certificateValidUntil } : {})
  }
  return { ...form, ownerPrincipal: person, appPrincipal: { ...form.appPrincipal, ...person } }
}

/**
 * The form with every answer the wizard has: owner name, business scope, app name and description, the filing
 * province, the certificate type the owner type files with, and the declared industries as 前置审批. A wizard answer
 * left empty never erases what the form holds. `form` defaults to an empty form; it is not changed.
 */
export function formFromAnswers(
  profile: FilingProfile,
  texts: FilingTexts = profile.texts,
  form?: FilingForm
): FilingForm {
  const base = form ?? emptyFilingForm()
  const individual = profile.ownerType === 'individual'
  const allowed = OWNER_TYPES[profile.ownerType].certificateTypes
  const certificateType =
    base.owner.certificateType && allowed.includes(base.owner.certificateType) ? base.owner.certificateType : allowed[0]
  const region =
    profile.province && base.owner.region?.province !== profile.province
      ? { province: profile.province }
      : base.owner.region
  const cancel = profile.filingType === 'cancel'
  let out = mergeForms(base, {
    owner: {
      certificateType,
      region,
      ...(given(texts.ownerName) ? { name: texts.ownerName } : {}),
      ...(!individual && given(texts.businessScope) ? { businessScope: texts.businessScope } : {})
    },
    miniProgram: {
      ...(given(texts.appName) ? { name: texts.appName } : {}),
      ...(given(texts.appDescription) ? { description: texts.appDescription } : {}),
      ...(cancel
        ? {}
        : profile.industries.length
          ? { preApproval: 'has' as const, preApprovals: approvalsFor(profile, base.miniProgram.preApprovals) }
          : { preApproval: 'none' as const, preApprovals: [] })
    }
  })
  if (individual) out = mirrorIndividual(out)
  return out
}

/** The text a form field holds when it is filled, else the answer the wizard had. */
const keep = (formValue: string | undefined, answer: string | undefined) => (given(formValue) ? formValue : answer)

/**
 * The wizard's answers updated from the form: the four texts, the filing province, the industries declared as
 * 前置审批, and an individual's household province from the ID number. Empty form fields keep the answers as they were.
 */
export function answersFromForm(form: FilingForm, profile: FilingProfile): FilingProfile {
  const texts: FilingTexts = {
    ...profile.texts,
    ownerName: keep(form.owner.name, profile.texts.ownerName),
    businessScope:
      profile.ownerType === 'individual'
        ? profile.texts.businessScope
        : keep(form.owner.businessScope, profile.texts.businessScope),
    appName: keep(form.miniProgram.name, profile.texts.appName),
    appDescription: keep(form.miniProgram.description, profile.texts.appDescription)
  }
  for (const k of Object.keys(texts) as (keyof FilingTexts)[]) if (texts[k] === undefined) delete texts[k]
  const out: FilingProfile = { ...profile, texts }
  if (form.owner.region?.province) out.province = form.owner.region.province
  if (profile.filingType !== 'cancel') {
    if (form.miniProgram.preApproval === 'none') out.industries = []
    else if (form.miniProgram.preApproval === 'has') {
      const declared = (form.miniProgram.preApprovals ?? []).map((e) => e.industry)
      out.industries = [...new Set(declared)]
    }
  }
  if (profile.ownerType === 'individual' && form.owner.certificateNumber) {
    const id = validateIdCard(form.owner.certificateNumber)
    if (id.ok && id.regionCode) out.residenceProvince = id.regionCode
  }
  return out
}

/** The filing's title: the mini-program's name, as the wizard or self-check last gave it. */
export function filingTitle(profile: FilingProfile): string {
  return profile.texts.appName?.trim() || '未命名备案'
}
