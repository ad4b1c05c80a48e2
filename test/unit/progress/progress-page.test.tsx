/**
 * 进度 (src/pages/progress) in jsdom: the actions this user may take (the back end's `actions`), each dated when it
 * really happened (刚刚 by default, quick choices, a picker) with the domain's refusal next to a disabled confirm, the
 * stage call with the record's version, the subscription request made inside the confirming tap (what the next stage
 * and the reminder budget need), the 备案号 checked live by the domain, the rejection reasons linking to their fixes
 * (for the owner only), invites from the draft on, conflicts and rule refusals, and the live SMS countdown.
 */
import { act, fireEvent, render, screen, waitFor } from '@testing-library/react'
import ProgressPage from '../../../src/pages/progress'
import { allowedActions, applyStageAction, parseFilingNumber, toShanghaiIso } from '../../../src/domain'
import { SAMPLE_FILING } from '../../../src/domain/samples'
import type { StageAction } from '../../../src/domain/types'
import { ROUTES, withQuery } from '../../../src/constants/routes'
import { api } from '../../../src/services/api'
import type { FilingView } from '../../../src/services/api-types'
import { openPage } from '../../../src/services/navigation'
import { loadSubscriptionStatus, requestStageSubscriptions } from '../../../src/services/subscriptions'
import { NOW_MS, STAGES, deferred, fail, flush, mockRouter, ok, viewAt } from './support'

jest.mock('../../../src/services/api', () => ({
  api: {
    filings: { list: jest.fn(), get: jest.fn(), advance: jest.fn(), schedule: jest.fn() },
    subscriptions: { status: jest.fn(), record: jest.fn() },
    invites: { list: jest.fn() }
  }
}))
jest.mock('../../../src/services/subscriptions', () => ({
  ...jest.requireActual('../../../src/services/subscriptions'),
  loadSubscriptionStatus: jest.fn(),
  requestStageSubscriptions: jest.fn(),
  canAskFor: jest.fn(() => true)
}))
jest.mock('../../../src/services/navigation', () => ({ openPage: jest.fn(), goBack: jest.fn() }))

const filings = api.filings as unknown as Record<'list' | 'get' | 'advance' | 'schedule', jest.Mock>
const invites = api.invites as unknown as Record<'list', jest.Mock>
const subscribe = requestStageSubscriptions as jest.Mock
const navigate = openPage as jest.Mock

beforeEach(() => {
  jest.useFakeTimers({ now: NOW_MS, advanceTimers: true })
  localStorage.clear()
  jest.clearAllMocks()
  mockRouter.params = {}
  ;(loadSubscriptionStatus as jest.Mock).mockResolvedValue(ok({ templates: {} }))
  subscribe.mockResolvedValue({ state: 'unsupported' })
  invites.list.mockResolvedValue(ok([]))
  serveBudget([])
})

/** The schedule's budget: what one more accepted request would cover. */
function serveBudget(ask: string[], askCovers: string[] = []) {
  filings.schedule.mockResolvedValue(
    ok({ filingId: 'f', access: 'owner', reminders: [], budget: { critical: 2, criticalCovered: 0, ask, askCovers } })
  )
}

afterEach(() => {
  jest.useRealTimers()
})

async function renderAt(view: FilingView) {
  mockRouter.params = { id: view.id }
  filings.get.mockResolvedValue(ok(view))
  const utils = render(<ProgressPage />)
  await screen.findByText('时间线')
  return utils
}

const shownActions = (container: HTMLElement) =>
  [...container.querySelectorAll('.progress__action')].map((el) =>
    [...el.classList].find((c) => c.startsWith('progress__action--'))!.replace('progress__action--', '')
  )

const tap = (container: HTMLElement, selector: string) => {
  const el = container.querySelector(selector)
  if (!el) throw new Error(`no ${selector}`)
  fireEvent.click(el)
}

/** Opens an action's form and confirms it as it stands (刚刚). */
const act0 = (container: HTMLElement, action: string, confirm = action) => {
  tap(container, `.progress__action--${action}`)
  tap(container, `.progress-form__confirm--${confirm}`)
}

