/**
 * The compiled WeChat wizard (dist/weapp/filing/wizard, a subpackage page) in miniprogram-simulate: the user picks a
 * platform, goes on, picks a province and sees the checklist; the cloud function creates the filing at the end.
 */
const simulate = require('miniprogram-simulate')
const { installCloudStub } = require('./support/cloud-stub')
const { launch, renderPage, waitFor, tap } = require('./support/taro-shim')

const ROUTE = 'filing/wizard/index'

const cloud = installCloudStub({
  'filings.create': (input) => ({ ok: true, data: { id: 'f'.repeat(24), title: input.title } }),
  'filings.list': { ok: true, data: [] }
})

/**
 * miniprogram-simulate's SelectorQuery does not chain (`select()` returns nothing); NutUI's NoticeBar measures
 * itself with `createSelectorQuery().select(…).boundingClientRect().exec(…)`. A phone-width answer is enough here.
 */
function installSelectorQuery() {
  global.wx.createSelectorQuery = () => {
    const pending = []
    const rect = { top: 0, left: 0, right: 320, bottom: 20, width: 320, height: 20 }
    const query = {
      in: () => query,
      select: () => node,
      selectAll: () => node,
      selectViewport: () => node,
      exec(callback) {
        const results = pending.splice(0)
        setTimeout(() => callback && callback(results), 0)
        return query
      }
    }
    const answer = (value, callback) => {
      pending.push(value)
      if (callback) callback(value)
      return query
    }
    const node = {
      boundingClientRect: (callback) => answer(rect, callback),
      scrollOffset: (callback) => answer({ scrollLeft: 0, scrollTop: 0 }, callback),
      fields: (_fields, callback) => answer(rect, callback)
    }
    return query
  }
}

/** Taps the element whose own text is `text` among those with `className` (e.g. one radio option). */
async function tapText(page, className, text) {
  const el = [...page.dom.querySelectorAll(`.page--${className}`)].find((e) => e.textContent.trim() === text)
  if (!el) throw new Error(`no .${className} with text ${text}`)
  page.querySelector('#' + el.getAttribute('data-sid')).dispatchEvent('tap')
  await simulate.sleep(0)
}

function isActive(page, className, text) {
  const el = [...page.dom.querySelectorAll(`.page--${className}`)].find((e) => e.textContent.trim() === text)
  return el.getAttribute('class').includes('nut-radio-button-active')
}

describe('weapp 新建备案向导', () => {
  beforeAll(() => {
    installSelectorQuery()
    launch('pages/index/index')
  })
  beforeEach(() => global.wx.clearStorageSync?.())

  it('starts on 平台与类型 with WeChat chosen', async () => {
    const page = renderPage(ROUTE)
    await waitFor(() => page.dom.textContent.includes('在哪个平台备案？'))
    expect(isActive(page, 'nut-radio-button', '微信')).toBe(true)
    expect(page.dom.textContent).toContain('下一步')
  })

  it('a tap on a platform option selects it, and 下一步 shows step 2', async () => {
    const page = renderPage(ROUTE)
    await waitFor(() => page.dom.textContent.includes('在哪个平台备案？'))
    await tapText(page, 'nut-radio-button', '抖音')
    await waitFor(() => isActive(page, 'nut-radio-button', '抖音'))
    expect(isActive(page, 'nut-radio-button', '微信')).toBe(false)
    await tap(page, 'wizard__next')
    await waitFor(() => page.dom.textContent.includes('备案所在省份'))
    expect(page.dom.textContent).toContain('请选择备案所在省份')
  })

  it('choosing the province shows the checklist; going back to change the owner type changes step 2', async () => {
    const page = renderPage(ROUTE)
    await waitFor(() => page.dom.textContent.includes('在哪个平台备案？'))
    await tap(page, 'wizard__next')
    await waitFor(() => page.dom.textContent.includes('备案所在省份'))
    expect(page.dom.textContent).not.toContain('你需要准备')
    await tapText(page, 'nut-radio-button', '北京')
    await waitFor(() => page.dom.textContent.includes('你需要准备'))
    expect(page.dom.textContent).toContain('主体负责人身份证')
    await tap(page, 'wizard__back')
    await waitFor(() => page.dom.textContent.includes('在哪个平台备案？'))
    await tapText(page, 'nut-radio-button', '个人')
    await tap(page, 'wizard__next')
    await waitFor(() => page.dom.textContent.includes('身份证签发地（户籍省份）'))
  })

  it('the preset platform from an entry link (?platform=alipay) is selected', async () => {
    const page = renderPage(ROUTE, { platform: 'alipay' })
    await waitFor(() => page.dom.textContent.includes('在哪个平台备案？'))
    expect(isActive(page, 'nut-radio-button', '支付宝')).toBe(true)
  })

  it('the cloud function is not called before the last step', async () => {
    const page = renderPage(ROUTE)
    await waitFor(() => page.dom.textContent.includes('在哪个平台备案？'))
    expect(cloud.calls.filter((c) => c.action === 'create')).toHaveLength(0)
  })
})
