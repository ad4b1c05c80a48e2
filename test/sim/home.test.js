/**
 * The compiled WeChat home page (dist/weapp) rendered by miniprogram-simulate through the App/Page shim.
 */
const { launch, renderPage, waitFor, tap } = require('./support/taro-shim')

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
    expect(page.dom.textContent).not.toContain('工信部短信核验')
    await tap(page, 'home-steps-toggle')
    await waitFor(() => page.dom.textContent.includes('工信部短信核验'))
    expect(page.dom.textContent).toContain('收起')
  })
})