/** Taro's H5 inputs are web components: typing arrives as an `input` event with `detail`. */
function type(container: HTMLElement, className: string, value: string) {
  const field = container.querySelector(`.${className} taro-input-core, .${className} taro-textarea-core`)
  if (!field) throw new Error(`no field ${className}`)
  act(() => {
    field.dispatchEvent(new CustomEvent('input', { detail: { value }, bubbles: true }))
  })
}

describe('actions', () => {
  it.each(STAGES)('in %s shows exactly the actions the stage machine allows', async (stage) => {
    const view = viewAt(stage)
    const { container } = await renderAt(view)
    expect(shownActions(container).sort()).toEqual([...allowedActions(view.progress)].sort())
  })

  it.each(['owner_principal', 'app_principal'] as const)('shows no action to an invited %s', async (access) => {
    const { container } = await renderAt(viewAt('platform_review', { access, actions: [] } as Partial<FilingView>))
    expect(shownActions(container)).toEqual([])
    expect(screen.getByText(/现在没有需要你记录的步骤/)).toBeInTheDocument()
    expect(screen.queryByText('邀请负责人')).not.toBeInTheDocument()
  })

  it('shows an invited principal exactly the actions the back end allows, and no owner-only control', async () => {
    const view = viewAt('sms_verification', {
      access: 'owner_principal',
      actions: ['sms_verified']
    } as Partial<FilingView>)
    const { container } = await renderAt(view)
    expect(shownActions(container)).toEqual(['sms_verified'])
    expect(screen.queryByText('让收短信的负责人也收到提醒 ›')).not.toBeInTheDocument()
    expect(screen.queryByText('邀请负责人')).not.toBeInTheDocument()
    expect(invites.list).not.toHaveBeenCalled()
    filings.advance.mockResolvedValue(
      ok(viewAt('admin_review', { access: 'owner_principal', actions: [] } as Partial<FilingView>))
    )
    act0(container, 'sms_verified')
    expect(filings.advance).toHaveBeenCalledWith({
      id: view.id,
      version: view.version,
      action: { type: 'sms_verified' }
    })
    await screen.findByText('已记录：已完成短信核验')
  })

  it('shows an invitee the rejection reasons without 去修改', async () => {
    const view = viewAt('platform_rejected', { access: 'app_principal', actions: [] } as Partial<FilingView>)
    const { container } = await renderAt(view)
    expect(screen.getByText('驳回原因')).toBeInTheDocument()
    expect(container.querySelector('.progress-reason__fix')).toBeNull()
  })

  it('sends 我已提交 with the record version and shows the stage it moved to', async () => {
    const view = viewAt('draft')
    const moved = viewAt('platform_review', { version: view.version + 1 })
    filings.advance.mockResolvedValue(ok(moved))
    const { container } = await renderAt(view)
    act0(container, 'submit')
    await screen.findByText('已记录：我已提交备案')
    expect(filings.advance).toHaveBeenCalledWith({ id: view.id, version: view.version, action: { type: 'submit' } })
    expect(shownActions(container).sort()).toEqual([...allowedActions(moved.progress)].sort())
  })

  it('asks for the next stage’s subscriptions inside the tap, before the save resolves', async () => {
    const order: string[] = []
    const save = deferred<ReturnType<typeof ok>>()
    subscribe.mockImplementation((kinds: string[]) => {
      order.push(`subscribe:${kinds.join(',')}`)
      return new Promise(() => undefined)
    })
    filings.advance.mockImplementation(() => {
      order.push('advance')
      return save.promise
    })
    const view = viewAt('draft')
    const { container } = await renderAt(view)
    act0(container, 'submit')
    // synchronously, in the tap: the dialog opened before anything was awaited
    expect(order).toEqual(['subscribe:review_progress,todo_reminder', 'advance'])
    expect(subscribe).toHaveBeenCalledTimes(1)
    // the form is off while the save runs
    for (const el of container.querySelectorAll('.progress-form__confirm, .progress-form__cancel'))
      expect(el).toHaveClass('nut-button-disabled')
    await act(async () => save.resolve(ok(viewAt('platform_review', { version: view.version + 1 }))))
    await screen.findByText('已记录：我已提交备案')
  })

  it.each([
    ['刚刚收到', undefined],
    ['约1小时前', toShanghaiIso(NOW_MS - 3_600_000)],
    ['约3小时前', toShanghaiIso(NOW_MS - 3 * 3_600_000)]
  ])(
    '初审通过 asks when the SMS arrived (%s) and subscribes to the SMS deadline in the confirming tap',
    async (choice, at) => {
      const view = viewAt('platform_review')
      filings.advance.mockResolvedValue(ok(viewAt('sms_verification', { version: view.version + 1 })))
      const { container } = await renderAt(view)
      tap(container, '.progress__action--platform_pass')
      fireEvent.click(screen.getByText(choice))
      expect(screen.getByText(/^核验截止：/)).toBeInTheDocument()
      tap(container, '.progress-form__confirm--platform_pass')
      expect(subscribe).toHaveBeenCalledWith(['sms_deadline', 'review_progress'])
      const action: StageAction = at ? { type: 'platform_pass', smsReceivedAt: at } : { type: 'platform_pass' }
      expect(filings.advance).toHaveBeenCalledWith({
        id: view.id,
        version: view.version,
        action,
        ...(at ? { at } : {})
      })
      await screen.findByText('24 小时内完成短信核验')
    }
  )

  it('lets the user pick the SMS time on native date and time pickers, starting from now', async () => {
    const view = viewAt('platform_review')
    filings.advance.mockResolvedValue(ok(viewAt('sms_verification', { version: view.version + 1 })))
    const { container } = await renderAt(view)
    tap(container, '.progress__action--platform_pass')
    fireEvent.click(screen.getByText('选择时间'))
    // the pickers open on now, to the minute, in Shanghai time: the user only moves what differs
    const picked = toShanghaiIso(NOW_MS).slice(0, 16) + ':00+08:00'
    const [date, clock] = picked.slice(0, 16).split('T')
    expect(screen.getByLabelText('收到时间的日期')).toHaveTextContent(`${date} ›`)
    expect(screen.getByLabelText('收到时间的时间')).toHaveTextContent(`${clock} ›`)
    await screen.findByText(/^收到时间：/)
    expect(container.querySelector('.progress-form__confirm--platform_pass')).not.toHaveClass('nut-button-disabled')
    tap(container, '.progress-form__confirm--platform_pass')
    expect(filings.advance).toHaveBeenCalledWith({
      id: view.id,
      version: view.version,
      action: { type: 'platform_pass', smsReceivedAt: picked },
      at: picked
    })
    await screen.findByText('已记录：初审通过，已收到12381短信')
  })

  it('asks to confirm 放弃本次备案 and sends nothing on 再想想', async () => {
    const view = viewAt('platform_review')
    filings.advance.mockResolvedValue(ok(viewAt('cancelled', { version: view.version + 1 })))
    const { container } = await renderAt(view)
    tap(container, '.progress__action--cancel')
    expect(screen.getByText('确定放弃本次备案？')).toBeInTheDocument()
    fireEvent.click(screen.getByText('再想想'))
    expect(filings.advance).not.toHaveBeenCalled()
    tap(container, '.progress__action--cancel')
    tap(container, '.progress-form__confirm--cancel')
    expect(filings.advance).toHaveBeenCalledWith({ id: view.id, version: view.version, action: { type: 'cancel' } })
    await screen.findByText('已记录：放弃本次备案')
  })

  it('reloads and says so when someone advanced the filing elsewhere', async () => {
    const view = viewAt('platform_review')
    const theirs = viewAt('sms_verification', { version: view.version + 1 })
    filings.advance.mockResolvedValue(fail('CONFLICT', '记录已在别处修改，请刷新后再试'))
    const { container } = await renderAt(view)
    filings.get.mockResolvedValue(ok(theirs))
    tap(container, '.progress__action--platform_pass')
    tap(container, '.progress-form__confirm--platform_pass')
    await screen.findByText(/进度已在另一台设备上更新/)
    expect(filings.get).toHaveBeenCalledTimes(2)
    expect(shownActions(container).sort()).toEqual([...allowedActions(theirs.progress)].sort())
  })

  it('shows the stage machine’s refusal next to a disabled confirm before sending anything', async () => {
    const view = viewAt('sms_verification')
    const { container } = await renderAt(view)
    tap(container, '.progress__action--sms_expire')
    expect(screen.getByText('短信核验截止时间是2026-11-24 09:59，还没有超时')).toBeInTheDocument()
    expect(container.querySelector('.progress-form__confirm--sms_expire')).toHaveClass('nut-button-disabled')
    tap(container, '.progress-form__confirm--sms_expire')
    expect(filings.advance).not.toHaveBeenCalled()
  })

  it('shows the back end’s message when it refuses', async () => {
    const view = viewAt('admin_review')
    filings.advance.mockResolvedValue(fail('FORBIDDEN', '只有备案的创建者可以记录这一步'))
    const { container } = await renderAt(view)
    tap(container, '.progress__action--admin_reject')
    fireEvent.click(screen.getByText('小程序备注或服务内容描述不清'))
    tap(container, '.progress-form__confirm--reject')
    await screen.findByText('只有备案的创建者可以记录这一步')
  })
})

