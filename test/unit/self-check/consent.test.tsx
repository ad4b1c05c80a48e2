/**
 * The separate consent before the first sensitive field: asked before any sensitive value can be typed, stored
 * with its version and date, and declining leaves every other field usable.
 */
import { fireEvent, render, screen, waitFor } from '@testing-library/react'
import Taro from '@tarojs/taro'
import ConsentPage from '../../../src/filing/consent'
import SelfCheckPage from '../../../src/filing/self-check'
import { ROUTES } from '../../../src/constants/routes'
import { SENSITIVE_FIELD_PATHS } from '../../../src/domain/types'
import { api } from '../../../src/services/api'
import { SENSITIVE_CONSENT_VERSION, readSensitiveConsent, recordSensitiveConsent } from '../../../src/services/consent'
import { forgetDraftKey } from '../../../src/services/draft-crypto'
import { setCurrentFilingId } from '../../../src/services/filings'
import { readFormDraft } from '../../../src/services/form-draft'
import { DRAFT_KEY_B64, FILING_ID, fieldBlock, fill, findingsText, inputOf, ownerView, withForm } from './support'
import { setRoute, showPage } from '../../setup/page-hooks'

jest.mock('../../../src/services/api', () => ({
  api: { filings: { get: jest.fn(), list: jest.fn(), update: jest.fn(), draftKey: jest.fn() } }
}))

const filings = api.filings as unknown as Record<'get' | 'list' | 'update' | 'draftKey', jest.Mock>
let navigateTo: jest.SpyInstance
/** Whether the user agreed to the current text of the consent. */
const hasSensitiveConsent = () => readSensitiveConsent()?.agreed === true
let navigateBack: jest.SpyInstance

/** A new filing: nothing sensitive filled in yet. */
const fresh = withForm(ownerView(), (form) => {
  form.ownerPrincipal = { name: '李明远', idType: 'id_card' }
  form.appPrincipal = {}
  form.emergencyContact = {}
  form.owner = { name: form.owner.name, certificateType: 'business_license', region: { province: '12' } }
})

beforeEach(() => {
  localStorage.clear()
  forgetDraftKey()
  jest.clearAllMocks()
  setRoute({})
  setCurrentFilingId(FILING_ID)
  filings.get.mockResolvedValue({ ok: true, data: fresh })
  filings.draftKey.mockResolvedValue({ ok: true, data: { key: DRAFT_KEY_B64 } })
  filings.update.mockImplementation(async ({ version }: { version: number }) => ({
    ok: true,
    data: { ...fresh, version: version + 1 }
  }))
  navigateTo = jest.spyOn(Taro, 'navigateTo').mockResolvedValue({ errMsg: 'navigateTo:ok' } as never)
  navigateBack = jest.spyOn(Taro, 'navigateBack').mockResolvedValue({ errMsg: 'navigateBack:ok' } as never)
})

afterEach(() => {
  navigateTo.mockRestore()
  navigateBack.mockRestore()
})

async function openSelfCheck() {
  const view = render(<SelfCheckPage />)
  await screen.findByText('主办单位信息')
  return view
}

it('no sensitive field can be typed into before the user decides; tapping one opens the consent screen', async () => {
  const { container } = await openSelfCheck()
  for (const path of SENSITIVE_FIELD_PATHS) expect(inputOf(container, path)).toBeNull()
  expect(inputOf(container, 'ownerPrincipal.name')).not.toBeNull()
  fireEvent.click(fieldBlock(container, 'ownerPrincipal.idNumber').querySelector('.self-check-field__locked')!)
  expect(navigateTo).toHaveBeenCalledWith({ url: ROUTES.consent })
})

it('agreeing stores the decision with its version and date, and the field opens for input, highlighted', async () => {
  const { container } = await openSelfCheck()
  fireEvent.click(fieldBlock(container, 'ownerPrincipal.idNumber').querySelector('.self-check-field__locked')!)

  const consent = render(<ConsentPage />)
  expect(screen.getByText('敏感个人信息处理说明')).toBeTruthy()
  expect(screen.getByText(/加密保存（AES-256-GCM）/)).toBeTruthy()
  expect(screen.getByText(/我的 → 我的数据/)).toBeTruthy()
  expect(screen.getByText(/订阅消息提醒、分享卡片、邀请链接和二维码里从不包含这些信息/)).toBeTruthy()
  fireEvent.click(screen.getByText('同意'))
  expect(navigateBack).toHaveBeenCalled()
  expect(readSensitiveConsent()).toMatchObject({ version: SENSITIVE_CONSENT_VERSION, agreed: true })
  expect(Date.parse(readSensitiveConsent()!.decidedAt)).not.toBeNaN()
  consent.unmount()

  showPage()
  await waitFor(() => expect(inputOf(container, 'ownerPrincipal.idNumber')).not.toBeNull())
  expect(fieldBlock(container, 'ownerPrincipal.idNumber').className).toContain('form-field--highlight')
  fill(container, 'ownerPrincipal.idNumber', '120101198503127035')
  expect(findingsText(container, 'ownerPrincipal.idNumber')).toContain('校验位不正确')
})

it('declining keeps every other field usable and no sensitive field open', async () => {
  render(<ConsentPage />)
  fireEvent.click(screen.getByText('不同意'))
  expect(readSensitiveConsent()).toMatchObject({ agreed: false })
  expect(hasSensitiveConsent()).toBe(false)

  const { container } = await openSelfCheck()
  expect(screen.getByText(/你没有同意处理敏感个人信息/)).toBeTruthy()
  for (const path of SENSITIVE_FIELD_PATHS) expect(inputOf(container, path)).toBeNull()
  fill(container, 'emergencyContact.name', '赵一鸣')
  fill(container, 'ownerPrincipal.idValidUntil', '20350312')
  fill(container, 'miniProgram.name', '云帆会议室预订')
  expect(findingsText(container, 'ownerPrincipal.idValidUntil')).toBe('')
  expect(readFormDraft(FILING_ID)?.plain).toMatchObject({
    emergencyContact: { name: '赵一鸣' },
    ownerPrincipal: { idValidUntil: '2035-03-12' },
    miniProgram: { name: '云帆会议室预订' }
  })
  await waitFor(() => expect(filings.update).toHaveBeenCalled(), { timeout: 3000 })
})

it('asks again when the text of the consent changes version', () => {
  recordSensitiveConsent(true)
  expect(hasSensitiveConsent()).toBe(true)
  const key = Object.keys(localStorage).find((k) => k.includes('consent'))!
  const stored = JSON.parse(JSON.parse(localStorage.getItem(key)!).data)
  localStorage.setItem(key, JSON.stringify({ data: JSON.stringify({ ...stored, version: '2024-01-v0' }) }))
  expect(readSensitiveConsent()).toBeUndefined()
  expect(hasSensitiveConsent()).toBe(false)
})

it('a sensitive value filled in elsewhere shows masked, even before consent', async () => {
  filings.get.mockResolvedValue({ ok: true, data: ownerView() })
  const { container } = await openSelfCheck()
  const locked = fieldBlock(container, 'ownerPrincipal.mobile').querySelector('.self-check-field__locked')!
  expect(locked.textContent).toContain('136****0001')
  expect(container.textContent).not.toContain('13612340001')
})
