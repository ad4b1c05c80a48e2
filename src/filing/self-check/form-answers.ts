/**
 * The wizard's answers and the self-check form are two views of one filing (src/domain/filing-form): the form opens
 * with every answer filled in, and an edit that changes an answer (the app's name, the province …) changes the
 * filing's answers and title too.
 */
import { answersFromForm, filingTitle, formFromAnswers, mirrorIndividual } from '../../domain/filing-form'
import type { FilingForm, FilingProfile } from '../../domain/types'

export { filingTitle }

/** The form with every wizard answer filled in (self-check never asks twice); unchanged without a profile. */
export function prefilled(form: FilingForm, profile: FilingProfile | undefined): FilingForm {
  return profile ? formFromAnswers(profile, profile.texts, form) : form
}

/** The answers after an edit of the form, or undefined when the edit changed none of them. */
export function answersAfterEdit(form: FilingForm, profile: FilingProfile | undefined): FilingProfile | undefined {
  if (!profile) return undefined
  const answers = answersFromForm(form, profile)
  return JSON.stringify(answers) === JSON.stringify(profile) ? undefined : answers
}

/** An individual's principals are the person: what is typed once is copied to both. */
export function formAfterEdit(form: FilingForm, profile: FilingProfile | undefined): FilingForm {
  return profile?.ownerType === 'individual' ? mirrorIndividual(form) : form
}