describe('备案号', () => {
  const view = viewAt('admin_review')
  const ctx = { platform: view.profile.platform, province: view.profile.province }
  const domainMessage = (n: string) => {
    const r = applyStageAction(view.progress, { type: 'admin_pass', filingNumber: n }, toShanghaiIso(NOW_MS), ctx)
    return r.ok ? '' : r.message
  }

  it.each(['ABC', '津ICP备123号', '洛ICP备2026059598号-1X'])('rejects %s with the parser’s message', async (bad) => {
    const { container } = await renderAt(view)
    tap(container, '.progress__action--admin_pass')
    type(container, 'progress-form__filing-number', bad)
    expect(screen.getByText(parseFilingNumber(bad).message!)).toBeInTheDocument()
    tap(container, '.progress-form__confirm--admin_pass')
    expect(filings.advance).not.toHaveBeenCalled()
  })

  it.each([
    ['an owner number', '津ICP备2026059598号'],
    ['another province’s number', '京ICP备2026059598号-1X']
  ])('rejects %s with the stage machine’s message', async (_name, number) => {
    const { container } = await renderAt(view)
    tap(container, '.progress__action--admin_pass')
    type(container, 'progress-form__filing-number', number)
    expect(domainMessage(number)).not.toBe('')
    expect(screen.getByText(domainMessage(number))).toBeInTheDocument()
  })

  it('accepts a valid number and sends it', async () => {
    const approved = viewAt('approved', { version: view.version + 1 })
    filings.advance.mockResolvedValue(ok(approved))
    const { container } = await renderAt(view)
    tap(container, '.progress__action--admin_pass')
    type(container, 'progress-form__filing-number', ' 津ICP备2026059598号-1x ')
    expect(screen.getByText(/^格式正确：津ICP备2026059598号-1X/)).toBeInTheDocument()
    tap(container, '.progress-form__confirm--admin_pass')
    expect(filings.advance).toHaveBeenCalledWith({
      id: view.id,
      version: view.version,
      action: { type: 'admin_pass', filingNumber: '津ICP备2026059598号-1x' }
    })
    await screen.findByText('备案号')
    expect(screen.getByText(approved.progress.filingNumber!)).toBeInTheDocument()
  })
})

