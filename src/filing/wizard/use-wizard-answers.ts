/**
 * The wizard's answers and the step the user is on, on the device before anything else happens (a crash or relaunch
 * loses nothing and reopens where the user left), and the small updates the steps make to them.
 */
import { useEffect, useState } from 'react'
import type { IndustryId, PlatformId } from '../../domain/types'
import { loadWizardDraft, loadWizardStep, saveWizardDraft, saveWizardStep } from '../../services/drafts'
import { emptyAnswers, type WizardAnswers } from './answers'

export interface WizardAnswersState {
  answers: WizardAnswers
  update(patch: Partial<WizardAnswers>): void
  updateText(key: keyof WizardAnswers['texts'], value: string): void
  toggleIndustry(id: IndustryId, on: boolean): void
}

export interface WizardState extends WizardAnswersState {
  step: number
  setStep(step: number): void
}

/** A draft for another platform than the one the wizard was opened for is not resumed. */
export function useWizardAnswers(presetPlatform?: PlatformId): WizardState {
  const [resumed] = useState(() => {
    const draft = loadWizardDraft()
    if (draft && (!presetPlatform || draft.platform === presetPlatform)) return { draft, step: loadWizardStep() }
    return { draft: emptyAnswers(presetPlatform), step: 0 }
  })
  const [answers, setAnswers] = useState<WizardAnswers>(resumed.draft)
  const [step, setStep] = useState(resumed.step)

  useEffect(() => saveWizardDraft(answers), [answers])
  useEffect(() => saveWizardStep(step), [step])

  return {
    answers,
    step,
    setStep,
    update: (patch) => setAnswers((a) => ({ ...a, ...patch })),
    updateText: (key, value) => setAnswers((a) => ({ ...a, texts: { ...a.texts, [key]: value } })),
    toggleIndustry: (id, on) =>
      setAnswers((a) => ({
        ...a,
        industries: on ? [...new Set([...a.industries, id])] : a.industries.filter((x) => x !== id)
      }))
  }
}
