/**
 * services/subscriptions: the dialog opens synchronously in the caller's tap with the template ids the back end
 * configured, at most three; each answer is recorded per template; H5 and missing ids ask nothing.
 */
import Taro from '@tarojs/taro'
import { api } from '../../../src/services/api'
import {
  MAX_TEMPLATES_PER_REQUEST,
  SUBSCRIPTIONS_FOR_ACTION,
  canAskFor,
  describeOutcome,
  loadSubscriptionStatus,
  requestStageSubscriptions,
  templateIds
} from '../../../src/services/subscriptions'
import { ok } from './support'

jest.mock('../../../src/services/api', () => ({
  api: { subscriptions: { status: jest.fn(), record: jest.fn() } }
}))

const status = api.subscriptions.status as jest.Mock
const record = api.subscriptions.record as jest.Mock
const IDS = { sms_deadline: 'TPL_SMS', review_progress: 'TPL_REVIEW', todo_reminder: 'TPL_TODO' }
let requestSubscribeMessage: jest.Mock

beforeEach(async () => {
  process.env.TARO_ENV = 'weapp'
  localStorage.clear()
  jest.clearAllMocks()
  requestSubscribeMessage = jest.fn()
  ;(Taro as unknown as Record<string, unknown>).requestSubscribeMessage = requestSubscribeMessage
  record.mockImplementation(async ({ results }) => ok(results))
  status.mockResolvedValue(
    ok({
      templates: {
        sms_deadline: { templateId: IDS.sms_deadline, quota: 0 },
        review_progress: { templateId: IDS.review_progress, quota: 0 },
        todo_reminder: { templateId: IDS.todo_reminder, quota: 0 }
      }
    })
  )
  await loadSubscriptionStatus()
})

afterAll(() => {
  process.env.TARO_ENV = 'h5'
})

describe('SUBSCRIPTIONS_FOR_ACTION', () => {
  it.each(Object.entries(SUBSCRIPTIONS_FOR_ACTION))(
    '%s asks for at most three distinct templates',
    (_action, kinds) => {
      expect(kinds!.length).toBeGreaterThan(0)
      expect(kinds!.length).toBeLessThanOrEqual(MAX_TEMPLATES_PER_REQUEST)
      expect(new Set(kinds).size).toBe(kinds!.length)
    }
  )

  it('asks for the SMS deadline first when the platform review passes', () => {
    expect(SUBSCRIPTIONS_FOR_ACTION.platform_pass![0]).toBe('sms_deadline')
  })
})