describe('rejections', () => {
  it('links each stored reason to the field or material that fixes it', async () => {
    const base = viewAt('platform_rejected')
    const progress = {
      ...base.progress,
      history: base.progress.history.map((e) =>
        e.stage === 'platform_rejected'
          ? { ...e, reasons: ['证件有效期不足', '主体负责人电话无法接通', '营业执照照片反光', '其他说不清的原因'] }
          : e
      )
    }
    const { container } = await renderAt({ ...base, progress })
    expect(screen.getByText('驳回原因')).toBeInTheDocument()
    fireEvent.click(screen.getByText('去修改：主办单位证件有效期'))
    expect(navigate).toHaveBeenLastCalledWith(
      withQuery(ROUTES.selfCheck, { section: 'owner', field: 'owner.certificateValidUntil' })
    )
    fireEvent.click(screen.getByText('去修改：主体负责人手机号码'))
    expect(navigate).toHaveBeenLastCalledWith(
      withQuery(ROUTES.selfCheck, { section: 'ownerPrincipal', field: 'ownerPrincipal.mobile' })
    )
    fireEvent.click(screen.getByText('去检查：主办单位证件照片'))
    expect(navigate).toHaveBeenLastCalledWith(withQuery(ROUTES.photoCheck, { material: 'owner_certificate' }))
    fireEvent.click(screen.getByText('去信息自检'))
    expect(navigate).toHaveBeenLastCalledWith(ROUTES.selfCheck)
    expect(container.querySelectorAll('.progress-reason')).toHaveLength(4)
  })

  it('keeps the last rejection’s reasons visible after resubmitting', async () => {
    const rejected = viewAt('admin_rejected')
    const resubmitted = applyStageAction(rejected.progress, { type: 'submit' }, toShanghaiIso(NOW_MS))
    if (!resubmitted.ok) throw new Error(resubmitted.message)
    await renderAt({ ...rejected, progress: resubmitted.progress })
    expect(screen.getByText('上次驳回的原因')).toBeInTheDocument()
    fireEvent.click(screen.getByText('去检查：备案真实性核验单'))
    expect(navigate).toHaveBeenLastCalledWith(withQuery(ROUTES.photoCheck, { material: 'verification_form' }))
  })

  it('records the picked and typed reasons of a rejection', async () => {
    const view = viewAt('platform_review')
    filings.advance.mockResolvedValue(ok(viewAt('platform_rejected', { version: view.version + 1 })))
    const { container } = await renderAt(view)
    tap(container, '.progress__action--platform_reject')
    const confirm = container.querySelector('.progress-form__confirm--reject')!
    expect(confirm).toHaveClass('nut-button-disabled')
    fireEvent.click(screen.getByText('小程序备注或服务内容描述不清'))
    type(container, 'progress-form__other', '审核来电未接听\n\n')
    tap(container, '.progress-form__confirm--reject')
    expect(subscribe).not.toHaveBeenCalled()
    expect(filings.advance).toHaveBeenCalledWith({
      id: view.id,
      version: view.version,
      action: { type: 'platform_reject', reasons: ['小程序备注或服务内容描述不清', '审核来电未接听'] }
    })
    await screen.findByText('已记录：平台初审被驳回')
  })
})

