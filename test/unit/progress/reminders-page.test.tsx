/**
 * 提醒 (src/filing/reminders) in jsdom: each reminder's one status from the schedule (scheduled / will not arrive
 * because… / sent at… / not sent / not needed), the budget in plain words (what is covered, what one more tap would
 * cover), asking inside the tap (允许下一条提醒, or one row) and reloading, and the calendar fallback (an .ics download in
 * the browser build).
 */
import { act, fireEvent, render, screen } from '@testing-library/react'
import RemindersPage from '../../../src/filing/reminders'
import { unfoldIcs } from '../../../src/domain'
import { api } from '../../../src/services/api'
import type { FilingView } from '../../../src/services/api-types'
import type { ReminderBudget, ScheduleItem } from '../../../src/services/reminder-schedule'
import { canAskFor, canRequestSubscriptions, requestStageSubscriptions } from '../../../src/services/subscriptions'
import { NOW_MS, fail, mockRouter, ok, viewAt } from './support'

// eslint-disable-next-line @typescript-eslint/no-require-imports
jest.mock('@tarojs/taro', () => require('./support').taroMock())
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

const item = (over: Partial<ScheduleItem>): ScheduleItem => ({
  key: 'k',
  kind: 'sms_window_open',
  label: '收到12381短信：24小时内完成核验',
  template: 'sms_deadline',
  dueAt: '2026-11-23T09:59:30+08:00',
  recipientRole: 'owner',
  mine: true,
  status: 'scheduled',
  sentAt: undefined,
  ...over
})

const NO_BUDGET: ReminderBudget = { critical: 0, criticalCovered: 0, ask: [], askCovers: [] }

const templates = {
  sms_deadline: { templateId: 'TPL_SMS', quota: 1 },
  review_progress: { templateId: 'TPL_REVIEW', quota: 0 },
  todo_reminder: { templateId: 'TPL_TODO', quota: 0 }
}

function serve(view: FilingView, reminders: ScheduleItem[], budget: ReminderBudget = NO_BUDGET) {
  mockRouter.params = { id: view.id }
  filings.get.mockResolvedValue(ok(view))
  filings.schedule.mockResolvedValue(ok({ filingId: view.id, access: 'owner', reminders, budget }))
  status.mockResolvedValue(ok({ templates }))
}

const SMS_ITEMS = [
  item({
    key: 'a:sms_window_12h',
    kind: 'sms_window_12h',
    label: '短信核验截止前12小时提醒',
    dueAt: '2026-11-23T21:59:12+08:00'
  }),
  item({
    key: 'a:sms_window_20h',
    kind: 'sms_window_20h',
    label: '短信核验截止前4小时提醒',
    dueAt: '2026-11-24T05:59:12+08:00',
    status: 'not_covered',
    reason: '还没有允许“备案短信核验提醒”：再允许一次就能收到'
  }),
  item({
    key: 'b:sms_window_20h',
    kind: 'sms_window_20h',
    label: '短信核验截止前4小时提醒',
    dueAt: '2026-11-24T05:59:12+08:00',
    recipientRole: 'owner_principal',
    mine: false,
    status: 'not_covered'
  }),
  item({
    key: 'a:cert',
    kind: 'certificate_expiring',
    label: '证件快到期，需要更换',
    template: 'todo_reminder',
    status: 'not_sent',
    reason: '到时没有允许这类提醒，没有发出'
  }),
  item({
    key: 'a:platform',
    kind: 'platform_review_eta',
    label: '平台初审预计出结果',
    template: 'review_progress',
    status: 'not_needed',
    reason: '初审已经通过，不再需要'
  }),
  item({
    key: 'a:admin',
    kind: 'admin_review_eta',
    label: '管局审核预计出结果',
    template: 'review_progress',
    status: 'sent',
    sentAt: '2026-11-20T10:00:00+08:00'
  })
]

