/**
 * Syncing the self-check draft: a newer version on the server asks (both versions, sensitive ones masked), a
 * refused value keeps the draft and shows the server's message, a lost connection keeps the draft.
 */
import { fireEvent, render, screen, waitFor, within } from '@testing-library/react'
import SelfCheckPage from '../../../src/filing/self-check'
import { api } from '../../../src/services/api'
import { recordSensitiveConsent } from '../../../src/services/consent'
import { forgetDraftKey } from '../../../src/services/draft-crypto'
import { setCurrentFilingId } from '../../../src/services/filings'
import { readFormDraft } from '../../../src/services/form-draft'
import { DRAFT_KEY_B64, FILING_ID, fieldBlock, fill, ownerView, shownValue, withForm } from './support'
import { hidePage, setRoute, showPage } from '../../setup/page-hooks'

jest.mock('../../../src/services/api', () => ({
  api: { filings: { get: jest.fn(), list: jest.fn(), update: jest.fn(), draftKey: jest.fn() } }
}))

const filings = api.filings as unknown as Record<'get' | 'list' | 'update' | 'draftKey', jest.Mock>
const saved = (version: number) => ({ ok: true, data: { ...ownerView(), version, revealed: false } })

/** Someone else saved version 6: another emergency contact and another phone for the mini-program principal. */
const theirs = withForm(ownerView({ version: 6 }), (form) => {
  form.emergencyContact.name = '钱多多'
  form.appPrincipal.mobile = '13700001111'
})

beforeEach(() => {
  localStorage.clear()
  forgetDraftKey()
  jest.clearAllMocks()
  setRoute({})
  setCurrentFilingId(FILING_ID)
  recordSensitiveConsent(true)
  filings.get.mockResolvedValue({ ok: true, data: ownerView() })
  filings.draftKey.mockResolvedValue({ ok: true, data: { key: DRAFT_KEY_B64 } })
})

async function openPage() {
  const view = render(<SelfCheckPage />)
  await screen.findByText('主办单位信息')
  await waitFor(() => expect(filings.draftKey).toHaveBeenCalled())
  return view
}

describe('a conflict', () => {
  beforeEach(() => {
    filings.update.mockResolvedValueOnce({
      ok: false,
      code: 'CONFLICT',
      message: '记录已在别处修改，请刷新后再试',
      fieldErrors: { version: ['当前版本为 6'] }
    })
    filings.get.mockResolvedValueOnce({ ok: true, data: ownerView() }).mockResolvedValue({ ok: true, data: theirs })
  })

  it('shows both versions, the sensitive ones masked', async () => {
    const { container } = await openPage()
    fill(container, 'appPrincipal.mobile', '13988887777')
    const dialog = await screen.findByText('备案信息在别处被修改了', undefined, { timeout: 3000 })
    const body = dialog.closest('.nut-dialog') as HTMLElement
    const text = body.textContent ?? ''
    expect(text).toContain('小程序负责人 · 手机号码')
    expect(text).toContain('我的：139****7777')
    expect(text).toContain('最新：137****1111')
    expect(text).toContain('应急联系人 · 姓名')
    expect(text).toContain('最新：钱多多')
    expect(text).not.toContain('13988887777')
    expect(text).not.toContain('13700001111')
    expect(filings.get).toHaveBeenLastCalledWith({ id: FILING_ID, reveal: true })
    expect(readFormDraft(FILING_ID)).toBeDefined()
  })

  it('保留我的修改 resends my form on the newer version', async () => {
    const { container } = await openPage()
    fill(container, 'appPrincipal.mobile', '13988887777')
    await screen.findByText('备案信息在别处被修改了', undefined, { timeout: 3000 })
    filings.update.mockResolvedValue(saved(7))
    fireEvent.click(screen.getByText('保留我的修改'))
    await waitFor(() => expect(filings.update).toHaveBeenCalledTimes(2))
    expect(filings.update.mock.calls[1][0]).toMatchObject({
      version: 6,
      form: { appPrincipal: { mobile: '13988887777' }, emergencyContact: { name: '赵一鸣' } }
    })
    await screen.findByText('已保存到云端')
    expect(readFormDraft(FILING_ID)).toBeUndefined()
  })

  it('使用最新版本 drops my draft and shows theirs', async () => {
    const { container } = await openPage()
    fill(container, 'appPrincipal.mobile', '13988887777')
    await screen.findByText('备案信息在别处被修改了', undefined, { timeout: 3000 })
    fireEvent.click(screen.getByText('使用最新版本'))
    await waitFor(() => expect(shownValue(container, 'emergencyContact.name')).toBe('钱多多'))
    expect(shownValue(container, 'appPrincipal.mobile')).toBe('137****1111')
    expect(readFormDraft(FILING_ID)).toBeUndefined()
    expect(filings.update).toHaveBeenCalledTimes(1)
  })
})

