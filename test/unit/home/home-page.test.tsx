/**
 * 首页 in jsdom (Taro's H5 renderer): the filing cards, their next actions and live SMS countdown, the invite entry
 * on the card, the entry links (invite / preset platform), and the loading / empty / error states.
 */
import { act, fireEvent, render, screen, waitFor } from '@testing-library/react'
import HomePage from '../../../src/pages/index'
import { ROUTES, withQuery } from '../../../src/constants/routes'
import { api } from '../../../src/services/api'
import { currentFilingId } from '../../../src/services/filings'
import { prefetchFilingList, resetHandledEntries } from '../../../src/services/launch'
import { openPage } from '../../../src/services/navigation'
import { STAGE_LABELS } from '../../../src/domain/stages'
import type { Stage } from '../../../src/domain/types'
import type { FilingSummary } from '../../../src/services/api-types'
import { EARLY_LIST_WAIT_MS } from '../../../src/pages/index/use-filing-list'
import { summary } from './fixtures'
import { setRoute, showPage } from '../../setup/page-hooks'

jest.mock('../../../src/services/api', () => jest.requireActual('./home-api-mock'))
jest.mock('../../../src/services/navigation', () => ({ openPage: jest.fn(), goBack: jest.fn() }))

const list = api.filings.list as jest.Mock
const navigate = openPage as jest.Mock

const withRoute = (params: Record<string, string>) => setRoute(params)

beforeEach(() => {
  list.mockReset()
  navigate.mockReset()
  resetHandledEntries()
  localStorage.clear()
  withRoute({})
})

afterEach(() => {
  jest.useRealTimers()
})

const ok = (data: unknown) => ({ ok: true, data })
const failure = { ok: false, code: 'UNAVAILABLE', message: '网络不可用，请检查网络后重试', fieldErrors: {} }

describe('filing cards', () => {
  it.each<[Stage, Partial<Parameters<typeof summary>[0]>, string]>([
    ['draft', {}, '完成自检并提交'],
    ['platform_review', {}, '等待平台初审'],
    ['platform_rejected', {}, '按平台驳回原因修改后重新提交'],
    ['sms_verification', { smsDeadline: '2099-01-01T10:00:00+08:00' }, '24 小时内完成短信核验'],
    ['sms_expired', {}, '短信核验已超时，重新提交备案'],
    ['admin_review', {}, '等待管局审核'],
    ['admin_rejected', {}, '按管局驳回原因修改后重新提交'],
    ['approved', { filingNumber: '京ICP备2026059598号-1X' }, '京ICP备2026059598号-1X'],
    ['cancelled', {}, '本次备案已取消']
  ])('%s: shows the stage label and the next action', async (stage, patch, next) => {
    list.mockResolvedValue(ok([summary({ stage, ...patch })]))
    const { container } = render(<HomePage />)
    const card = await waitFor(() => {
      const el = container.querySelector('.filing-card')
      if (!el) throw new Error('no card yet')
      return el
    })
    expect(card).toHaveTextContent('门店预约')
    expect(card).toHaveTextContent('微信小程序')
    expect(card).toHaveTextContent(STAGE_LABELS[stage])
    expect(card).toHaveTextContent(next)
    expect(card.querySelector('.sms-countdown') !== null).toBe(stage === 'sms_verification')
    expect(card).not.toHaveTextContent('受邀查看')
  })

  it('marks the filings the user was invited to, with the role', async () => {
    list.mockResolvedValue(
      ok([
        summary({ id: 'a'.repeat(24), title: '会员积分', access: 'owner_principal', stage: 'draft' }),
        summary({ id: 'b'.repeat(24), title: '活动报名' })
      ])
    )
    const { container } = render(<HomePage />)
    await screen.findByText('会员积分')
    const cards = container.querySelectorAll('.filing-card')
    expect(cards).toHaveLength(2)
    expect(cards[0]).toHaveTextContent('受邀查看 · 主体负责人')
    // an invited principal does not submit: the owner does
    expect(cards[0]).toHaveTextContent('等待对方完成自检并提交')
    expect(cards[1]).not.toHaveTextContent('受邀查看')
  })

  it('tapping a card makes it the current filing and opens 进度', async () => {
    const id = 'c'.repeat(24)
    list.mockResolvedValue(ok([summary({ id, title: '会员积分' })]))
    render(<HomePage />)
    fireEvent.click(await screen.findByText('会员积分'))
    expect(currentFilingId()).toBe(id)
    expect(navigate).toHaveBeenCalledWith(ROUTES.progress)
  })
})

