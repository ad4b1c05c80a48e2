import { useState } from 'react'
import { Text, View } from '@tarojs/components'
import { Button, NoticeBar, Step, Steps } from '@nutui/nutui-react-taro'
import PageShell from '../../components/page-shell'
import { ROUTES } from '../../constants/routes'
import { findDeadEnd, formFromAnswers, type DeadEndAlternative, type DeadEndStep } from '../../domain'
import { useRouter } from '../../services/page-hooks'
import { openPage } from '../../services/navigation'
import { createFiling } from '../../services/filings'
import { clearWizardDraft, wizardClientRef } from '../../services/drafts'
import { isPlatformId, missingForStep, stepTitle, wizardSteps, type WizardAnswers, type WizardStepId } from './answers'
import { DeadEndCard } from './dead-end'
import { PlatformStep, RegionStep } from './steps'
import { CancelTextsStep, IndustriesStep, TextsStep } from './steps-texts'
import { ChecklistPreview } from './summary'
import { useWizardAnswers, type WizardAnswersState } from './use-wizard-answers'
import './index.scss'

/** The answers as the filing keeps them: an unanswered 已有备案号 and the 注销-only answers are left out. */
export function profileToSave(a: WizardAnswers): WizardAnswers {
  const out = { ...a }
  if (!out.existingOwnerFilingNumber?.trim() || out.filingType !== 'new') delete out.existingOwnerFilingNumber
  if (out.filingType !== 'cancel') {
    delete out.cancelKind
    delete out.cancelFilingNumber
    delete out.appId
  } else {
    out.industries = []
    out.texts = { ...out.texts, businessScope: '', appDescription: '' }
  }
  return out
}

/** Creating the filing from the answers, its form already holding them; then the draft goes and 材料 opens. */
function useFinish(answers: WizardAnswers) {
  const [saving, setSaving] = useState(false)
  const [error, setError] = useState('')
  async function finish() {
    if (saving) return
    setSaving(true)
    setError('')
    const profile = profileToSave(answers)
    const result = await createFiling(profile, wizardClientRef(), formFromAnswers(profile))
    setSaving(false)
    if (!result.ok) {
      setError(result.message)
      return
    }
    clearWizardDraft()
    openPage(ROUTES.materials)
  }
  return { saving, error, finish }
}

/** The wizard step that asks each deciding question of a dead end. */
const DEAD_END_STEP: Record<DeadEndStep, WizardStepId> = {
  owner: 'platform',
  existing_filing: 'platform',
  province: 'region',
  principal: 'region',
  industries: 'industries'
}

function StepView({ id, state }: { id: string; state: WizardAnswersState }) {
  if (id === 'platform') return <PlatformStep {...state} />
  if (id === 'region') return <RegionStep {...state} />
  if (id === 'industries') return <IndustriesStep {...state} />
  return state.answers.filingType === 'cancel' ? <CancelTextsStep {...state} /> : <TextsStep {...state} />
}

export default function WizardPage() {
  const router = useRouter()
  const presetPlatform = isPlatformId(router.params.platform) ? router.params.platform : undefined
  const state = useWizardAnswers(presetPlatform)
  const { answers, update } = state
  const steps = wizardSteps(answers)
  const step = Math.min(state.step, steps.length - 1)
  const stepId = steps[step]
  const { saving, error, finish } = useFinish(answers)

  // a dead end shows on the step where its deciding answer is given, and on every step after it
  const deadEnd = answers.province ? findDeadEnd(answers) : null
  const deadEndStep = deadEnd ? steps.indexOf(DEAD_END_STEP[deadEnd.step]) : -1
  const blocked = deadEnd && step >= deadEndStep ? deadEnd : null
  const missing = missingForStep(stepId, answers)
  // the dead end's own reason beside 下一步: the card with the alternatives may be scrolled away on a small phone
  const reason = blocked ? blocked.reason : missing.join('；')
  const isLast = step === steps.length - 1

  function choose(alternative: DeadEndAlternative) {
    update(alternative.patch)
    const after = wizardSteps({ ...answers, ...alternative.patch })
    state.setStep(Math.max(0, after.indexOf(DEAD_END_STEP[alternative.step])))
  }

  return (
    <PageShell
      className='wizard'
      footer={
        <View className='wizard__footer'>
          {/* a disabled primary action always says why, right beside it */}
          {reason ? <Text className='wizard__reason'>{reason}</Text> : null}
          <View className='wizard__nav'>
            {step > 0 ? (
              <Button className='wizard__back' onClick={() => state.setStep(step - 1)}>
                上一步
              </Button>
            ) : null}
            <Button
              className='wizard__next'
              type='primary'
              disabled={!!reason}
              loading={saving}
              onClick={() => (isLast ? finish() : state.setStep(step + 1))}
            >
              {isLast ? '生成材料清单' : '下一步'}
            </Button>
          </View>
        </View>
      }
    >
      <Steps value={step + 1} layout='double' className='wizard__steps'>
        {steps.map((id, i) => (
          <Step key={id} value={i + 1} title={stepTitle(answers, id)} />
        ))}
      </Steps>

      <StepView id={stepId} state={state} />
      {/* right under the answer that decided it (the province grids end here), just above 下一步 */}
      {blocked ? <DeadEndCard deadEnd={blocked} onChoose={choose} /> : null}
      {error ? <NoticeBar className='wizard__error' content={error} /> : null}
      {blocked ? null : <ChecklistPreview answers={answers} />}
    </PageShell>
  )
}
