/**
 * 提醒 (src/filing/reminders) in jsdom: which planned reminders will arrive and which will not for lack of
 * permission, asking again inside the tap, and the calendar fallback (an .ics download in the browser build).
 */
import { act, fireEvent, render, screen } from '@testing-library/react'
import RemindersPage from '../../../src/filing/reminders'
import { unfoldIcs } from '../../../src/domain'
import { api } from '../../../src/services/api'
import type { FilingSchedule, FilingView } from '../../../src/services/api-types'
import { canAskFor, canRequestSubscriptions, requestStageSubscriptions } from '../../../src/services/subscriptions'
import { NOW_MS, fail, mockRouter, ok, viewAt } from './support'

jest.mock('../../../src/services/api', () => ({
  api: {
    filings: { list: jest.fn(), get: jest.fn(), schedule: jest.fn() },
    subscriptions: { status: jest.fn(), record: jest.fn() }
  }
}))
jest.mock('../../../src/services/subscriptions', () => {
  const actual = jest.requireActual('../../../src/services/subscriptions')
  return {
    ...actual,
    canRequestSubscriptions: jest.fn(actual.canRequestSubscriptions),
    canAskFor: jest.fn(actual.canAskFor),
    requestStageSubscriptions: jest.fn()
  }
})
jest.mock('../../../src/services/navigation', () => ({ openPage: jest.fn(), goBack: jest.fn() }))

const filings = api.filings as unknown as Record<'get' | 'schedule', jest.Mock>
const status = api.subscriptions.status as jest.Mock
const subscribe = requestStageSubscriptions as jest.Mock
const canRequest = canRequestSubscriptions as jest.Mock
const canAsk = canAskFor as jest.Mock

type Item = FilingSchedule['reminders'][number]
const item = (over: Partial<Item>): Item => ({
  key: 'k',
  kind: 'sms_window_open',
  template: 'sms_deadline',
  dueAt: '2026-11-23T09:59:30+08:00',
  recipientRole: 'owner',
  mine: true,
  state: 'pending',
  sentAt: undefined,
  permitted: true,
  ...over
})

const templates = {
  sms_deadline: { templateId: 'TPL_SMS', quota: 1 },
  review_progress: { templateId: 'TPL_REVIEW', quota: 0 },
  todo_reminder: { templateId: 'TPL_TODO', quota: 0 }
}

function serve(view: FilingView, reminders: Item[]) {
  mockRouter.params = { id: view.id }
  filings.get.mockResolvedValue(ok(view))
  filings.schedule.mockResolvedValue(ok({ filingId: view.id, access: 'owner', reminders }))
  status.mockResolvedValue(ok({ templates }))
}

const SMS_ITEMS = [
  item({ key: 'a:sms_window_open', kind: 'sms_window_open', permitted: true }),
  item({ key: 'a:sms_window_12h', kind: 'sms_window_12h', dueAt: '2026-11-23T21:59:12+08:00', permitted: false }),
  item({
    key: 'a:sms_window_20h',
    kind: 'sms_window_20h',
    dueAt: '2026-11-24T05:59:12+08:00',
    recipientRole: 'owner_principal',
    mine: false,
    permitted: false
  }),
  item({
    key: 'a:admin',
    kind: 'admin_review_eta',
    template: 'review_progress',
    state: 'sent',
    sentAt: '2026-11-20T10:00:00+08:00'
  })
]

beforeEach(() => {
  jest.useFakeTimers({ now: NOW_MS, advanceTimers: true })
  localStorage.clear()
  jest.clearAllMocks()
  canRequest.mockReturnValue(false)
  canAsk.mockReturnValue(false)
})

afterEach(() => jest.useRealTimers())

const stateOf = (container: HTMLElement, title: string) => {
  const row = [...container.querySelectorAll('.reminders-item')].find(
    (el) => el.querySelector('.reminders-item__title')!.textContent === title
  )
  if (!row) throw new Error(`no reminder ${title}`)
  return row
}

