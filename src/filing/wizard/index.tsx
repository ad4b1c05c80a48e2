import { useState } from 'react'
import { View } from '@tarojs/components'
import { useRouter } from '../../services/page-hooks'
import { Button, NoticeBar, Step, Steps } from '@nutui/nutui-react-taro'
import PageShell from '../../components/page-shell'
import { ROUTES } from '../../constants/routes'
import { openPage } from '../../services/navigation'
import { createFiling } from '../../services/filings'
import { clearWizardDraft, wizardClientRef } from '../../services/drafts'
import { WIZARD_STEPS, isPlatformId, missingForStep, type WizardAnswers } from './answers'
import { WIZARD_STEP_VIEWS } from './steps'
import { ChecklistPreview, KeywordHits } from './summary'
import { useWizardAnswers } from './use-wizard-answers'
import './index.scss'

/** Creating the filing from the answers; on success the draft goes and the materials page opens. */
function useFinish(answers: WizardAnswers) {
  const [saving, setSaving] = useState(false)
  const [error, setError] = useState('')
  async function finish() {
    setSaving(true)
    setError('')
    const result = await createFiling(answers, wizardClientRef())
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

export default function WizardPage() {
  const router = useRouter()
  const presetPlatform = isPlatformId(router.params.platform) ? router.params.platform : undefined
  const answersState = useWizardAnswers(presetPlatform)
  const { answers } = answersState
  const [step, setStep] = useState(0)
  const { saving, error, finish } = useFinish(answers)
  const missing = missingForStep(step, answers)
  const isLast = step === WIZARD_STEPS.length - 1
  const StepView = WIZARD_STEP_VIEWS[step]

  return (
    <PageShell
      className='wizard'
      footer={
        <View className='wizard__nav'>
          {step > 0 ? (
            <Button className='wizard__back' onClick={() => setStep(step - 1)}>
              上一步
            </Button>
          ) : null}
          <Button
            className='wizard__next'
            type='primary'
            disabled={missing.length > 0}
            loading={saving}
            onClick={() => (isLast ? finish() : setStep(step + 1))}
          >
            {isLast ? '生成材料清单' : '下一步'}
          </Button>
        </View>
      }
    >
      <Steps value={step + 1} layout='double' className='wizard__steps'>
        {WIZARD_STEPS.map((title, i) => (
          <Step key={title} value={i + 1} title={title} />
        ))}
      </Steps>

      <StepView {...answersState} />

      <KeywordHits answers={answers} />
      {missing.length > 0 ? <NoticeBar className='wizard__missing' content={missing.join('；')} /> : null}
      {error ? <NoticeBar className='wizard__error' content={error} /> : null}
      <ChecklistPreview answers={answers} />
    </PageShell>
  )
}
