/**
 * Nothing typed twice: self-check opens with every wizard answer filled in (owner name, business scope, app name,
 * description, province, declared industries), lays its sections out per owner type (个人: one person section, no
 * 主办单位 wording, 「备案所在省份」), and renaming the app renames the filing.
 */
import { render, screen, waitFor } from '@testing-library/react'
import SelfCheckPage from '../../../src/filing/self-check'
import { emptyFilingForm } from '../../../src/domain/filing-form'
import { SAMPLE_PROFILE } from '../../../src/domain/samples'
import type { FilingProfile } from '../../../src/domain/types'
import { api } from '../../../src/services/api'
import { recordSensitiveConsent } from '../../../src/services/consent'
import { forgetDraftKey } from '../../../src/services/draft-crypto'
import { setCurrentFilingId } from '../../../src/services/filings'
import { DRAFT_KEY_B64, FILING_ID, fieldBlock, fill, ownerView, shownValue } from './support'

jest.mock('../../../src/services/api', () => ({
  api: { filings: { get: jest.fn(), list: jest.fn(), update: jest.fn(), draftKey: jest.fn() } }
}))

const filings = api.filings as unknown as Record<'get' | 'list' | 'update' | 'draftKey', jest.Mock>

/** A filing straight from the wizard: the answers, and a form nobody has typed into yet. */
function fromWizard(profile: FilingProfile) {
  return ownerView({ profile, form: emptyFilingForm(), title: profile.texts.appName ?? '' })
}

beforeEach(() => {
  localStorage.clear()
  forgetDraftKey()
  jest.clearAllMocks()
  setCurrentFilingId(FILING_ID)
  recordSensitiveConsent(true)
  filings.draftKey.mockResolvedValue({ ok: true, data: { key: DRAFT_KEY_B64 } })
  filings.update.mockImplementation(async ({ version }: { version: number }) => ({
    ok: true,
    data: { ...ownerView(), version: version + 1 }
  }))
})

async function openWith(profile: FilingProfile) {
  filings.get.mockResolvedValue({ ok: true, data: fromWizard(profile) })
  const view = render(<SelfCheckPage />)
  await waitFor(() => expect(view.container.querySelector('#self-check-section-owner')).not.toBeNull())
  return view
}

it('an enterprise finds every wizard answer already in the form', async () => {
  const { container } = await openWith(SAMPLE_PROFILE)
  const t = SAMPLE_PROFILE.texts
  expect(shownValue(container, 'owner.name')).toBe(t.ownerName)
  expect(shownValue(container, 'owner.businessScope')).toBe(t.businessScope)
  expect(shownValue(container, 'miniProgram.name')).toBe(t.appName)
  expect(shownValue(container, 'miniProgram.description')).toBe(t.appDescription)
  const province = fieldBlock(container, 'owner.region.province').textContent
  expect(province).toContain('天津')
  expect(province).not.toContain('未选择')
  expect(province).toContain('备案所在省份')
  // no industry declared in the wizard: 前置审批 is answered 以上都不涉及
  expect(fieldBlock(container, 'miniProgram.preApproval').querySelector('.nut-radio-button-active')?.textContent).toBe(
    '以上都不涉及'
  )
  expect(screen.getByText('主办单位负责人信息')).toBeInTheDocument()
})

it('declared industries arrive as 前置审批 with a row for each', async () => {
  const { container } = await openWith({ ...SAMPLE_PROFILE, industries: ['education'] })
  expect(fieldBlock(container, 'miniProgram.preApproval').querySelector('.nut-radio-button-active')?.textContent).toBe(
    '涉及，已取得前置审批'
  )
  expect(container.querySelector('.self-check-field--miniProgram-preApprovals-0-approvalNumber')).not.toBeNull()
})

it('an individual gets one person section, no 主办单位 wording', async () => {
  const profile: FilingProfile = {
    ...SAMPLE_PROFILE,
    ownerType: 'individual',
    province: '41',
    residenceProvince: '41',
    texts: { ownerName: '张小满', appName: '小满读书笔记', appDescription: SAMPLE_PROFILE.texts.appDescription }
  }
  const { container } = await openWith(profile)
  expect(screen.getByText('本人信息')).toBeInTheDocument()
  expect(container.textContent).not.toContain('主办单位')
  expect(container.querySelector('#self-check-section-ownerPrincipal')).toBeNull()
  expect(container.querySelector('#self-check-section-appPrincipal')).toBeNull()
  expect(shownValue(container, 'owner.name')).toBe('张小满')
  expect(fieldBlock(container, 'owner.region.province').textContent).toContain('河南')
})

it('renaming the app in self-check renames the filing (answers and title go with the form)', async () => {
  const { container } = await openWith(SAMPLE_PROFILE)
  fill(container, 'miniProgram.name', '云帆会议室')
  await waitFor(() => expect(filings.update).toHaveBeenCalled(), { timeout: 3000 })
  const sent = filings.update.mock.calls[0][0]
  expect(sent.title).toBe('云帆会议室')
  expect(sent.profile.texts.appName).toBe('云帆会议室')
  expect(sent.form.miniProgram.name).toBe('云帆会议室')
  expect(screen.getAllByText('云帆会议室').length).toBeGreaterThan(0)
})
