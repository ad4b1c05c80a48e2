/**
 * The wizard's answers, on the device before anything else happens (a crash or relaunch loses nothing), and the
 * small updates the steps make to them.
 */
import { useEffect, useState } from 'react'
import type { IndustryId, PlatformId } from '../../domain/types'
import { loadWizardDraft, saveWizardDraft } from '../../services/drafts'
import { emptyAnswers, type WizardAnswers } from './answers'

export interface WizardAnswersState {
  answers: WizardAnswers
  update(patch: Partial<WizardAnswers>): void
  updateText(key: keyof WizardAnswers['texts'], value: string): void
  toggleIndustry(id: IndustryId, on: boolean): void
}

/** A draft for another platform than the one the wizard was opened for is not resumed. */
export function useWizardAnswers(presetPlatform?: PlatformId): WizardAnswersState {
  const [answers, setAnswers] = useState<WizardAnswers>(() => {
    const draft = loadWizardDraft()
    if (draft && (!presetPlatform || draft.platform === presetPlatform)) return draft
    return emptyAnswers(presetPlatform)
  })

  useEffect(() => saveWizardDraft(answers), [answers])

  return {
    answers,
    update: (patch) => setAnswers((a) => ({ ...a, ...patch })),
    updateText: (key, value) => setAnswers((a) => ({ ...a, texts: { ...a.texts, [key]: value } })),
    toggleIndustry: (id, on) =>
      setAnswers((a) => ({
        ...a,
        industries: on ? [...new Set([...a.industries, id])] : a.industries.filter((x) => x !== id)
      }))
  }
}