describe('SMS window', () => {
  it.each([
    ['a filing reported by hand', undefined, '回来点“已完成短信核验”'],
    ['a connected filing, whose verification the platform reports', ['cancel'] as const, '进度会从平台自动更新']
  ])('tells the user what to do after verifying, for %s', async (_label, actions, words) => {
    jest.useFakeTimers({ now: NOW_MS })
    const view = viewAt('sms_verification', actions ? { actions: [...actions] } : {})
    mockRouter.params = { id: view.id }
    filings.get.mockResolvedValue(ok(view))
    const { container } = render(<ProgressPage />)
    await flush()
    expect(container.querySelector('.progress-sms__steps')!.textContent).toContain(words)
  })

  it('counts down with the same countdown as the home card: every second, urgent under 4 hours, then expired', async () => {
    jest.useFakeTimers({ now: NOW_MS })
    const view = viewAt('sms_verification')
    mockRouter.params = { id: view.id }
    filings.get.mockResolvedValue(ok(view))
    const { container } = render(<ProgressPage />)
    await flush()
    const time = () => container.querySelector('.progress-sms .sms-countdown__time')!.textContent
    expect(time()).toBe('23:59:12')
    act(() => jest.advanceTimersByTime(1000))
    expect(time()).toBe('23:59:11')
    act(() => jest.advanceTimersByTime(61_000))
    expect(time()).toBe('23:58:10')
    const deadline = Date.parse(view.progress.smsDeadline!)
    jest.setSystemTime(deadline - 5 * 3_600_000)
    act(() => jest.advanceTimersByTime(1000))
    expect(container.querySelector('.progress-sms')).not.toHaveClass('progress-sms--urgent')
    jest.setSystemTime(deadline - 3 * 3_600_000 - 500)
    act(() => jest.advanceTimersByTime(1000))
    // 2:59:59.5 left: rounded down, never more than is left
    expect(time()).toBe('02:59:59')
    expect(container.querySelector('.progress-sms')).toHaveClass('progress-sms--urgent')
    expect(container.querySelector('.progress-sms .sms-countdown')).toHaveClass('sms-countdown--urgent')
    jest.setSystemTime(deadline)
    act(() => jest.advanceTimersByTime(1000))
    expect(screen.getByText('短信核验的 24 小时已过')).toBeInTheDocument()
    expect(time()).toBe('已超时')
  })

  it('says where the text goes and offers to invite the owner principal who has not joined', async () => {
    await renderAt(viewAt('sms_verification'))
    await screen.findByText('让收短信的负责人也收到提醒 ›')
    expect(screen.getByText(/李明远，手机 136\*\*\*\*0001/)).toBeInTheDocument()
    fireEvent.click(screen.getByText('让收短信的负责人也收到提醒 ›'))
    expect(navigate).toHaveBeenCalledWith(withQuery(ROUTES.invite, { role: 'owner_principal' }))
  })

  it('leaves the invite out once the owner principal has joined', async () => {
    invites.list.mockResolvedValue(
      ok([{ inviteId: 'i1', role: 'owner_principal', state: 'accepted', createdAt: '', expiresAt: '' }])
    )
    const view = viewAt('sms_verification')
    await renderAt(view)
    await waitFor(() => expect(invites.list).toHaveBeenCalledWith({ filingId: view.id }))
    await flush()
    expect(screen.queryByText('让收短信的负责人也收到提醒 ›')).not.toBeInTheDocument()
  })

  it('explains that an expired SMS window means submitting again', async () => {
    await renderAt(viewAt('sms_expired'))
    expect(screen.getByText('短信核验超时，需要重新提交备案')).toBeInTheDocument()
  })
})