describe('连接小程序 from home', () => {
  const agency = api.connector.agency as jest.Mock
  const row = (filingId: string) => ({ filingId, connection: 'active' })
  afterEach(() => agency.mockImplementation(async () => ok({ items: [] })))

  it('offers 连接小程序 on an owner’s unfinished WeChat / Douyin card that is not connected', async () => {
    const [a, b, c, d, e] = ['a', 'b', 'c', 'd', 'e'].map((x) => x.repeat(24))
    list.mockResolvedValue(
      ok([
        summary({ id: a, title: '未连接' }),
        summary({ id: b, title: '已连接' }),
        summary({ id: c, title: '已备案', stage: 'approved' }),
        summary({ id: d, title: '支付宝', platform: 'alipay' }),
        summary({ id: e, title: '受邀', access: 'owner_principal' })
      ])
    )
    agency.mockResolvedValue(ok({ items: [row(b)] }))
    const { container } = render(<HomePage />)
    await waitFor(() => expect(container.querySelectorAll('.filing-card__connect')).toHaveLength(1))
    const offer = container.querySelector('.filing-card__connect')!
    expect(offer.closest('.filing-card')).toHaveTextContent('未连接')
    fireEvent.click(offer)
    expect(currentFilingId()).toBe(a)
    expect(navigate).toHaveBeenCalledWith(withQuery(ROUTES.connect, { id: a }))
    expect(screen.queryByText(/我连接的小程序/)).toBeNull()
  })

  it('offers nothing while it does not know which are connected, and the agency list from 2 connected on', async () => {
    const [a, b] = ['a', 'b'].map((x) => x.repeat(24))
    list.mockResolvedValue(ok([summary({ id: a }), summary({ id: b, title: '第二个' })]))
    agency.mockResolvedValue(failure)
    const first = render(<HomePage />)
    await screen.findByText('第二个')
    await waitFor(() => expect(agency).toHaveBeenCalled())
    expect(first.container.querySelector('.filing-card__connect')).toBeNull()
    first.unmount()

    agency.mockResolvedValue(ok({ items: [row(a), row(b)] }))
    render(<HomePage />)
    fireEvent.click(await screen.findByText('我连接的小程序（2）'))
    expect(navigate).toHaveBeenCalledWith(ROUTES.agency)
  })
})

describe('SMS countdown', () => {
  const NOW = Date.parse('2026-11-24T10:00:00+08:00')

  it('ticks every second, turns red under 4 hours and says 已超时 after the deadline', async () => {
    jest.useFakeTimers({ now: NOW })
    // 4 hours and 2 seconds left
    const deadline = new Date(NOW + 4 * 3600_000 + 2000).toISOString()
    list.mockResolvedValue(ok([summary({ stage: 'sms_verification', smsDeadline: deadline })]))
    const { container } = render(<HomePage />)
    await act(async () => {})
    const countdown = () => container.querySelector('.sms-countdown')!
    expect(countdown()).toHaveTextContent('04:00:02')
    expect(countdown()).not.toHaveClass('sms-countdown--urgent')

    act(() => jest.advanceTimersByTime(1000))
    expect(countdown()).toHaveTextContent('04:00:01')
    act(() => jest.advanceTimersByTime(2000))
    expect(countdown()).toHaveTextContent('03:59:59')
    expect(countdown()).toHaveClass('sms-countdown--urgent')

    act(() => jest.advanceTimersByTime(4 * 3600_000))
    expect(countdown()).toHaveTextContent('已超时')
    expect(countdown()).toHaveClass('sms-countdown--overdue')
    // it stops ticking once over
    expect(jest.getTimerCount()).toBe(0)
  })
})

