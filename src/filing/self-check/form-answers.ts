/**
 * The wizard's answers and the self-check form are two views of one filing (src/domain/filing-form): the form opens
 * with every answer filled in, and an edit that changes an answer (the app's name, the province …) changes the
 * filing's answers and title too.
 */
import { answersFromForm, filingTitle, formFromAnswers, mirrorIndividual } from '../../domain/filing-form'
import type { FilingForm, FilingProfile } from '../../domain/types'

export { filingTitle }

const blank = (value: unknown): boolean =>
  value === undefined ||
  value === null ||
  (typeof value === 'string' && value.trim() === '') ||
  (Array.isArray(value) && value.length === 0) ||
  (typeof value === 'object' && !Array.isArray(value) && Object.values(value as object).every(blank))

/**
 * The form with every wizard answer filled in where the form is still blank (self-check never asks twice); what the
 * user typed in the form always stays. Unchanged without a profile.
 */
export function prefilled(form: FilingForm, profile: FilingProfile | undefined): FilingForm {
  if (!profile) return form
  const filled = formFromAnswers(profile, profile.texts, form) as unknown as Record<string, Record<string, unknown>>
  const own = form as unknown as Record<string, Record<string, unknown> | undefined>
  const out: Record<string, Record<string, unknown>> = {}
  for (const [section, values] of Object.entries(filled)) {
    out[section] = { ...values }
    for (const [key, value] of Object.entries(own[section] ?? {})) if (!blank(value)) out[section][key] = value
  }
  return out as unknown as FilingForm
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
