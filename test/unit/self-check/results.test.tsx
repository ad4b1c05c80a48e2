/**
 * 自检结果: every finding of the current filing (with the device draft laid over it), grouped 错误 / 警告 / 提示,
 * each one opening the self-check page at its field; an all-clear points to the next step.
 */
import { fireEvent, render, screen, within } from '@testing-library/react'
import Taro from '@tarojs/taro'
import CheckResultPage from '../../../src/filing/check-result'
import { takeFieldFocus } from '../../../src/filing/self-check/focus-request'
import { ROUTES, withQuery } from '../../../src/constants/routes'
import { runSelfCheck } from '../../../src/domain/self-check'
import { todayInShanghai } from '../../../src/domain/time'
import { api } from '../../../src/services/api'
import { forgetDraftKey, loadDraftKey } from '../../../src/services/draft-crypto'
import { setCurrentFilingId } from '../../../src/services/filings'
import { writeFormDraft } from '../../../src/services/form-draft'
import { DRAFT_KEY_B64, FILING_ID, ownerView, withForm } from './support'

jest.mock('../../../src/services/api', () => ({
  api: { filings: { get: jest.fn(), list: jest.fn(), update: jest.fn(), draftKey: jest.fn() } }
}))

const filings = api.filings as unknown as Record<'get' | 'list' | 'update' | 'draftKey', jest.Mock>
let navigateTo: jest.SpyInstance
let navigateBack: jest.SpyInstance
let switchTab: jest.SpyInstance

/** An ID with a wrong check digit, a phone used twice, a vague description, an address repeating the city. */
const flawed = withForm(ownerView(), (form) => {
  form.ownerPrincipal.idNumber = '120101198503127035'
  form.emergencyContact.mobile = '13612340001'
  form.miniProgram.description = '测试'
  form.owner.address = '天津市滨海新区海川路88号'
})

beforeEach(() => {
  localStorage.clear()
  forgetDraftKey()
  jest.clearAllMocks()
  setCurrentFilingId(FILING_ID)
  filings.draftKey.mockResolvedValue({ ok: true, data: { key: DRAFT_KEY_B64 } })
  navigateTo = jest.spyOn(Taro, 'navigateTo').mockResolvedValue({ errMsg: 'ok' } as never)
  navigateBack = jest.spyOn(Taro, 'navigateBack').mockResolvedValue({ errMsg: 'ok' } as never)
  switchTab = jest.spyOn(Taro, 'switchTab').mockResolvedValue({ errMsg: 'ok' } as never)
})

afterEach(() => {
  navigateTo.mockRestore()
  navigateBack.mockRestore()
  switchTab.mockRestore()
  jest.restoreAllMocks()
})

function groupOf(title: RegExp): HTMLElement {
  return screen.getByText(title).closest('.check-result__group') as HTMLElement
}

it('lists every finding grouped by severity, with counts, messages and fixes', async () => {
  filings.get.mockResolvedValue({ ok: true, data: flawed })
  const expected = runSelfCheck(flawed.form, { profile: flawed.profile, today: todayInShanghai() })
  const bySeverity = (s: string) => expected.filter((f) => f.severity === s)
  expect(bySeverity('error').length).toBeGreaterThanOrEqual(3)
  expect(bySeverity('warning').length).toBeGreaterThanOrEqual(1)

  render(<CheckResultPage />)
  await screen.findByText(`发现 ${bySeverity('error').length} 个错误`)
  const errors = groupOf(new RegExp(`^错误（${bySeverity('error').length}）$`))
  const warnings = groupOf(new RegExp(`^警告（${bySeverity('warning').length}）$`))
  expect(errors.querySelectorAll('.check-result__item')).toHaveLength(bySeverity('error').length)
  expect(warnings.querySelectorAll('.check-result__item')).toHaveLength(bySeverity('warning').length)
  for (const f of bySeverity('error')) {
    const item = errors.querySelector(`[data-field="${f.field}"]`) as HTMLElement
    expect(item.textContent).toContain(f.message)
    expect(item.textContent).toContain(f.fix)
  }
  expect(within(errors).getByText('主体负责人 · 证件号码')).toBeTruthy()
  expect(screen.queryByText('去进度页提交')).toBeNull()
})