describe('entry links', () => {
  const TOKEN = 'Abc_def-0123456789abcdefghijklmn'

  it('an invite link opens the join page with the token, once', async () => {
    list.mockResolvedValue(ok([]))
    withRoute({ invite: TOKEN })
    const first = render(<HomePage />)
    await screen.findByText('还没有备案')
    expect(navigate).toHaveBeenCalledTimes(1)
    expect(navigate).toHaveBeenCalledWith(`${ROUTES.join}?invite=${TOKEN}`)
    // back on the home page (remounted with the same query): no second trip to the join page
    first.unmount()
    render(<HomePage />)
    await screen.findByText('还没有备案')
    expect(navigate).toHaveBeenCalledTimes(1)
  })

  it('a WeChat mini-program code carries the token in `scene` (URL-encoded)', async () => {
    list.mockResolvedValue(ok([]))
    withRoute({ scene: encodeURIComponent(TOKEN) })
    render(<HomePage />)
    await screen.findByText('还没有备案')
    expect(navigate).toHaveBeenCalledWith(`${ROUTES.join}?invite=${TOKEN}`)
  })

  it.each(['weapp', 'tt', 'alipay'])('?platform=%s opens the wizard with that platform', async (platform) => {
    list.mockResolvedValue(ok([]))
    withRoute({ platform })
    render(<HomePage />)
    await screen.findByText('还没有备案')
    expect(navigate).toHaveBeenCalledWith(`${ROUTES.wizard}?platform=${platform}`)
  })

  it('ignores an unknown platform and an empty query', async () => {
    list.mockResolvedValue(ok([]))
    withRoute({ platform: 'quickapp' })
    render(<HomePage />)
    await screen.findByText('还没有备案')
    expect(navigate).not.toHaveBeenCalled()
  })
})

describe('refresh on show', () => {
  it('loads the list again when the page is shown again (stages change elsewhere)', async () => {
    list
      .mockResolvedValueOnce(ok([summary({ stage: 'draft' })]))
      .mockResolvedValueOnce(ok([summary({ stage: 'platform_review' })]))
    render(<HomePage />)
    expect(await screen.findByText('完成自检并提交')).toBeInTheDocument()
    await act(async () => showPage())
    expect(await screen.findByText('等待平台初审')).toBeInTheDocument()
    expect(list).toHaveBeenCalledTimes(2)
  })

  it('a failed refresh keeps the cards and says the list may be stale', async () => {
    list.mockResolvedValueOnce(ok([summary({ title: '会员积分' })])).mockResolvedValueOnce(failure)
    render(<HomePage />)
    await screen.findByText('会员积分')
    await act(async () => showPage())
    expect(await screen.findByText(/没能刷新/)).toBeInTheDocument()
    expect(screen.getByText('会员积分')).toBeInTheDocument()
  })

  it('coming back to the home page does not open the invite again', async () => {
    list.mockResolvedValue(ok([]))
    withRoute({ invite: 'Abc_def-0123456789abcdefghijklmn' })
    render(<HomePage />)
    await screen.findByText('还没有备案')
    await act(async () => showPage())
    await act(async () => showPage())
    expect(navigate).toHaveBeenCalledTimes(1)
  })
})

describe('first load', () => {
  it('uses the list requested before the page rendered instead of asking twice', async () => {
    list.mockResolvedValue(ok([summary({ title: '会员积分' })]))
    prefetchFilingList()
    render(<HomePage />)
    expect(await screen.findByText('会员积分')).toBeInTheDocument()
    expect(list).toHaveBeenCalledTimes(1)
  })

  it('draws the cards in its first render when the early list has already arrived, without a skeleton', async () => {
    list.mockResolvedValue(ok([summary({ title: '会员积分' })]))
    prefetchFilingList()
    await act(async () => {}) // the answer arrives before the page's code runs
    const { container } = render(<HomePage />)
    expect(container.querySelector('.filing-card')).toHaveTextContent('会员积分')
    expect(container.querySelector('.load-state--loading')).toBeNull()
    expect(list).toHaveBeenCalledTimes(1)
  })

  // A skeleton drawn while a returning user's list is a moment away would be replaced at once: the page is drawn once
  describe('the list index.html asked for before the app code (a returning user, H5)', () => {
    const holder = globalThis as { __beianEarlyList?: { at: number; answer: Promise<unknown> } }
    let answer: (value: unknown) => void = () => undefined
    const sendEarlyRequest = () => {
      holder.__beianEarlyList = { at: Date.now(), answer: new Promise((resolve) => (answer = resolve)) }
      prefetchFilingList()
    }
    afterEach(() => delete holder.__beianEarlyList)

    it('is waited for while it travels, then the page is drawn once, with the cards', async () => {
      sendEarlyRequest()
      const { container } = render(<HomePage />)
      expect(container.querySelector('.home')).not.toBeNull()
      expect(container.querySelector('.load-state--loading')).toBeNull()
      expect(screen.queryByText('新建备案')).toBeNull()
      await act(async () => answer(ok([summary({ title: '会员积分' })])))
      expect(container.querySelector('.filing-card')).toHaveTextContent('会员积分')
      expect(screen.getByText('新建备案')).toBeInTheDocument()
      expect(list).not.toHaveBeenCalled()
    })

    it('past EARLY_LIST_WAIT_MS the skeleton shows, and the cards when it comes', async () => {
      jest.useFakeTimers()
      sendEarlyRequest()
      const { container } = render(<HomePage />)
      act(() => jest.advanceTimersByTime(EARLY_LIST_WAIT_MS - 1))
      expect(container.querySelector('.load-state--loading')).toBeNull()
      act(() => jest.advanceTimersByTime(1))
      expect(container.querySelector('.load-state--loading')).not.toBeNull()
      expect(screen.getByText('新建备案')).toBeInTheDocument()
      await act(async () => answer(ok([summary({ title: '会员积分' })])))
      expect(container.querySelector('.filing-card')).toHaveTextContent('会员积分')
      expect(container.querySelector('.load-state--loading')).toBeNull()
    })
  })

  it('a new user (no early request: the launch list logs in first) sees the page and its skeleton at once', () => {
    list.mockReturnValue(new Promise(() => {}))
    prefetchFilingList()
    const { container } = render(<HomePage />)
    expect(container.querySelector('.load-state--loading')).not.toBeNull()
    expect(screen.getByText('新建备案')).toBeInTheDocument()
  })

  it('an early list that failed shows the error and 重试 asks again', async () => {
    list.mockResolvedValueOnce(failure).mockResolvedValueOnce(ok([summary({ title: '会员积分' })]))
    prefetchFilingList()
    await act(async () => {})
    render(<HomePage />)
    expect(await screen.findByText('网络不可用，请检查网络后重试')).toBeInTheDocument()
    fireEvent.click(screen.getByText('重试'))
    expect(await screen.findByText('会员积分')).toBeInTheDocument()
    expect(list).toHaveBeenCalledTimes(2)
  })
})

