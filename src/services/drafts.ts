import type { FilingProfile as WizardAnswers } from '../domain/types'
import { readJson, removeKey, writeJson } from './storage'

/** The wizard's answers hold no sensitive personal information, so they are kept on the device as they are. */
const WIZARD_KEY = 'draft:wizard'

export function loadWizardDraft(): WizardAnswers | undefined {
  return readJson<WizardAnswers>(WIZARD_KEY)
}

export function saveWizardDraft(answers: WizardAnswers): void {
  writeJson(WIZARD_KEY, answers)
}

export function clearWizardDraft(): void {
  removeKey(WIZARD_KEY)
}