it('tapping a finding opens the self-check page at its field', async () => {
  filings.get.mockResolvedValue({ ok: true, data: flawed })
  render(<CheckResultPage />)
  await screen.findByText(/个错误$/)
  const item = document.querySelector('[data-field="ownerPrincipal.idNumber"]') as HTMLElement
  fireEvent.click(item)
  expect(navigateTo).toHaveBeenCalledWith({
    url: withQuery(ROUTES.selfCheck, { section: 'ownerPrincipal', field: 'ownerPrincipal.idNumber' })
  })
})

it('goes back to an open self-check page instead of stacking another, handing it the field', async () => {
  filings.get.mockResolvedValue({ ok: true, data: flawed })
  jest
    .spyOn(Taro, 'getCurrentPages')
    .mockReturnValue([{ route: 'filing/self-check/index' }, { route: 'filing/check-result/index' }] as never)
  render(<CheckResultPage />)
  await screen.findByText(/个错误$/)
  fireEvent.click(document.querySelector('[data-field="emergencyContact.mobile"]') as HTMLElement)
  expect(navigateBack).toHaveBeenCalled()
  expect(navigateTo).not.toHaveBeenCalled()
  expect(takeFieldFocus()).toEqual({ section: 'emergencyContact', field: 'emergencyContact.mobile' })
})

it('checks the device draft laid over the server copy, sealed values included', async () => {
  filings.get.mockResolvedValue({ ok: true, data: ownerView() })
  await loadDraftKey()
  const draft = withForm(ownerView(), (form) => {
    form.appPrincipal.idNumber = '12011619920815452X'
    form.miniProgram.name = '中国云帆会议'
  })
  writeFormDraft(FILING_ID, { baseVersion: 5, form: draft.form, profile: draft.profile })
  forgetDraftKey()
  render(<CheckResultPage />)
  expect(await screen.findByText('已包含手机上尚未同步的修改。')).toBeTruthy()
  const appId = await screen.findByText('小程序负责人 · 证件号码')
  expect(appId.closest('.check-result__item')!.className).toContain('check-result__item--error')
  expect(screen.getByText('小程序 · 小程序名称')).toBeTruthy()
})

it('all clear: a success state with the next step', async () => {
  filings.get.mockResolvedValue({ ok: true, data: ownerView() })
  render(<CheckResultPage />)
  expect(await screen.findByText('没有发现问题')).toBeTruthy()
  expect(document.querySelector('.check-result__item')).toBeNull()
  fireEvent.click(screen.getByText('去进度页提交'))
  expect(switchTab).toHaveBeenCalledWith({ url: ROUTES.progress })
})

it('an invited principal sees the findings that do not need the masked values', async () => {
  filings.get.mockResolvedValue({
    ok: true,
    data: withForm(ownerView({ access: 'owner_principal', revealed: false }), (form) => {
      form.ownerPrincipal.idNumber = '120***********7034'
      form.miniProgram.description = '测试'
    })
  })
  render(<CheckResultPage />)
  expect(await screen.findByText(/只有备案创建者能检查/)).toBeTruthy()
  expect(document.querySelector('[data-field="ownerPrincipal.idNumber"]')).toBeNull()
  expect(document.querySelector('[data-field="miniProgram.description"]')).not.toBeNull()
})

it('offline with no draft: an error with a retry', async () => {
  filings.get.mockResolvedValue({
    ok: false,
    code: 'UNAVAILABLE',
    message: '网络不可用，请检查网络后重试',
    fieldErrors: {}
  })
  render(<CheckResultPage />)
  expect(await screen.findByText('网络不可用，请检查网络后重试')).toBeTruthy()
  expect(screen.getByText('重试')).toBeTruthy()
})