describe('loading, empty and error states', () => {
  it('shows a skeleton at once while loading a list it asked for itself', () => {
    list.mockReturnValue(new Promise(() => {}))
    const { container } = render(<HomePage />)
    expect(container.querySelector('.load-state--loading')).not.toBeNull()
    expect(container.querySelector('.filing-card')).toBeNull()
  })

  it('says there is no filing yet and keeps 新建备案', async () => {
    list.mockResolvedValue(ok([]))
    render(<HomePage />)
    expect(await screen.findByText('还没有备案')).toBeInTheDocument()
    fireEvent.click(screen.getByText('新建备案'))
    expect(navigate).toHaveBeenCalledWith(ROUTES.wizard)
  })

  it('shows the error and loads again on 重试', async () => {
    list.mockResolvedValueOnce(failure).mockResolvedValueOnce(ok([summary({ title: '会员积分' })]))
    render(<HomePage />)
    expect(await screen.findByText('网络不可用，请检查网络后重试')).toBeInTheDocument()
    fireEvent.click(screen.getByText('重试'))
    expect(await screen.findByText('会员积分')).toBeInTheDocument()
    expect(screen.queryByText('网络不可用，请检查网络后重试')).not.toBeInTheDocument()
    expect(list).toHaveBeenCalledTimes(2)
  })
})

describe('invite entry on the filing card', () => {
  const cardInvite = () => screen.queryByText(/邀请负责人一起跟进/)

  it.each(['draft', 'platform_review', 'sms_verification', 'admin_review'] as Stage[])(
    'offers the owner of a company’s filing to invite a principal from %s on, without opening the filing',
    async (stage) => {
      list.mockResolvedValue(ok([summary({ stage, ownerType: 'enterprise' })]))
      render(<HomePage />)
      fireEvent.click(await screen.findByText(/邀请负责人一起跟进/))
      expect(navigate).toHaveBeenCalledTimes(1)
      expect(navigate).toHaveBeenCalledWith(withQuery(ROUTES.invite, { role: 'owner_principal' }))
      expect(currentFilingId()).toBe(summary().id)
    }
  )

  it.each<[string, Partial<FilingSummary>]>([
    ['an individual’s filing (the owner is the principal)', { ownerType: 'individual' }],
    ['an invitee', { ownerType: 'enterprise', access: 'owner_principal' }],
    ['a finished filing', { ownerType: 'enterprise', stage: 'approved' }]
  ])('offers no invite for %s', async (_name, patch) => {
    list.mockResolvedValue(ok([summary(patch)]))
    const { container } = render(<HomePage />)
    await waitFor(() => expect(container.querySelector('.filing-card')).not.toBeNull())
    expect(cardInvite()).not.toBeInTheDocument()
  })
})
