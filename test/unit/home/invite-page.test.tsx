/**
 * 邀请负责人 (src/filing/invite) on H5 in jsdom: why, which role, the invite link with 复制链接, a share card without
 * personal data, the list of invites with 撤销, and the states around them.
 */
import { act, fireEvent, render, screen, waitFor } from '@testing-library/react'
import Taro from '@tarojs/taro'
import fc from 'fast-check'
import InvitePage from '../../../src/filing/invite'
import { ROUTES } from '../../../src/constants/routes'
import { SAMPLE_FORM } from '../../../src/domain/samples'
import { api } from '../../../src/services/api'
import { inviteShareMessage } from '../../../src/services/invites'
import { setCurrentFilingId } from '../../../src/services/filings'
import { filingView } from './fixtures'
import { setRoute, shareMessage } from './taro-page-hooks'

jest.mock('@tarojs/taro', () => jest.requireActual('./taro-page-hooks').taroWithPageHooks())
jest.mock('../../../src/services/api', () => ({
  api: {
    filings: { get: jest.fn(), list: jest.fn() },
    invites: { create: jest.fn(), list: jest.fn(), revoke: jest.fn() }
  },
  forgetSession: jest.fn()
}))
jest.mock('../../../src/services/navigation', () => ({ openPage: jest.fn(), goBack: jest.fn() }))

const get = api.filings.get as jest.Mock
const create = api.invites.create as jest.Mock
const list = api.invites.list as jest.Mock
const revoke = api.invites.revoke as jest.Mock

const FILING = filingView()
const TOKEN = 'Abc_def-0123456789abcdefghijklmn'
const CREATED = {
  inviteId: '0123456789abcdef01234567',
  role: 'owner_principal',
  token: TOKEN,
  expiresAt: '2026-11-27T02:00:00.000Z',
  path: `pages/index/index?invite=${TOKEN}`
}
const OPEN = {
  inviteId: '0123456789abcdef01234567',
  role: 'owner_principal',
  state: 'open',
  createdAt: '2026-11-24T10:00:00+08:00',
  expiresAt: '2026-11-27T02:00:00.000Z'
}
const ACCEPTED = {
  inviteId: 'fedcba9876543210fedcba98',
  role: 'app_principal',
  state: 'accepted',
  createdAt: '2026-11-20T10:00:00+08:00',
  expiresAt: '2026-11-23T02:00:00.000Z',
  acceptedAt: '2026-11-21T09:15:00+08:00'
}

beforeEach(() => {
  jest.clearAllMocks()
  localStorage.clear()
  setCurrentFilingId(FILING.id)
  setRoute({}, '/filing/invite/index')
  get.mockResolvedValue({ ok: true, data: FILING })
  list.mockResolvedValue({ ok: true, data: [] })
})

const click = (text: string) => fireEvent.click(screen.getByText(text))

async function renderReady() {
  const view = render(<InvitePage />)
  await screen.findByText('为什么要邀请负责人')
  await screen.findByText('还没有发出邀请')
  return view
}

describe('creating an invite (H5)', () => {
  it('explains why, creates the invite for the chosen role and shows the link with its expiry', async () => {
    create.mockResolvedValue({ ok: true, data: CREATED })
    await renderReady()
    expect(screen.getAllByText(/12381/).length).toBeGreaterThan(0)
    expect(screen.getByText(/24\s*小时内完成核验/)).toBeInTheDocument()
    await act(async () => click('生成邀请'))
    expect(create).toHaveBeenCalledWith({ filingId: FILING.id, role: 'owner_principal', withCode: false })
    const link = `http://localhost/#${ROUTES.home}?invite=${TOKEN}`
    expect(await screen.findByText(link)).toBeInTheDocument()
    // 2026-11-27 02:00 UTC is 10:00 in Shanghai
    expect(screen.getByText(/有效期至 2026年11月27日 10:00/)).toBeInTheDocument()
  })

  it('copies the link', async () => {
    create.mockResolvedValue({ ok: true, data: CREATED })
    const copy = jest.spyOn(Taro, 'setClipboardData').mockResolvedValue({ errMsg: 'setClipboardData:ok' } as never)
    await renderReady()
    await act(async () => click('生成邀请'))
    await act(async () => click('复制链接'))
    expect(copy).toHaveBeenCalledWith({ data: `http://localhost/#${ROUTES.home}?invite=${TOKEN}` })
    expect(screen.getByText(/链接已复制/)).toBeInTheDocument()
  })

  it('?role=app_principal preselects the mini-program principal', async () => {
    setRoute({ role: 'app_principal' }, '/filing/invite/index')
    create.mockResolvedValue({ ok: true, data: { ...CREATED, role: 'app_principal' } })
    await renderReady()
    await act(async () => click('生成邀请'))
    expect(create).toHaveBeenCalledWith(expect.objectContaining({ role: 'app_principal' }))
  })

  it('the user can switch the role before creating', async () => {
    create.mockResolvedValue({ ok: true, data: { ...CREATED, role: 'app_principal' } })
    await renderReady()
    click('小程序负责人')
    await act(async () => click('生成邀请'))
    expect(create).toHaveBeenCalledWith(expect.objectContaining({ role: 'app_principal' }))
  })

  it('shows why an invite could not be made', async () => {
    create.mockResolvedValue({
      ok: false,
      code: 'LIMIT_REACHED',
      message: '未使用的邀请过多，请先撤销一些',
      fieldErrors: {}
    })
    await renderReady()
    await act(async () => click('生成邀请'))
    expect(screen.getByText('未使用的邀请过多，请先撤销一些')).toBeInTheDocument()
  })
})

