/**
 * 我的数据 in jsdom: the export is shown as JSON and can be copied or downloaded; deleting everything needs an
 * explicit confirmation, calls purge, and only then clears this device.
 */
import { act, fireEvent, render, screen, waitFor } from '@testing-library/react'
import Taro from '@tarojs/taro'
import MyDataPage from '../../../src/more/my-data'
import { ROUTES } from '../../../src/constants/routes'
import { api, forgetSession } from '../../../src/services/api'
import { openPage } from '../../../src/services/navigation'
import { readJson, writeJson } from '../../../src/services/storage'

jest.mock('../../../src/services/api', () => ({
  api: { filings: { export: jest.fn(), purge: jest.fn() } },
  forgetSession: jest.fn()
}))
jest.mock('../../../src/services/navigation', () => ({ openPage: jest.fn(), goBack: jest.fn() }))

const exportData = api.filings.export as jest.Mock
const purge = api.filings.purge as jest.Mock

const EXPORT = {
  exportedAt: '2026-11-24T10:00:00+08:00',
  filings: [{ id: 'a'.repeat(24), title: '门店预约', form: { ownerPrincipal: { mobile: '13800138000' } } }],
  sharedWithMe: [],
  invites: [],
  subscriptions: [],
  reminders: []
}
const FAILURE = { ok: false, code: 'UNAVAILABLE', message: '服务暂时不可用，请稍后再试', fieldErrors: {} }

beforeEach(() => {
  jest.clearAllMocks()
  localStorage.clear()
})

const click = (text: string) => fireEvent.click(screen.getByText(text))

describe('export', () => {
  it('shows everything as indented JSON', async () => {
    exportData.mockResolvedValue({ ok: true, data: EXPORT })
    const { container } = render(<MyDataPage />)
    click('导出')
    await screen.findByText(/请妥善保管/)
    const json = container.querySelector('.my-data__json')!.textContent!
    expect(JSON.parse(json)).toEqual(EXPORT)
    expect(json).toContain('\n  "filings": [')
    expect(exportData).toHaveBeenCalledWith({})
  })

  it('offers a readable Chinese summary beside the JSON', async () => {
    exportData.mockResolvedValue({ ok: true, data: EXPORT })
    const copy = jest.spyOn(Taro, 'setClipboardData').mockResolvedValue({ errMsg: 'setClipboardData:ok' } as never)
    const { container } = render(<MyDataPage />)
    click('导出')
    await screen.findByText(/请妥善保管/)
    const summary = container.querySelector('.my-data__summary')!.textContent!
    expect(summary).toContain('导出于 2026-11-24 10:00')
    expect(summary).toContain('一、我创建的备案（1 个）')
    expect(summary).toContain('1. 门店预约')
    expect(summary).toContain('主体负责人 · 手机号码：13800138000')
    expect(summary).not.toMatch(/ownerPrincipal|mobile|"filings"/)
    await act(async () => click('复制中文摘要'))
    expect(copy).toHaveBeenCalledWith({ data: summary })
  })

  it('copies the JSON', async () => {
    exportData.mockResolvedValue({ ok: true, data: EXPORT })
    const copy = jest.spyOn(Taro, 'setClipboardData').mockResolvedValue({ errMsg: 'setClipboardData:ok' } as never)
    render(<MyDataPage />)
    click('导出')
    await screen.findByText(/请妥善保管/)
    await act(async () => click('复制 JSON'))
    expect(copy).toHaveBeenCalledWith({ data: JSON.stringify(EXPORT, null, 2) })
    expect(screen.getByText('已复制到剪贴板')).toBeInTheDocument()
  })

  it('downloads the JSON file on H5', async () => {
    exportData.mockResolvedValue({ ok: true, data: EXPORT })
    const blobs: Blob[] = []
    URL.createObjectURL = jest.fn((blob: Blob) => {
      blobs.push(blob)
      return 'blob:export'
    })
    URL.revokeObjectURL = jest.fn()
    const names: string[] = []
    const clickLink = jest.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (
      this: HTMLAnchorElement
    ) {
      names.push(this.download)
    })
    render(<MyDataPage />)
    click('导出')
    await screen.findByText(/请妥善保管/)
    click('下载 JSON 文件')
    expect(names).toEqual(['beian-data-2026-11-24.json'])
    expect(blobs[0].type).toContain('application/json')
    expect(blobs[0].size).toBe(Buffer.byteLength(JSON.stringify(EXPORT, null, 2), 'utf8'))
    expect(screen.getByText('已下载 beian-data-2026-11-24.json')).toBeInTheDocument()
    clickLink.mockRestore()
  })

  it('says why an export failed', async () => {
    exportData.mockResolvedValue(FAILURE)
    render(<MyDataPage />)
    click('导出')
    expect(await screen.findByText('导出失败：服务暂时不可用，请稍后再试')).toBeInTheDocument()
  })
})

describe('delete all my data', () => {
  function seedDevice() {
    writeJson('current-filing', 'a'.repeat(24))
    writeJson('draft:wizard', { platform: 'tt' })
    localStorage.setItem('someone-else', 'kept')
  }

  const askToDelete = () => fireEvent.click(document.querySelector('.my-data__delete-button')!)
  const confirmButton = () => screen.getByText('永久删除').closest('.nut-button') as HTMLElement

  it('needs the user to confirm they understand, then purges the cloud and this device', async () => {
    seedDevice()
    purge.mockResolvedValue({ ok: true, data: { purged: true, filings: 1, memberships: 0 } })
    render(<MyDataPage />)
    askToDelete()
    expect(await screen.findByText('删除全部数据？')).toBeInTheDocument()

    // not yet confirmed: the button does nothing
    expect(confirmButton()).toHaveClass('nut-button-disabled')
    fireEvent.click(confirmButton())
    expect(purge).not.toHaveBeenCalled()

    click('我明白删除后无法恢复')
    expect(confirmButton()).not.toHaveClass('nut-button-disabled')
    await act(async () => fireEvent.click(confirmButton()))

    expect(purge).toHaveBeenCalledWith({ confirm: true })
    expect(await screen.findByText('已删除全部数据')).toBeInTheDocument()
    expect(readJson('current-filing')).toBeUndefined()
    expect(readJson('draft:wizard')).toBeUndefined()
    expect(localStorage.getItem('someone-else')).toBe('kept')
    expect(forgetSession).toHaveBeenCalled()

    click('回到首页')
    expect(openPage).toHaveBeenCalledWith(ROUTES.home)
  })

  it('cancelling deletes nothing', async () => {
    seedDevice()
    render(<MyDataPage />)
    askToDelete()
    await screen.findByText('删除全部数据？')
    click('取消')
    await waitFor(() => expect(screen.queryByText('删除全部数据？')).not.toBeInTheDocument())
    expect(purge).not.toHaveBeenCalled()
    expect(readJson('current-filing')).toBe('a'.repeat(24))
  })

  it('a failed purge keeps the device data and says so', async () => {
    seedDevice()
    purge.mockResolvedValue(FAILURE)
    render(<MyDataPage />)
    askToDelete()
    await screen.findByText('删除全部数据？')
    click('我明白删除后无法恢复')
    await act(async () => fireEvent.click(confirmButton()))
    expect(await screen.findByText(/删除没有完成：服务暂时不可用/)).toBeInTheDocument()
    expect(readJson('current-filing')).toBe('a'.repeat(24))
    expect(forgetSession).not.toHaveBeenCalled()
  })
})