describe('timeline and states', () => {
  it('lists each stage with its start and the stages ahead with working-day dates', async () => {
    const { container } = await renderAt(viewAt('platform_review'))
    const items = [...container.querySelectorAll('.stage-timeline__item')]
    const titles = items.map((el) => el.querySelector('.stage-timeline__title')!.textContent)
    expect(titles).toEqual(['填写备案信息', '平台初审', '工信部短信核验', '管局审核', '备案成功'])
    expect(items[1]).toHaveClass('stage-timeline__item--current')
    expect(items[1].textContent).toMatch(/11月17日 10:00 开始/)
    expect(items[1].textContent).toMatch(/预计 .*11月\d+日 周. 出结果/)
    expect(items[4]).toHaveClass('stage-timeline__item--upcoming')
    expect(items[4].textContent).toMatch(/拿到备案号/)
  })

  it('marks the stages the platform reported 平台同步, and says the current one was observed', async () => {
    const base = viewAt('sms_verification')
    const history = base.progress.history.map((h, i) =>
      i === 0 ? h : { ...h, source: 'platform' as const, recordedAt: '2026-11-24T10:05:00+08:00' }
    )
    const { container } = await renderAt({ ...base, progress: { ...base.progress, history } })
    expect(container.querySelectorAll('.stage-timeline__synced')).toHaveLength(history.length - 1)
    expect(container.querySelector('.progress__synced')?.textContent).toMatch(/^平台同步：本阶段由平台状态自动记录/)
    expect(screen.getByText('连接小程序 · 自动同步')).toBeTruthy()
  })

  it('a manually reported filing has no 平台同步 mark; the owner is offered 连接小程序, an invitee is not', async () => {
    const { container, unmount } = await renderAt(viewAt('platform_review'))
    expect(container.querySelector('.stage-timeline__synced, .progress__synced')).toBeNull()
    fireEvent.click(screen.getByText('连接小程序'))
    expect(navigate).toHaveBeenCalledWith(withQuery(ROUTES.connect, { id: 'a1b2c3d4e5f6a1b2c3d4e5f6' }))
    unmount()
    await renderAt(viewAt('platform_review', { access: 'owner_principal' }))
    expect(screen.queryByText('连接小程序')).toBeNull()
  })

  it('shows the filing number prominently once approved', async () => {
    await renderAt(viewAt('approved'))
    expect(screen.getByText('津ICP备2026059598号-1X')).toHaveClass('progress-approved__number')
  })

  it('offers a new filing when there is none', async () => {
    filings.list.mockResolvedValue(ok([]))
    render(<ProgressPage />)
    await screen.findByText('还没有进行中的备案')
    fireEvent.click(screen.getByText('新建备案'))
    expect(navigate).toHaveBeenCalledWith(ROUTES.wizard)
  })

  it('shows the error with a retry when loading fails', async () => {
    mockRouter.params = { id: SAMPLE_FILING.id }
    filings.get.mockResolvedValueOnce(fail('UNAVAILABLE', '网络不可用，请检查网络后重试'))
    render(<ProgressPage />)
    await screen.findByText('网络不可用，请检查网络后重试')
    filings.get.mockResolvedValue(ok(viewAt('draft')))
    fireEvent.click(screen.getByText('重试'))
    await screen.findByText('时间线')
  })

  it.each(STAGES)('links to the 提醒 page in %s', async (stage) => {
    const view = viewAt(stage)
    await renderAt(view)
    fireEvent.click(screen.getByText('提醒与日历'))
    expect(navigate).toHaveBeenCalledWith(withQuery(ROUTES.reminders, { id: view.id }))
  })
})

