/** The wizard's answers hook: resumes the device draft unless it is for another platform, and keeps every change. */
import { act, renderHook } from '@testing-library/react'
import { emptyAnswers } from '../../../src/filing/wizard/answers'
import { useWizardAnswers } from '../../../src/filing/wizard/use-wizard-answers'
import { loadWizardDraft, saveWizardDraft } from '../../../src/services/drafts'

beforeEach(() => localStorage.clear())

it.each([
  ['no preset platform', undefined, 'tt'],
  ['the same platform', 'tt', 'tt'],
  ['another platform', 'weapp', 'weapp']
] as const)(
  'with a 抖音 draft on the device and %s (preset %s), starts on the expected platform',
  (_, preset, platform) => {
    saveWizardDraft({ ...emptyAnswers('tt'), province: '12' })
    const { result } = renderHook(() => useWizardAnswers(preset))
    expect(result.current.answers.platform).toBe(platform)
    expect(result.current.answers.province).toBe(platform === 'tt' ? '12' : '')
  }
)

it('keeps every change on the device, an industry once however often it is ticked', () => {
  const { result } = renderHook(() => useWizardAnswers())
  act(() => result.current.update({ province: '31' }))
  act(() => result.current.updateText('appName', '云帆会议室'))
  act(() => result.current.toggleIndustry('education', true))
  act(() => result.current.toggleIndustry('education', true))
  expect(loadWizardDraft()).toMatchObject({
    province: '31',
    industries: ['education'],
    texts: { appName: '云帆会议室' }
  })
  act(() => result.current.toggleIndustry('education', false))
  expect(loadWizardDraft()?.industries).toEqual([])
})