describe('share card', () => {
  it('carries the invite path and no personal data', async () => {
    create.mockResolvedValue({ ok: true, data: CREATED })
    await renderReady()
    await act(async () => click('生成邀请'))
    const message = shareMessage() as { title: string; path: string }
    expect(message.path).toBe(`${ROUTES.home}?invite=${TOKEN}`)
    const personal = [
      FILING.title,
      SAMPLE_FORM.owner.name!,
      SAMPLE_FORM.ownerPrincipal.name!,
      SAMPLE_FORM.ownerPrincipal.mobile!,
      SAMPLE_FORM.ownerPrincipal.idNumber!
    ]
    for (const value of personal) expect(`${message.title}${message.path}`).not.toContain(value)
  })

  it('its title is the same for every token and role: nothing about the filing can leak into it', () => {
    fc.assert(
      fc.property(
        fc.constantFrom('owner_principal' as const, 'app_principal' as const),
        fc.stringMatching(/^[A-Za-z0-9_-]{32}$/),
        (role, token) => {
          const message = inviteShareMessage(role, token)
          expect(message.title).toBe(inviteShareMessage(role, 'x'.repeat(32)).title)
          expect(message.title).not.toContain(token)
          expect(message.path).toBe(`${ROUTES.home}?invite=${token}`)
        }
      )
    )
  })
})

describe('invites list', () => {
  it('shows each invite with its state and time, and revokes after confirmation', async () => {
    list.mockResolvedValueOnce({ ok: true, data: [OPEN, ACCEPTED] }).mockResolvedValue({
      ok: true,
      data: [{ ...OPEN, state: 'revoked' }, ACCEPTED]
    })
    revoke.mockResolvedValue({ ok: true, data: { inviteId: OPEN.inviteId, state: 'revoked' } })
    const { container } = render(<InvitePage />)
    await screen.findByText('待接受')
    const items = container.querySelectorAll('.invite__item')
    expect(items[0]).toHaveTextContent('主体负责人')
    expect(items[0]).toHaveTextContent('有效期至 2026年11月27日 10:00')
    expect(items[1]).toHaveTextContent('小程序负责人')
    expect(items[1]).toHaveTextContent('已加入')
    expect(items[1]).toHaveTextContent('2026年11月21日 09:15 加入')

    click('撤销')
    expect(await screen.findByText('撤销这个邀请？')).toBeInTheDocument()
    await act(async () => fireEvent.click(screen.getAllByText('撤销').at(-1)!))
    expect(revoke).toHaveBeenCalledWith({ inviteId: OPEN.inviteId })
    expect(await screen.findByText('已撤销')).toBeInTheDocument()
  })

  it('removing a principal who joined says what it means', async () => {
    list.mockResolvedValue({ ok: true, data: [ACCEPTED] })
    render(<InvitePage />)
    await screen.findByText('已加入')
    click('移除')
    expect(await screen.findByText('移除这位负责人？')).toBeInTheDocument()
    expect(screen.getByText(/不再收到提醒/)).toBeInTheDocument()
    click('取消')
    await waitFor(() => expect(screen.queryByText('移除这位负责人？')).not.toBeInTheDocument())
    expect(revoke).not.toHaveBeenCalled()
  })

  it('a list that failed to load can be retried', async () => {
    list
      .mockResolvedValueOnce({ ok: false, code: 'UNAVAILABLE', message: '网络不可用', fieldErrors: {} })
      .mockResolvedValueOnce({ ok: true, data: [OPEN] })
    render(<InvitePage />)
    expect(await screen.findByText('网络不可用')).toBeInTheDocument()
    click('重试')
    expect(await screen.findByText('待接受')).toBeInTheDocument()
  })
})

describe('who may invite', () => {
  it('an invited principal cannot invite others', async () => {
    get.mockResolvedValue({ ok: true, data: filingView({ access: 'owner_principal' }) })
    render(<InvitePage />)
    expect(await screen.findByText('只有备案的创建者可以邀请')).toBeInTheDocument()
    expect(screen.queryByText('生成邀请')).not.toBeInTheDocument()
    expect(list).not.toHaveBeenCalled()
  })

  it('an individual’s filing has no one else to invite: it says so and offers nothing', async () => {
    get.mockResolvedValue({
      ok: true,
      data: filingView({ profile: { ...FILING.profile, ownerType: 'individual' } })
    })
    render(<InvitePage />)
    expect(await screen.findByText('个人备案不需要邀请')).toBeInTheDocument()
    expect(screen.queryByText('生成邀请')).not.toBeInTheDocument()
  })

  it('without a filing it offers 新建备案', async () => {
    localStorage.clear()
    ;(api.filings.list as jest.Mock).mockResolvedValue({ ok: true, data: [] })
    render(<InvitePage />)
    expect(await screen.findByText('还没有备案')).toBeInTheDocument()
    expect(screen.getByText('新建备案')).toBeInTheDocument()
  })
})
