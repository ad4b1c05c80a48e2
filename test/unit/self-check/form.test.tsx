/**
 * 信息自检 page in jsdom with the API mocked: inline findings from the domain rules, masking once entered, and the
 * draft on the device before any network call.
 */
import { fireEvent, render, screen, waitFor } from '@testing-library/react'
import Taro from '@tarojs/taro'
import SelfCheckPage from '../../../src/filing/self-check'
import { api } from '../../../src/services/api'
import { recordSensitiveConsent } from '../../../src/services/consent'
import { forgetDraftKey } from '../../../src/services/draft-crypto'
import { setCurrentFilingId } from '../../../src/services/filings'
import { formDraftKey, readFormDraft, restoreForm } from '../../../src/services/form-draft'
import {
  DRAFT_KEY_B64,
  FILING_ID,
  blurField,
  everythingOnDevice,
  fill,
  findingsText,
  ownerView,
  shownValue,
  typeInto
} from './support'

jest.mock('../../../src/services/api', () => ({
  api: { filings: { get: jest.fn(), list: jest.fn(), update: jest.fn(), draftKey: jest.fn() } }
}))

const filings = api.filings as unknown as Record<'get' | 'list' | 'update' | 'draftKey', jest.Mock>

beforeEach(() => {
  localStorage.clear()
  forgetDraftKey()
  jest.clearAllMocks()
  setCurrentFilingId(FILING_ID)
  recordSensitiveConsent(true)
  filings.get.mockResolvedValue({ ok: true, data: ownerView() })
  filings.draftKey.mockResolvedValue({ ok: true, data: { key: DRAFT_KEY_B64 } })
  filings.update.mockImplementation(async ({ version }: { version: number }) => ({
    ok: true,
    data: { ...ownerView(), version: version + 1, revealed: false }
  }))
})

async function openPage() {
  const view = render(<SelfCheckPage />)
  await screen.findByText('主办单位信息')
  await waitFor(() => expect(filings.draftKey).toHaveBeenCalled())
  return view
}

describe('inline findings', () => {
  it.each([
    ['ownerPrincipal.idNumber', '120101198503127035', '校验位不正确', '120101198503127034'],
    ['appPrincipal.idNumber', '12011619920815452', '应为18位', '120116199208154522'],
    ['owner.certificateNumber', '91120116MA05K8QR2O', '不使用字符“O”', '91120116MA05K8QR23'],
    ['owner.certificateNumber', '91120116MA05K8QR24', '校验', '91120116MA05K8QR23'],
    ['ownerPrincipal.mobile', '1361234000', '应为11位', '13612340001'],
    ['emergencyContact.mobile', '23812340003', '不是中国大陆手机号码', '13812340003'],
    ['emergencyContact.mobile', '13612340001', '同一个手机号码', '13812340003']
  ])('%s = %s shows “%s” under the field, and fixing it clears it', async (path, bad, message, good) => {
    const { container } = await openPage()
    fill(container, path, bad)
    expect(findingsText(container, path)).toContain(message)
    typeInto(container, path, good)
    expect(findingsText(container, path)).toBe('')
  })

  it('shows the address rule under 通讯地址 and a certificate expiring too soon under 证件有效期', async () => {
    const { container } = await openPage()
    fill(container, 'owner.address', '天津市滨海新区海川路88号')
    expect(findingsText(container, 'owner.address')).toContain('重复了已选择的省市区')
    fill(container, 'ownerPrincipal.idValidUntil', '2026/12/1')
    expect(shownValue(container, 'ownerPrincipal.idValidUntil')).toBe('2026-12-01')
    expect(findingsText(container, 'ownerPrincipal.idValidUntil')).toContain('到期')
  })

  it('keeps quiet about an empty field until the user has been there or starts the check', async () => {
    filings.get.mockResolvedValue({
      ok: true,
      data: ownerView({ form: { ...ownerView().form, emergencyContact: {} } })
    })
    const { container } = await openPage()
    expect(findingsText(container, 'emergencyContact.name')).toBe('')
    fireEvent.click(screen.getByText('开始自检'))
    await waitFor(() => expect(findingsText(container, 'emergencyContact.name')).toContain('请填写应急联系人姓名'))
  })
})

describe('sensitive values', () => {
  it('shows an ID number in full while editing and masked after blur', async () => {
    const { container } = await openPage()
    expect(shownValue(container, 'appPrincipal.idNumber')).toBe('120***********4522')
    typeInto(container, 'appPrincipal.idNumber', '110105194912310029')
    expect(shownValue(container, 'appPrincipal.idNumber')).toBe('110105194912310029')
    blurField(container, 'appPrincipal.idNumber')
    expect(shownValue(container, 'appPrincipal.idNumber')).toBe('110***********0029')
  })

  it.each([
    ['ownerPrincipal.mobile', '13912345678', '139****5678'],
    ['owner.certificateNumber', '91120116MA05K8QR23', '9112************23'],
    ['owner.address', '海川路99号', '海川路****']
  ])('masks %s once entered', async (path, value, masked) => {
    const { container } = await openPage()
    fill(container, path, value)
    expect(shownValue(container, path)).toBe(masked)
  })
})