describe('requestStageSubscriptions', () => {
  it('opens the dialog synchronously with the configured ids and records every answer', async () => {
    requestSubscribeMessage.mockResolvedValue({
      errMsg: 'requestSubscribeMessage:ok',
      TPL_SMS: 'accept',
      TPL_REVIEW: 'reject'
    })
    const outcome = requestStageSubscriptions(['sms_deadline', 'review_progress'])
    expect(requestSubscribeMessage).toHaveBeenCalledWith({ tmplIds: ['TPL_SMS', 'TPL_REVIEW'] })
    await expect(outcome).resolves.toEqual({
      state: 'answered',
      results: [
        { template: 'sms_deadline', result: 'accept' },
        { template: 'review_progress', result: 'reject' }
      ],
      recorded: true
    })
    expect(record).toHaveBeenCalledWith({
      results: [
        { template: 'sms_deadline', result: 'accept' },
        { template: 'review_progress', result: 'reject' }
      ]
    })
  })

  it.each([
    ['accept', 'accept'],
    ['acceptWithAudio', 'accept'],
    ['reject', 'reject'],
    ['ban', 'ban'],
    ['filter', 'filter'],
    [undefined, 'reject']
  ])('maps the platform’s %s to %s', async (answer, result) => {
    requestSubscribeMessage.mockResolvedValue({ errMsg: 'requestSubscribeMessage:ok', TPL_TODO: answer })
    await requestStageSubscriptions(['todo_reminder'])
    expect(record).toHaveBeenCalledWith({ results: [{ template: 'todo_reminder', result }] })
  })

  it('reads Douyin’s templateSettings (only the ticked templates are listed)', async () => {
    requestSubscribeMessage.mockResolvedValue({ errMsg: 'ok', templateSettings: { TPL_REVIEW: {} } })
    await requestStageSubscriptions(['sms_deadline', 'review_progress'])
    expect(record).toHaveBeenCalledWith({
      results: [
        { template: 'sms_deadline', result: 'reject' },
        { template: 'review_progress', result: 'accept' }
      ]
    })
  })

  it('never asks for more than three templates, and drops duplicates', () => {
    requestSubscribeMessage.mockReturnValue(new Promise(() => undefined))
    void requestStageSubscriptions(['review_progress', 'review_progress', 'todo_reminder', 'sms_deadline'])
    expect(requestSubscribeMessage.mock.calls[0][0].tmplIds).toEqual(['TPL_REVIEW', 'TPL_TODO', 'TPL_SMS'])
  })

  it('records "ban" for every template when the main switch is off (errCode 20004)', async () => {
    requestSubscribeMessage.mockRejectedValue({ errCode: 20004, errMsg: 'requestSubscribeMessage:fail' })
    const outcome = await requestStageSubscriptions(['sms_deadline'])
    expect(outcome.state).toBe('answered')
    expect(record).toHaveBeenCalledWith({ results: [{ template: 'sms_deadline', result: 'ban' }] })
  })

  it('records nothing when the dialog fails or is cancelled', async () => {
    requestSubscribeMessage.mockRejectedValue({ errCode: 1, errMsg: 'requestSubscribeMessage:fail cancel' })
    await expect(requestStageSubscriptions(['sms_deadline'])).resolves.toEqual({
      state: 'failed',
      message: '已取消订阅'
    })
    expect(record).not.toHaveBeenCalled()
  })

  it.each([
    [true, 'accept'],
    [false, 'reject']
  ])('in the browser build asks with its own dialog (允许 = %s) and records %s', async (confirm, result) => {
    process.env.TARO_ENV = 'h5'
    const showModal = jest.spyOn(Taro, 'showModal').mockResolvedValue({ confirm, cancel: !confirm, errMsg: 'ok' })
    const outcome = await requestStageSubscriptions(['sms_deadline', 'review_progress'])
    expect(requestSubscribeMessage).not.toHaveBeenCalled()
    expect(showModal).toHaveBeenCalledWith(expect.objectContaining({ title: '接收提醒' }))
    expect(outcome).toEqual({
      state: 'answered',
      recorded: true,
      results: [
        { template: 'sms_deadline', result },
        { template: 'review_progress', result }
      ]
    })
    expect(record).toHaveBeenCalledWith({ results: expect.any(Array) })
    expect(canAskFor(['sms_deadline'])).toBe(true)
    showModal.mockRestore()
  })

  it('asks nothing when the back end has no template id for the kinds', async () => {
    status.mockResolvedValue(
      ok({ templates: { sms_deadline: { quota: 0 }, review_progress: { quota: 0 }, todo_reminder: { quota: 0 } } })
    )
    await loadSubscriptionStatus()
    expect(templateIds()).toEqual({})
    await expect(requestStageSubscriptions(['sms_deadline'])).resolves.toEqual({ state: 'no_templates' })
    expect(requestSubscribeMessage).not.toHaveBeenCalled()
  })
})

describe('describeOutcome', () => {
  it('names what will and will not arrive', () => {
    expect(
      describeOutcome({
        state: 'answered',
        results: [
          { template: 'sms_deadline', result: 'accept' },
          { template: 'review_progress', result: 'reject' }
        ],
        recorded: true
      })
    ).toBe('已订阅：备案短信核验提醒；未授权：备案审核进度提醒（不会收到，可在“提醒”页重新允许或添加到日历）')
  })
})
