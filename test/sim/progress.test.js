/**
 * The compiled WeChat 进度 tab (dist/weapp/pages/progress) in miniprogram-simulate: it loads the filing from the cloud
 * function, shows the actions of its stage, and a tap on 我已提交备案 opens the subscription dialog inside the tap
 * (before the cloud call), records the answer and moves the filing to 平台初审.
 */
const { installCloudStub } = require('./support/cloud-stub')
const { launch, renderPage, waitFor, tap, byClass } = require('./support/taro-shim')

const ROUTE = 'pages/progress/index'
const ID = 'a1b2c3d4e5f6a1b2c3d4e5f6'

const profile = {
  platform: 'weapp',
  filingType: 'new',
  ownerType: 'enterprise',
  province: '12',
  ownerPrincipalIsLegalRep: true,
  appPrincipalIsLegalRep: false,
  industries: [],
  texts: { appName: '云帆会议室预订' }
}

function view(progress, version) {
  return {
    id: ID,
    title: '云帆会议室预订',
    profile,
    form: {
      owner: {},
      ownerPrincipal: { name: '李明远', mobile: '136****0001' },
      miniProgram: { name: '云帆会议室预订' },
      appPrincipal: {},
      emergencyContact: {}
    },
    progress,
    materials: {},
    createdAt: '2026-11-20T09:00:00+08:00',
    updatedAt: '2026-11-20T09:00:00+08:00',
    version,
    access: 'owner',
    revealed: false,
    // what the owner may do in each stage (the back end's FilingView.actions)
    actions: { draft: ['submit', 'cancel'], platform_review: ['platform_pass', 'platform_reject', 'cancel'] }[
      progress.stage
    ]
  }
}

const draft = { stage: 'draft', history: [{ stage: 'draft', at: '2026-11-20T09:00:00+08:00' }] }
const submitted = {
  stage: 'platform_review',
  history: [...draft.history, { stage: 'platform_review', at: '2026-11-23T10:00:00+08:00' }]
}

/** What happened, in order: the subscription dialog and the cloud calls. */
const events = []

const cloud = installCloudStub({
  'filings.get': { ok: true, data: view(draft, 3) },
  'filings.list': { ok: true, data: [] },
  'subscriptions.status': {
    ok: true,
    data: {
      templates: {
        sms_deadline: { templateId: 'TPL_SMS', quota: 0 },
        review_progress: { templateId: 'TPL_REVIEW', quota: 0 },
        todo_reminder: { templateId: 'TPL_TODO', quota: 0 }
      }
    }
  },
  'subscriptions.record': (input) => ({
    ok: true,
    data: input.results.map((r) => ({ ...r, quota: r.result === 'accept' ? 1 : 0, lastResult: r.result }))
  }),
  'invites.list': { ok: true, data: [] },
  'filings.schedule': {
    ok: true,
    data: {
      filingId: ID,
      access: 'owner',
      reminders: [],
      budget: { critical: 0, criticalCovered: 0, ask: [], askCovers: [] }
    }
  },
  'filings.advance': (input) => {
    events.push(`advance:${input.action.type}@${input.version}`)
    return { ok: true, data: view(submitted, input.version + 1) }
  }
})

const subscribeRequests = []

describe('weapp 进度', () => {
  beforeAll(() => {
    launch(ROUTE)
    // Taro looks the API up on `wx` at call time: the user accepts one template and declines the other
    global.wx.requestSubscribeMessage = (options) => {
      events.push('subscribe')
      subscribeRequests.push(options.tmplIds)
      const res = { errMsg: 'requestSubscribeMessage:ok', TPL_REVIEW: 'accept', TPL_TODO: 'reject' }
      setTimeout(() => {
        options.success?.(res)
        options.complete?.(res)
      }, 0)
    }
  })

  it('shows the draft’s actions and timeline from the cloud', async () => {
    const page = renderPage(ROUTE, { id: ID })
    await waitFor(() => page.dom.textContent.includes('我已提交备案'), 5000)
    expect(page.dom.textContent).toContain('填写备案信息')
    expect(page.dom.textContent).toContain('放弃本次备案')
    expect(page.dom.textContent).toContain('提醒与日历')
    expect(cloud.calls.some((c) => c.fn === 'filings' && c.action === 'get' && c.data.id === ID)).toBe(true)
  })

  it('asks for the reminders inside the confirming tap, then records 我已提交 with the version', async () => {
    const page = renderPage(ROUTE, { id: ID })
    await waitFor(() => page.dom.textContent.includes('我已提交备案'), 5000)
    await waitFor(() => cloud.calls.some((c) => c.fn === 'subscriptions' && c.action === 'status'))
    events.length = 0
    await tap(page, 'progress__action--submit')
    // the form asks when it was submitted (刚刚 by default); the confirming tap asks for the reminders
    await waitFor(() => page.dom.textContent.includes('什么时候提交的？'), 5000)
    expect(events).toEqual([])
    await tap(page, 'progress-form__confirm--submit')
    await waitFor(() => page.dom.textContent.includes('已记录：我已提交备案'), 5000)
    expect(events).toEqual(['subscribe', 'advance:submit@3'])
    expect(subscribeRequests).toEqual([['TPL_REVIEW', 'TPL_TODO']])
    await waitFor(() => cloud.calls.some((c) => c.fn === 'subscriptions' && c.action === 'record'))
    const recorded = cloud.calls.find((c) => c.fn === 'subscriptions' && c.action === 'record')
    expect(recorded.data.results).toEqual([
      { template: 'review_progress', result: 'accept' },
      { template: 'todo_reminder', result: 'reject' }
    ])
    await waitFor(() => page.dom.textContent.includes('已订阅：备案审核进度提醒'))
    // now in 平台初审: its own actions
    expect(page.dom.textContent).toContain('初审通过，已收到12381短信')
    expect(() => byClass(page, 'progress__action--submit')).toThrow()
  })
})
