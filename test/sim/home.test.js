/**
 * The compiled WeChat home page (dist/weapp) rendered by miniprogram-simulate through the App/Page shim, with the
 * cloud functions stubbed: the filing cards, a tap on a card, and an invite link landing on the join page.
 */
const { installCloudStub } = require('./support/cloud-stub')
const { launch, renderPage, waitFor, tap } = require('./support/taro-shim')

const H = 3600_000
const TOKEN = 'Abc_def-0123456789abcdefghijklmn'

const FILINGS = [
  {
    id: 'a'.repeat(24),
    title: '门店预约',
    platform: 'weapp',
    stage: 'sms_verification',
    smsDeadline: new Date(Date.now() + 20 * H).toISOString(),
    updatedAt: '2026-11-24T09:30:00+08:00',
    version: 3,
    access: 'owner'
  },
  {
    id: 'b'.repeat(24),
    title: '会员积分',
    platform: 'tt',
    stage: 'approved',
    filingNumber: '京ICP备2026059598号-1X',
    updatedAt: '2026-11-20T09:30:00+08:00',
    version: 7,
    access: 'owner'
  },
  {
    id: 'c'.repeat(24),
    title: '活动报名',
    platform: 'weapp',
    stage: 'admin_review',
    updatedAt: '2026-11-18T09:30:00+08:00',
    version: 5,
    access: 'owner_principal'
  }
]

const cloud = installCloudStub({ 'filings.list': { ok: true, data: FILINGS } })

function cards(page) {
  return [...page.dom.querySelectorAll('.page--filing-card')]
}

describe('weapp 首页', () => {
  beforeAll(() => launch('pages/index/index'))

  it('renders the title and the new-filing action', async () => {
    const page = renderPage('pages/index/index')
    await waitFor(() => page.dom.textContent.includes('新建备案'))
    expect(page.dom.textContent).toContain('备案助手')
    expect(page.dom.textContent).toContain('我的备案')
  })

  it('expands the filing steps when the user taps the toggle', async () => {
    const page = renderPage('pages/index/index')
    await waitFor(() => page.dom.textContent.includes('备案要经过哪几步'))
    expect(page.dom.textContent).not.toContain('工信部短信核验后')
    await tap(page, 'home-steps-toggle')
    await waitFor(() => page.dom.textContent.includes('收到 12381 短信后 24 小时内完成核验'))
    expect(page.dom.textContent).toContain('收起')
  })

  it('lists the filings from the cloud function, each with its stage and next action', async () => {
    cloud.reset()
    const page = renderPage('pages/index/index')
    await waitFor(() => cards(page).length === 3)
    expect(cloud.calls).toContainEqual({ fn: 'filings', action: 'list', data: {} })
    const [sms, approved, invited] = cards(page).map((c) => c.textContent)
    expect(sms).toContain('门店预约')
    expect(sms).toContain('工信部短信核验')
    expect(sms).toContain('24 小时内完成短信核验')
    expect(sms).toMatch(/短信核验剩余\s*(19|20):\d{2}:\d{2}/)
    expect(approved).toContain('抖音小程序')
    expect(approved).toContain('京ICP备2026059598号-1X')
    expect(invited).toContain('受邀查看 · 主体负责人')
    expect(invited).toContain('等待管局审核')
  })

  it('tapping a card remembers it and opens the 进度 tab', async () => {
    const switchTab = jest.spyOn(global.wx, 'switchTab')
    const setStorage = jest.spyOn(global.wx, 'setStorageSync')
    const page = renderPage('pages/index/index')
    await waitFor(() => cards(page).length === 3)
    await tap(page, 'filing-card')
    await waitFor(() => switchTab.mock.calls.length > 0)
    expect(switchTab.mock.calls[0][0].url).toBe('/pages/progress/index')
    expect(setStorage).toHaveBeenCalledWith('beian:current-filing', JSON.stringify(FILINGS[0].id))
    switchTab.mockRestore()
    setStorage.mockRestore()
  })

  it('an invite link opens the join page with its token, once', async () => {
    const navigateTo = jest.spyOn(global.wx, 'navigateTo')
    const page = renderPage('pages/index/index', { invite: TOKEN })
    await waitFor(() => navigateTo.mock.calls.length > 0)
    expect(navigateTo.mock.calls[0][0].url).toBe(`/more/join/index?invite=${TOKEN}`)
    await waitFor(() => cards(page).length === 3)
    const again = renderPage('pages/index/index', { invite: TOKEN })
    // its cards come from the list call, answered after the page's entry effect and show hook have run
    await waitFor(() => cards(again).length === 3)
    expect(navigateTo).toHaveBeenCalledTimes(1)
    navigateTo.mockRestore()
  })

  it('says so when the list cannot be loaded, and 重试 loads it', async () => {
    cloud.set('filings.list', { ok: false, code: 'FORBIDDEN', message: '没有权限执行此操作', fieldErrors: {} })
    const page = renderPage('pages/index/index')
    await waitFor(() => page.dom.textContent.includes('没有权限执行此操作'))
    cloud.set('filings.list', { ok: true, data: FILINGS.slice(0, 1) })
    await tap(page, 'load-state__retry')
    await waitFor(() => cards(page).length === 1)
  })
})