describe('提醒', () => {
  it('marks each planned reminder as scheduled or not permitted, and the sent ones as sent', async () => {
    serve(viewAt('sms_verification'), SMS_ITEMS)
    const { container } = render(<RemindersPage />)
    await screen.findByText('1 条会按时送达，2 条因为没有授权不会收到')
    expect(stateOf(container, '收到12381短信：24小时内完成核验')).toHaveTextContent('已订阅，将按时提醒')
    expect(stateOf(container, '短信核验剩约12小时')).toHaveTextContent('未授权，不会收到')
    expect(stateOf(container, '短信核验剩约12小时')).toHaveTextContent('11月23日 21:59 提醒你')
    const principal = stateOf(container, '短信核验仅剩约4小时')
    expect(principal).toHaveTextContent('未授权，不会收到')
    expect(principal).toHaveTextContent('提醒主体负责人')
    expect(principal).toHaveTextContent('需要对方在自己的手机上打开备案助手并允许提醒')
    expect(stateOf(container, '管局审核预计出结果')).toHaveTextContent('已发送')
    expect(screen.getByText('已结束的提醒')).toBeInTheDocument()
  })

  it('asks again for the missing permission inside the tap and reloads', async () => {
    canRequest.mockReturnValue(true)
    canAsk.mockReturnValue(true)
    let answered!: (v: unknown) => void
    subscribe.mockReturnValue(new Promise((r) => (answered = r)))
    serve(viewAt('sms_verification'), SMS_ITEMS)
    const { container } = render(<RemindersPage />)
    await screen.findByText('1 条会按时送达，2 条因为没有授权不会收到')
    // no "ask" button for a reminder that goes to someone else
    expect(principalButtons(container)).toHaveLength(0)
    fireEvent.click(stateOf(container, '短信核验剩约12小时').querySelector('.reminders-item__ask')!)
    expect(subscribe).toHaveBeenCalledWith(['sms_deadline'])
    filings.schedule.mockResolvedValue(
      ok({
        filingId: 'x',
        access: 'owner',
        reminders: SMS_ITEMS.map((i) => ({ ...i, permitted: i.mine || i.permitted }))
      })
    )
    await act(async () =>
      answered({ state: 'answered', results: [{ template: 'sms_deadline', result: 'accept' }], recorded: true })
    )
    await screen.findByText('已订阅：备案短信核验提醒')
    await screen.findByText('2 条会按时送达，1 条因为没有授权不会收到')
    expect(filings.schedule).toHaveBeenCalledTimes(2)
  })

  it('offers one request for every missing template of mine (at most three)', async () => {
    canRequest.mockReturnValue(true)
    canAsk.mockReturnValue(true)
    subscribe.mockResolvedValue({ state: 'failed', message: '已取消订阅' })
    serve(viewAt('platform_review'), [
      item({ key: 'p1', kind: 'platform_review_eta', template: 'review_progress', permitted: false }),
      item({ key: 'p2', kind: 'certificate_expiring', template: 'todo_reminder', permitted: false }),
      item({ key: 'p3', kind: 'platform_review_overdue', template: 'review_progress', permitted: false })
    ])
    render(<RemindersPage />)
    fireEvent.click(await screen.findByText('允许这些提醒'))
    expect(subscribe).toHaveBeenCalledWith(['review_progress', 'todo_reminder'])
    await screen.findByText('已取消订阅')
  })

  it('puts the calendar first in the browser and downloads the SMS deadline as an .ics file', async () => {
    const blobs: Blob[] = []
    const created = jest.fn((b: Blob) => {
      blobs.push(b)
      return 'blob:reminders'
    })
    Object.assign(URL, { createObjectURL: created, revokeObjectURL: jest.fn() })
    const clicked = jest.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (
      this: HTMLAnchorElement
    ) {
      expect(this.download).toBe('beian-reminders.ics')
      expect(this.href).toBe('blob:reminders')
    })
    const view = viewAt('sms_verification')
    serve(view, SMS_ITEMS)
    const { container } = render(<RemindersPage />)
    await screen.findByText(/在浏览器里收不到微信或抖音的订阅消息/)
    expect(container.querySelector('.reminders-calendar')).toHaveClass('reminders-calendar--prominent')
    expect(screen.getByText('12381短信核验截止（云帆会议室预订）')).toBeInTheDocument()
    expect(container.querySelector('.reminders-item__ask')).toBeNull()
    fireEvent.click(screen.getByText('下载日历文件（.ics）'))
    expect(clicked).toHaveBeenCalledTimes(1)
    const text = await new Response(blobs[0]).text()
    const lines = unfoldIcs(text)
    expect(lines).toContain('DTSTART:20261124T015912Z')
    expect(lines).toContain('TRIGGER:-PT240M')
    expect(lines.filter((l) => l === 'BEGIN:VEVENT')).toHaveLength(2)
    await screen.findByText(/已下载 beian-reminders.ics/)
    clicked.mockRestore()
  })

  it('says when the stage has nothing planned', async () => {
    serve(viewAt('draft'), [])
    render(<RemindersPage />)
    await screen.findByText('这个阶段没有计划中的提醒。')
  })

  it('shows the schedule’s error with a retry', async () => {
    serve(viewAt('admin_review'), [])
    filings.schedule.mockResolvedValueOnce(fail('UNAVAILABLE', '服务暂时不可用，请稍后再试'))
    render(<RemindersPage />)
    await screen.findByText('服务暂时不可用，请稍后再试')
    fireEvent.click(screen.getByText('重试'))
    await screen.findByText('这个阶段没有计划中的提醒。')
    expect(filings.schedule).toHaveBeenCalledTimes(2)
  })
})

function principalButtons(container: HTMLElement) {
  return [...stateOf(container, '短信核验仅剩约4小时').querySelectorAll('.reminders-item__ask')]
}
