import type { FilingProfile as WizardAnswers } from '../domain/types'
import { readJson, removeKey, writeJson } from './storage'

/** The wizard's answers hold no sensitive personal information, so they are kept on the device as they are. */
const WIZARD_KEY = 'draft:wizard'
const WIZARD_REF_KEY = 'draft:wizard-ref'

export function loadWizardDraft(): WizardAnswers | undefined {
  return readJson<WizardAnswers>(WIZARD_KEY)
}

export function saveWizardDraft(answers: WizardAnswers): void {
  writeJson(WIZARD_KEY, answers)
}

export function clearWizardDraft(): void {
  removeKey(WIZARD_KEY)
  removeKey(WIZARD_REF_KEY)
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
