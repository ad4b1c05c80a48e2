import type { FilingProfile as WizardAnswers } from '../domain/types'
import { readJson, removeKey, writeJson } from './storage'

/** The wizard's answers hold no sensitive personal information, so they are kept on the device as they are. */
const WIZARD_KEY = 'draft:wizard'
const WIZARD_REF_KEY = 'draft:wizard-ref'
/** The step the user was on, so reopening the wizard goes back there. */
const WIZARD_STEP_KEY = 'draft:wizard-step'

export function loadWizardDraft(): WizardAnswers | undefined {
  return readJson<WizardAnswers>(WIZARD_KEY)
}

export function saveWizardDraft(answers: WizardAnswers): void {
  writeJson(WIZARD_KEY, answers)
}

export function loadWizardStep(): number {
  const step = readJson<number>(WIZARD_STEP_KEY)
  return typeof step === 'number' && Number.isInteger(step) && step >= 0 ? step : 0
}

export function saveWizardStep(step: number): void {
  writeJson(WIZARD_STEP_KEY, step)
}

export function clearWizardDraft(): void {
  removeKey(WIZARD_KEY)
  removeKey(WIZARD_REF_KEY)
  removeKey(WIZARD_STEP_KEY)
}

/**
 * The id this draft is created under. It stays the same until the filing exists, so a second tap after a lost
 * answer (or a relaunch) gets the filing the first one created instead of a duplicate.
 */
export function wizardClientRef(): string {
  const saved = readJson<string>(WIZARD_REF_KEY)
  if (saved) return saved
  const ref = `w${Date.now().toString(36)}${Math.random().toString(36).slice(2, 10)}`
  writeJson(WIZARD_REF_KEY, ref)
  return ref
}