describe('when it really happened', () => {
  it('sends 我已提交 dated 昨天此时 and shows that time before confirming', async () => {
    const view = viewAt('draft')
    filings.advance.mockResolvedValue(ok(viewAt('platform_review', { version: view.version + 1 })))
    const { container } = await renderAt(view)
    tap(container, '.progress__action--submit')
    fireEvent.click(screen.getByText('昨天此时'))
    expect(screen.getByText('提交时间：11月22日 10:00')).toBeInTheDocument()
    tap(container, '.progress-form__confirm--submit')
    const at = toShanghaiIso(NOW_MS - 24 * 3_600_000)
    expect(filings.advance).toHaveBeenCalledWith({ id: view.id, version: view.version, action: { type: 'submit' }, at })
  })

  it.each([
    ['约1小时前', 'sms_verified'],
    ['约3小时前', 'sms_verified'],
    ['约3小时前', 'platform_pass']
  ])(
    'refuses %s for %s when that is before the step it follows, next to a disabled confirm',
    async (choice, action) => {
      // the last step was recorded a few seconds before now
      const view = viewAt(action === 'sms_verified' ? 'sms_verification' : 'platform_review')
      const last = view.progress.history[view.progress.history.length - 1]
      const progress = {
        ...view.progress,
        history: [...view.progress.history.slice(0, -1), { ...last, at: toShanghaiIso(NOW_MS - 60_000) }]
      }
      const { container } = await renderAt({ ...view, progress })
      tap(container, `.progress__action--${action}`)
      fireEvent.click(screen.getByText(choice))
      expect(screen.getByRole('alert')).toHaveTextContent(/不能早于/)
      expect(container.querySelector(`.progress-form__confirm--${action}`)).toHaveClass('nut-button-disabled')
      tap(container, `.progress-form__confirm--${action}`)
      expect(filings.advance).not.toHaveBeenCalled()
      // back to 刚刚: fine again
      fireEvent.click(screen.getByText(action === 'platform_pass' ? '刚刚收到' : '刚刚'))
      expect(screen.queryByRole('alert')).not.toBeInTheDocument()
      expect(container.querySelector(`.progress-form__confirm--${action}`)).not.toHaveClass('nut-button-disabled')
    }
  )

  it.each([
    ['admin_pass', 'approved'],
    ['admin_reject', 'admin_rejected']
  ] as const)('dates %s too', async (action, moved) => {
    const view = viewAt('admin_review')
    const last = view.progress.history[view.progress.history.length - 1]
    const started = toShanghaiIso(NOW_MS - 2 * 86_400_000)
    const progress = { ...view.progress, history: [...view.progress.history.slice(0, -1), { ...last, at: started }] }
    filings.advance.mockResolvedValue(ok(viewAt(moved, { version: view.version + 1 })))
    const { container } = await renderAt({ ...view, progress })
    tap(container, `.progress__action--${action}`)
    fireEvent.click(screen.getByText('约3小时前'))
    if (action === 'admin_pass') type(container, 'progress-form__filing-number', '津ICP备2026059598号-1X')
    else fireEvent.click(screen.getByText('小程序备注或服务内容描述不清'))
    tap(container, `.progress-form__confirm--${action === 'admin_pass' ? 'admin_pass' : 'reject'}`)
    const at = toShanghaiIso(NOW_MS - 3 * 3_600_000)
    expect(filings.advance).toHaveBeenCalledWith(
      expect.objectContaining({ at, action: expect.objectContaining({ type: action }) })
    )
  })
})