it('INVALID keeps the draft and shows the server’s message under the field until it is changed', async () => {
  filings.update.mockResolvedValue({
    ok: false,
    code: 'INVALID',
    message: '部分信息格式不正确',
    fieldErrors: { 'ownerPrincipal.mobile': ['服务器：该号码不能使用'] }
  })
  const { container } = await openPage()
  fill(container, 'ownerPrincipal.mobile', '13612349999')
  await waitFor(() =>
    expect(within(fieldBlock(container, 'ownerPrincipal.mobile')).getByText('服务器：该号码不能使用'))
  )
  expect(screen.getByText(/有信息格式不正确，改正后自动同步/)).toBeTruthy()
  const draft = readFormDraft(FILING_ID)
  expect(draft).toMatchObject({ baseVersion: 5, plain: { ownerPrincipal: { name: '李明远' } } })
  expect(draft!.sealed).toMatch(/^fd2\./)

  filings.update.mockResolvedValue(saved(6))
  fill(container, 'ownerPrincipal.mobile', '13612348888')
  expect(within(fieldBlock(container, 'ownerPrincipal.mobile')).queryByText('服务器：该号码不能使用')).toBeNull()
  await screen.findByText('已保存到云端', undefined, { timeout: 3000 })
})

it('a value the server would refuse is not sent: the draft stays and syncs once it is fixed', async () => {
  filings.update.mockResolvedValue(saved(6))
  const { container } = await openPage()
  fill(container, 'ownerPrincipal.idNumber', '12010119850312703')
  fill(container, 'miniProgram.name', '云帆会议室')
  await screen.findByText(/有信息格式不正确，改正后自动同步/, undefined, { timeout: 3000 })
  expect(filings.update).not.toHaveBeenCalled()
  expect(readFormDraft(FILING_ID)?.plain.miniProgram.name).toBe('云帆会议室')
  fill(container, 'ownerPrincipal.idNumber', '120101198503127034')
  await screen.findByText('已保存到云端', undefined, { timeout: 3000 })
  expect(filings.update).toHaveBeenCalledTimes(1)
  expect(filings.update.mock.calls[0][0].form.miniProgram.name).toBe('云帆会议室')
})

it('a lost connection keeps the draft, says so, and retries when the page is shown again', async () => {
  filings.update.mockResolvedValue({ ok: false, code: 'UNAVAILABLE', message: '网络不可用', fieldErrors: {} })
  const { container } = await openPage()
  fill(container, 'miniProgram.description', '为园区企业提供会议室在线预订、签到与使用统计服务，面向入驻企业员工。')
  await screen.findByText('已保存在手机上，联网后同步', undefined, { timeout: 3000 })
  expect(readFormDraft(FILING_ID)?.plain.miniProgram.description).toContain('会议室在线预订')

  filings.update.mockResolvedValue(saved(6))
  hidePage()
  showPage()
  await screen.findByText('已保存到云端', undefined, { timeout: 3000 })
  expect(filings.update).toHaveBeenLastCalledWith(expect.objectContaining({ version: 5 }))
  expect(readFormDraft(FILING_ID)).toBeUndefined()
})

it('an edit made while a save is out stays on the device and follows on the new version', async () => {
  let release!: () => void
  filings.update.mockImplementationOnce(() => new Promise((resolve) => (release = () => resolve(saved(6)))))
  filings.update.mockResolvedValue(saved(7))
  const { container } = await openPage()
  fill(container, 'miniProgram.name', '云帆会议室')
  await waitFor(() => expect(filings.update).toHaveBeenCalledTimes(1), { timeout: 3000 })
  fill(container, 'emergencyContact.name', '孙二')
  release()
  await waitFor(() => expect(filings.update).toHaveBeenCalledTimes(2), { timeout: 3000 })
  expect(filings.update.mock.calls[1][0]).toMatchObject({
    version: 6,
    form: { miniProgram: { name: '云帆会议室' }, emergencyContact: { name: '孙二' } }
  })
  await screen.findByText('已保存到云端', undefined, { timeout: 3000 })
  expect(readFormDraft(FILING_ID)).toBeUndefined()
})

it('opens at the field named in the query: highlighted and its findings shown', async () => {
  filings.get.mockResolvedValue({
    ok: true,
    data: withForm(ownerView(), (form) => {
      form.emergencyContact.name = ''
    })
  })
  setRoute({ section: 'emergencyContact', field: 'emergencyContact.name' })
  const { container } = await openPage()
  const block = fieldBlock(container, 'emergencyContact.name')
  await waitFor(() => expect(block.className).toContain('form-field--highlight'))
  expect(block.id).toBe('field-emergencyContact-name')
  expect(block.textContent).toContain('请填写应急联系人姓名')
})

it('an invited principal gets a masked, read-only view and nothing is saved', async () => {
  filings.get.mockResolvedValue({
    ok: true,
    data: {
      ...ownerView(),
      access: 'app_principal',
      revealed: false,
      form: withForm(ownerView(), (form) => {
        form.appPrincipal.idNumber = '120***********4522'
        form.appPrincipal.mobile = '137****0002'
      }).form
    }
  })
  const { container } = render(<SelfCheckPage />)
  await screen.findByText('主办单位信息')
  expect(screen.getByText(/只有创建这份备案的人能修改/)).toBeTruthy()
  expect(container.querySelector('taro-input-core')).toBeNull()
  expect(fieldBlock(container, 'appPrincipal.mobile').textContent).toContain('137****0002')
  expect(screen.queryByText('查看自检结果')).toBeNull()
  expect(readFormDraft(FILING_ID)).toBeUndefined()
  expect(filings.draftKey).not.toHaveBeenCalled()
})