describe('the draft on the device', () => {
  it('is written before the API call, and synced once the user pauses', async () => {
    const setStorage = jest.spyOn(Taro, 'setStorageSync')
    const { container } = await openPage()
    fill(container, 'owner.name', '天津云帆科技有限公司')
    const draftWrites = setStorage.mock.calls
      .map((call, i) => ({ key: call[0], order: setStorage.mock.invocationCallOrder[i] }))
      .filter((c) => c.key === `beian:${formDraftKey(FILING_ID)}`)
    expect(draftWrites.length).toBeGreaterThan(0)
    expect(filings.update).not.toHaveBeenCalled()
    await waitFor(() => expect(filings.update).toHaveBeenCalledTimes(1), { timeout: 3000 })
    expect(draftWrites[0].order).toBeLessThan(filings.update.mock.invocationCallOrder[0])
    expect(filings.update.mock.calls[0][0]).toMatchObject({
      id: FILING_ID,
      version: 5,
      form: { owner: { name: '天津云帆科技有限公司', certificateNumber: '91120116MA05K8QR23' } }
    })
    await screen.findByText('已保存到云端')
    expect(readFormDraft(FILING_ID)).toBeUndefined()
    setStorage.mockRestore()
  })

  it('never holds a sensitive value in clear', async () => {
    const { container } = await openPage()
    fill(container, 'ownerPrincipal.idNumber', '110105194912310029')
    fill(container, 'emergencyContact.mobile', '13700137000')
    const stored = readFormDraft(FILING_ID)!
    expect(stored.sealed).toMatch(/^fd2\./)
    expect(stored.plain.ownerPrincipal).not.toHaveProperty('idNumber')
    const device = everythingOnDevice()
    for (const value of ['110105194912310029', '13700137000', '120116199208154522', '91120116MA05K8QR23', '海川路88号'])
      expect(device).not.toContain(value)
    expect(device).toContain('李明远')
  })

  it('an edit made before the key came is kept off the device, then sealed as soon as the key comes', async () => {
    let giveKey!: () => void
    filings.draftKey.mockImplementation(
      () => new Promise((resolve) => (giveKey = () => resolve({ ok: true, data: { key: DRAFT_KEY_B64 } })))
    )
    filings.update.mockResolvedValue({ ok: false, code: 'UNAVAILABLE', message: '网络不可用', fieldErrors: {} })
    const { container } = await openPage()
    fill(container, 'emergencyContact.mobile', '13700137000')
    expect(readFormDraft(FILING_ID)!.sealed).toBeNull()
    expect(screen.getByText(/敏感信息要联网取得密钥后才能加密保存在手机上/)).toBeTruthy()
    expect(everythingOnDevice()).not.toContain('13700137000')
    giveKey()
    await waitFor(() => expect(readFormDraft(FILING_ID)!.sealed).toMatch(/^fd2\./))
    expect(everythingOnDevice()).not.toContain('13700137000')
    expect(restoreForm(FILING_ID)!.form.emergencyContact.mobile).toBe('13700137000')
  })

  it('after a relaunch restores everything, the sealed values included, and syncs them', async () => {
    filings.update.mockResolvedValue({ ok: false, code: 'UNAVAILABLE', message: '网络不可用', fieldErrors: {} })
    const first = await openPage()
    fill(first.container, 'miniProgram.name', '云帆会议室')
    fill(first.container, 'appPrincipal.mobile', '13987654321')
    await screen.findByText('已保存在手机上，联网后同步', undefined, { timeout: 3000 })
    first.unmount()

    // a relaunch: nothing in memory, the server still has the old version, the network is back
    forgetDraftKey()
    filings.update.mockReset()
    filings.update.mockImplementation(async ({ version }: { version: number }) => ({
      ok: true,
      data: { ...ownerView(), version: version + 1, revealed: false }
    }))
    const second = await openPage()
    await waitFor(() => expect(shownValue(second.container, 'appPrincipal.mobile')).toBe('139****4321'))
    expect(shownValue(second.container, 'miniProgram.name')).toBe('云帆会议室')
    await waitFor(() => expect(filings.update).toHaveBeenCalled(), { timeout: 3000 })
    expect(filings.update.mock.calls[0][0].form.appPrincipal.mobile).toBe('13987654321')
    expect(filings.update.mock.calls[0][0].form.miniProgram.name).toBe('云帆会议室')
  })

  it('offline at relaunch: the plain part comes back at once, the sealed part once the key can be fetched', async () => {
    filings.update.mockResolvedValue({ ok: false, code: 'UNAVAILABLE', message: '网络不可用', fieldErrors: {} })
    const first = await openPage()
    fill(first.container, 'owner.businessScope', '技术开发；会议服务。')
    fill(first.container, 'ownerPrincipal.mobile', '13512345678')
    first.unmount()

    forgetDraftKey()
    const offline = { ok: false, code: 'UNAVAILABLE', message: '网络不可用，请检查网络后重试', fieldErrors: {} }
    filings.get.mockResolvedValue(offline)
    filings.draftKey.mockResolvedValue(offline)
    const second = render(<SelfCheckPage />)
    await screen.findByText('主办单位信息')
    expect(await screen.findByText(/敏感信息加密保存在手机上，联网后自动解密恢复/)).toBeTruthy()
    expect(second.container.querySelector('.self-check-field--owner-businessScope taro-textarea-core')).toBeTruthy()
    expect(shownValue(second.container, 'owner.businessScope')).toBe('技术开发；会议服务。')
    expect(second.container.querySelector('.self-check-field--ownerPrincipal-mobile taro-input-core')).toBeNull()
    // the sealed part survives edits made while it is closed
    fill(second.container, 'miniProgram.name', '云帆会议')
    expect(readFormDraft(FILING_ID)!.sealed).toMatch(/^fd2\./)
    second.unmount()

    filings.get.mockResolvedValue({ ok: true, data: ownerView() })
    filings.draftKey.mockResolvedValue({ ok: true, data: { key: DRAFT_KEY_B64 } })
    filings.update.mockClear()
    const third = await openPage()
    await waitFor(() => expect(shownValue(third.container, 'ownerPrincipal.mobile')).toBe('135****5678'))
    expect(shownValue(third.container, 'miniProgram.name')).toBe('云帆会议')
  })
})