describe('asking for reminder units', () => {
  it('adds what the budget says one more request would cover to the action’s own, at most three', async () => {
    serveBudget(['todo_reminder', 'review_progress'], ['管局审核预计出结果'])
    const view = viewAt('platform_review')
    filings.advance.mockResolvedValue(ok(viewAt('sms_verification', { version: view.version + 1 })))
    const { container } = await renderAt(view)
    await flush()
    act0(container, 'platform_pass')
    expect(subscribe).toHaveBeenCalledWith(['sms_deadline', 'review_progress', 'todo_reminder'])
  })

  it('offers 允许下一条提醒 during a window and asks inside that tap for what it covers', async () => {
    serveBudget(['sms_deadline'], ['短信核验截止前4小时提醒'])
    subscribe.mockResolvedValue({
      state: 'answered',
      results: [{ template: 'sms_deadline', result: 'accept' }],
      recorded: true
    })
    await renderAt(viewAt('sms_verification'))
    await screen.findByText(/再允许一次，将能收到：短信核验截止前4小时提醒/)
    expect(screen.getByText(/关键提醒 2 条，已允许 0 条/)).toBeInTheDocument()
    const calls = filings.schedule.mock.calls.length
    fireEvent.click(screen.getByText('允许下一条提醒'))
    expect(subscribe).toHaveBeenCalledWith(['sms_deadline'])
    await screen.findByText('已订阅：备案短信核验提醒')
    // the budget changed: the schedule is asked again
    expect(filings.schedule.mock.calls.length).toBeGreaterThan(calls)
  })

  it.each(['draft', 'platform_rejected', 'approved'] as const)(
    'keeps 进度 free of 允许下一条提醒 outside a window (%s)',
    async (stage) => {
      serveBudget(['todo_reminder'], ['草稿3天没有更新'])
      await renderAt(viewAt(stage))
      await flush()
      expect(screen.queryByText('允许下一条提醒')).not.toBeInTheDocument()
    }
  )

  it('offers nothing when one more request would cover nothing', async () => {
    serveBudget([])
    await renderAt(viewAt('sms_verification'))
    await flush()
    expect(screen.queryByText('允许下一条提醒')).not.toBeInTheDocument()
  })
})

describe('inviting', () => {
  it.each(['draft', 'platform_review', 'sms_verification', 'admin_review'] as const)(
    'offers the owner to invite a principal in %s',
    async (stage) => {
      await renderAt(viewAt(stage))
      fireEvent.click(screen.getByText('邀请负责人'))
      expect(navigate).toHaveBeenCalledWith(withQuery(ROUTES.invite, { role: 'owner_principal' }))
    }
  )

  it.each(['approved', 'cancelled'] as const)('offers no invite once the filing is over (%s)', async (stage) => {
    await renderAt(viewAt(stage))
    expect(screen.queryByText('邀请负责人')).not.toBeInTheDocument()
  })

  it('offers no invite on an individual’s filing: the owner is the principal', async () => {
    const view = viewAt('sms_verification')
    await renderAt({ ...view, profile: { ...view.profile, ownerType: 'individual' } })
    await flush()
    expect(screen.queryByText('邀请负责人')).not.toBeInTheDocument()
    expect(screen.queryByText('让收短信的负责人也收到提醒 ›')).not.toBeInTheDocument()
  })
})