const SMS_BUDGET: ReminderBudget = {
  critical: 2,
  criticalCovered: 1,
  ask: ['sms_deadline'],
  askCovers: ['短信核验截止前4小时提醒']
}

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
  it('shows each reminder’s one status: scheduled, will not arrive because…, sent at…, not sent, not needed', async () => {
    serve(viewAt('sms_verification'), SMS_ITEMS, SMS_BUDGET)
    const { container } = render(<RemindersPage />)
    await screen.findByText('1 条会按时送达，2 条还不会收到')
    const row = (key: string) =>
      container.querySelectorAll('.reminders-item')[SMS_ITEMS.findIndex((i) => i.key === key)]
    expect(row('a:sms_window_12h')).toHaveTextContent('会按时提醒')
    expect(row('a:sms_window_12h')).toHaveTextContent('11月23日 21:59 提醒你')
    expect(row('a:sms_window_20h')).toHaveTextContent('还不会收到')
    expect(row('a:sms_window_20h')).toHaveTextContent('还没有允许“备案短信核验提醒”：再允许一次就能收到')
    expect(row('b:sms_window_20h')).toHaveTextContent('提醒主体负责人')
    expect(row('b:sms_window_20h')).toHaveTextContent('需要对方在自己的手机上打开备案助手并允许提醒')
    expect(stateOf(container, '证件快到期，需要更换')).toHaveTextContent('没有发出')
    expect(stateOf(container, '证件快到期，需要更换')).toHaveTextContent('到时没有允许这类提醒，没有发出')
    expect(stateOf(container, '平台初审预计出结果')).toHaveTextContent('不再需要')
    expect(stateOf(container, '平台初审预计出结果')).toHaveTextContent('初审已经通过，不再需要')
    expect(stateOf(container, '管局审核预计出结果')).toHaveTextContent('11月20日 10:00 已发给你')
    // planned first, the ended ones under their own title
    expect(screen.getByText('已结束的提醒')).toBeInTheDocument()
    expect(
      container.querySelectorAll('.reminders-item--sent, .reminders-item--not_sent, .reminders-item--not_needed')
    ).toHaveLength(3)
  })

  it('says in plain words what is covered and what one more tap would cover', async () => {
    canRequest.mockReturnValue(true)
    canAsk.mockReturnValue(true)
    serve(viewAt('sms_verification'), SMS_ITEMS, SMS_BUDGET)
    render(<RemindersPage />)
    const summary = '关键提醒 2 条，已允许 1 条；再允许一次，将能收到：短信核验截止前4小时提醒'
    expect(await screen.findAllByText(summary)).toHaveLength(1)
  })

  it('says what is covered in the list when no tap can add anything', async () => {
    serve(viewAt('sms_verification'), SMS_ITEMS, { critical: 2, criticalCovered: 2, ask: [], askCovers: [] })
    render(<RemindersPage />)
    expect(await screen.findByText('关键提醒 2 条，已允许 2 条')).toBeInTheDocument()
    expect(screen.queryByText('允许下一条提醒')).not.toBeInTheDocument()
  })

  it('asks for what 允许下一条提醒 covers inside the tap, then reloads the statuses', async () => {
    canRequest.mockReturnValue(true)
    canAsk.mockReturnValue(true)
    let answered!: (v: unknown) => void
    subscribe.mockReturnValue(new Promise((r) => (answered = r)))
    serve(viewAt('sms_verification'), SMS_ITEMS, SMS_BUDGET)
    render(<RemindersPage />)
    fireEvent.click(await screen.findByText('允许下一条提醒'))
    expect(subscribe).toHaveBeenCalledWith(['sms_deadline'])
    filings.schedule.mockResolvedValue(
      ok({
        filingId: 'x',
        access: 'owner',
        reminders: SMS_ITEMS.map((i) => (i.key === 'a:sms_window_20h' ? { ...i, status: 'scheduled' } : i)),
        budget: { ...SMS_BUDGET, criticalCovered: 2, ask: [], askCovers: [] }
      })
    )
    await act(async () =>
      answered({ state: 'answered', results: [{ template: 'sms_deadline', result: 'accept' }], recorded: true })
    )
    await screen.findByText('已订阅：备案短信核验提醒')
    await screen.findByText('2 条会按时送达，1 条还不会收到')
    expect(screen.queryByText('允许下一条提醒')).not.toBeInTheDocument()
    expect(filings.schedule).toHaveBeenCalledTimes(2)
  })

  it('asks for one uncovered reminder of mine from its own row, never for someone else’s', async () => {
    canRequest.mockReturnValue(true)
    canAsk.mockReturnValue(true)
    subscribe.mockResolvedValue({ state: 'failed', message: '已取消订阅' })
    serve(viewAt('sms_verification'), SMS_ITEMS, SMS_BUDGET)
    const { container } = render(<RemindersPage />)
    await screen.findByText('1 条会按时送达，2 条还不会收到')
    const asks = container.querySelectorAll('.reminders-item__ask')
    expect(asks).toHaveLength(1)
    fireEvent.click(asks[0])
    expect(subscribe).toHaveBeenCalledWith(['sms_deadline'])
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
    serve(view, SMS_ITEMS, SMS_BUDGET)
    const { container } = render(<RemindersPage />)
    await screen.findByText(/在浏览器里收不到微信或抖音的订阅消息/)
    // no subscription asks where there are no subscription messages
    expect(screen.queryByText('允许下一条提醒')).not.toBeInTheDocument()
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
