/**
 * 加入备案 (src/more/join): the landing page of an invite link or QR code. It asks before joining, shows what was
 * joined (masked, read-only), explains used / expired / revoked invites, and remembers invites it already used.
 */
import { act, fireEvent, render, screen } from '@testing-library/react'
import JoinPage from '../../../src/more/join'
import { ROUTES } from '../../../src/constants/routes'
import { api } from '../../../src/services/api'
import { currentFilingId } from '../../../src/services/filings'
import { openPage } from '../../../src/services/navigation'
import { filingView } from './fixtures'
import { setRoute } from '../../setup/page-hooks'

jest.mock('../../../src/services/api', () => ({
  api: { invites: { accept: jest.fn() } },
  forgetSession: jest.fn()
}))
jest.mock('../../../src/services/navigation', () => ({ openPage: jest.fn(), goBack: jest.fn() }))

const accept = api.invites.accept as jest.Mock
const TOKEN = 'Abc_def-0123456789abcdefghijklmn'
const JOINED = filingView({ id: 'b'.repeat(24), title: '云帆会议室预订', access: 'app_principal' })
const GONE = { ok: false, code: 'GONE', message: '邀请已失效，请让对方重新邀请', fieldErrors: {} }
const DOWN = { ok: false, code: 'UNAVAILABLE', message: '服务暂时不可用，请稍后再试', fieldErrors: {} }

beforeEach(() => {
  jest.clearAllMocks()
  localStorage.clear()
  setRoute({ invite: TOKEN }, '/more/join/index')
})

const click = (text: string) => fireEvent.click(screen.getByText(text))

describe('joining', () => {
  it('asks first, then joins and shows what was joined, masked and read-only', async () => {
    accept.mockResolvedValue({ ok: true, data: JOINED })
    render(<JoinPage />)
    expect(screen.getByText('有人邀请你一起跟进小程序备案')).toBeInTheDocument()
    expect(accept).not.toHaveBeenCalled()
    await act(async () => click('加入并查看'))
    expect(accept).toHaveBeenCalledWith({ token: TOKEN })
    expect(screen.getByText('已加入备案')).toBeInTheDocument()
    expect(screen.getByText('云帆会议室预订')).toBeInTheDocument()
    expect(screen.getByText(/你是这份备案的小程序负责人/)).toBeInTheDocument()
    expect(screen.getByText(/已打码/)).toBeInTheDocument()
    expect(currentFilingId()).toBe(JOINED.id)
    click('查看备案进度')
    expect(openPage).toHaveBeenCalledWith(ROUTES.progress)
  })

  it('reopening an invite this device already used shows the filing instead of an error', async () => {
    accept.mockResolvedValueOnce({ ok: true, data: JOINED }).mockResolvedValue(GONE)
    const first = render(<JoinPage />)
    await act(async () => click('加入并查看'))
    first.unmount()
    render(<JoinPage />)
    expect(screen.getByText('你已经加入了这份备案')).toBeInTheDocument()
    expect(accept).toHaveBeenCalledTimes(1)
    click('查看备案进度')
    expect(openPage).toHaveBeenCalledWith(ROUTES.progress)
  })

  it('暂不加入 goes home without joining', () => {
    render(<JoinPage />)
    click('暂不加入')
    expect(openPage).toHaveBeenCalledWith(ROUTES.home)
    expect(accept).not.toHaveBeenCalled()
  })
})

describe('invites that cannot be used', () => {
  it.each([
    ['no token', {}],
    ['a cut-off token', { invite: TOKEN.slice(0, 10) }],
    ['not a token at all', { invite: '<script>' }]
  ])('%s: says the link is incomplete without calling the server', (_name, params) => {
    setRoute(params as Record<string, string>, '/more/join/index')
    render(<JoinPage />)
    expect(screen.getByText('无法使用这个邀请')).toBeInTheDocument()
    expect(screen.getByText(/邀请链接不完整/)).toBeInTheDocument()
    expect(accept).not.toHaveBeenCalled()
  })

  it('used, expired or revoked (GONE): explains and offers no retry', async () => {
    accept.mockResolvedValue(GONE)
    render(<JoinPage />)
    await act(async () => click('加入并查看'))
    expect(screen.getByText('邀请已失效')).toBeInTheDocument()
    expect(screen.getByText(/只能使用一次，72 小时内有效/)).toBeInTheDocument()
    expect(screen.queryByText('重试')).not.toBeInTheDocument()
  })

  it('my own invite: says so', async () => {
    accept.mockResolvedValue({ ok: false, code: 'INVALID', message: '不能接受自己发出的邀请', fieldErrors: {} })
    render(<JoinPage />)
    await act(async () => click('加入并查看'))
    expect(screen.getByText('不能接受自己发出的邀请')).toBeInTheDocument()
  })

  it('a network failure keeps the invite usable: 重试 joins', async () => {
    accept.mockResolvedValueOnce(DOWN).mockResolvedValueOnce({ ok: true, data: JOINED })
    render(<JoinPage />)
    await act(async () => click('加入并查看'))
    expect(screen.getByText('暂时没能加入')).toBeInTheDocument()
    await act(async () => click('重试'))
    expect(screen.getByText('已加入备案')).toBeInTheDocument()
  })
})
