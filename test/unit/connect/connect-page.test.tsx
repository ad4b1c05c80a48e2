/**
 * 连接小程序 (src/filing/connect) in jsdom (H5): who may connect, the authorisation as a QR code and a link, the
 * connection's status in words, the owner's notices (标为已读) and 断开连接 behind a confirm.
 */
import { fireEvent, render, screen, waitFor } from '@testing-library/react'
import ConnectPage from '../../../src/filing/connect'
import { api } from '../../../src/services/api'
import { setCurrentFilingId } from '../../../src/services/filings'
import { filingView } from '../home/fixtures'
import { setRoute, showPage } from '../../setup/page-hooks'

jest.mock('../../../src/services/api', () => ({
  api: {
    filings: { get: jest.fn(), list: jest.fn() },
    connector: {
      connect: jest.fn(),
      status: jest.fn(),
      disconnect: jest.fn(),
      readNotices: jest.fn(),
      agency: jest.fn()
    }
  },
  forgetSession: jest.fn()
}))
jest.mock('../../../src/services/navigation', () => ({ openPage: jest.fn(), goBack: jest.fn() }))

const get = api.filings.get as jest.Mock
const status = api.connector.status as jest.Mock
const connect = api.connector.connect as jest.Mock
const disconnect = api.connector.disconnect as jest.Mock
const readNotices = api.connector.readNotices as jest.Mock

const FILING = filingView()
const LINK =
  'https://mp.weixin.qq.com/safe/bindcomponent?action=bindcomponent&pre_auth_code=preauthcode@@@x#wechat_redirect'
const NOT_CONNECTED = { connected: false, notices: [] }
const CONNECTED = {
  connected: true,
  platform: 'wechat',
  appId: 'wx0123456789abcdef',
  state: 'active',
  connectedAt: '2026-11-24T10:00:00+08:00',
  lastObservedAt: '2026-11-24T10:05:00+08:00',
  nextSyncAt: '2026-11-24T10:10:00+08:00',
  platformStatus: 4,
  smsVerifyStatus: 1,
  notices: [
    {
      id: 'n1',
      kind: 'connected',
      text: '小程序已连接，备案进度将自动同步',
      createdAt: '2026-11-24T10:00:00+08:00',
      read: false
    }
  ]
}

beforeEach(() => {
  jest.clearAllMocks()
  localStorage.clear()
  setCurrentFilingId(FILING.id)
  setRoute({ id: FILING.id }, '/filing/connect/index')
  get.mockResolvedValue({ ok: true, data: FILING })
  status.mockResolvedValue({ ok: true, data: NOT_CONNECTED })
})

describe('连接小程序', () => {
  it('starts the authorisation and shows it as a QR code and the link (H5), then 刷新 shows the connection', async () => {
    connect.mockResolvedValue({
      ok: true,
      data: { platform: 'wechat', link: LINK, qrContent: LINK, expiresAt: '2026-11-24T10:10:00+08:00' }
    })
    const { container } = render(<ConnectPage />)
    fireEvent.click(await screen.findByText('开始连接'))
    await screen.findByText(LINK)
    expect(connect).toHaveBeenCalledWith({ id: FILING.id })
    expect(container.querySelectorAll('.qr-code__row').length).toBeGreaterThanOrEqual(25)
    expect(container.querySelectorAll('.qr-code__dark').length).toBeGreaterThan(50)
    expect(screen.getByText('在新页面打开授权链接')).toBeTruthy()

    status.mockResolvedValue({ ok: true, data: CONNECTED })
    fireEvent.click(screen.getByText('我已授权，刷新状态'))
    await screen.findByText('wx0123456789abcdef')
    expect(screen.getByText('管局审核中（等待短信核验）')).toBeTruthy()
    expect(screen.queryByText(LINK)).toBeNull()
  })

  it('says why when the back end refuses (e.g. no provider configured)', async () => {
    connect.mockResolvedValue({ ok: false, code: 'UNAVAILABLE', message: '服务暂时不可用', fieldErrors: {} })
    render(<ConnectPage />)
    fireEvent.click(await screen.findByText('开始连接'))
    expect((await screen.findByRole('alert')).textContent).toContain('服务暂时不可用')
  })

  it('reloads the status when the page is shown again (back from the consent page)', async () => {
    render(<ConnectPage />)
    await screen.findByText('开始连接')
    status.mockResolvedValue({ ok: true, data: CONNECTED })
    showPage()
    await screen.findByText('wx0123456789abcdef')
  })

  it('marks the notices read, and disconnects only after the confirm', async () => {
    status.mockResolvedValue({ ok: true, data: CONNECTED })
    readNotices.mockResolvedValue({ ok: true, data: { read: 1 } })
    disconnect.mockResolvedValue({ ok: true, data: { disconnected: true } })
    render(<ConnectPage />)
    await screen.findByText(/小程序已连接，备案进度将自动同步/)
    fireEvent.click(screen.getByText('全部标为已读'))
    await waitFor(() => expect(readNotices).toHaveBeenCalledWith({ id: FILING.id }))

    fireEvent.click(screen.getByText('断开连接'))
    expect(disconnect).not.toHaveBeenCalled()
    fireEvent.click(await screen.findByText('取消'))
    expect(disconnect).not.toHaveBeenCalled()
    fireEvent.click(screen.getByText('断开连接'))
    status.mockResolvedValue({ ok: true, data: { ...NOT_CONNECTED, state: 'revoked', appId: CONNECTED.appId } })
    fireEvent.click(await screen.findByText('断开'))
    await waitFor(() => expect(disconnect).toHaveBeenCalledWith({ id: FILING.id }))
    await screen.findByText(/已断开连接/)
    await screen.findByText(/上次的连接：已取消授权/)
  })

  it.each([
    ['an invitee', filingView({ access: 'owner_principal' }), '只有备案的创建者可以连接小程序'],
    ['an Alipay filing', filingView({ profile: { ...FILING.profile, platform: 'alipay' } }), '这个平台暂不支持自动同步']
  ])('%s gets no 开始连接', async (_, filing, text) => {
    get.mockResolvedValue({ ok: true, data: filing })
    render(<ConnectPage />)
    await screen.findByText(text)
    expect(screen.queryByText('开始连接')).toBeNull()
    expect(status).not.toHaveBeenCalled()
  })
})
