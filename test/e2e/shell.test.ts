import type { Browser } from 'playwright-core'
import { gotoRoute, launchBrowser, openPhone, screenshot, type PhonePage } from './support/browser'

let browser: Browser
let phone: PhonePage

beforeAll(async () => {
  browser = await launchBrowser()
  phone = await openPhone(browser)
})
afterAll(async () => {
  await browser?.close()
})

describe('H5 app shell', () => {
  it('shows the home page title without console errors', async () => {
    const { page, errors } = phone
    await gotoRoute(page, '/pages/index/index')
    await page.locator('.home-hero__title', { hasText: '备案助手' }).waitFor()
    await page.getByText('我的备案').waitFor()
    expect(await page.title()).toBe('备案助手')
    await screenshot(page, 'shell-01-home')
    expect(errors).toEqual([])
  })

  // A cold open from a QR code waits for every script of the home page: the form controls other pages draw are
  // fetched with those pages (config/index.ts, components/taro-h5-library), and still work there (submit, progress);
  // Taro's own tab bar is not shipped at all (the browser draws ours)
  it('loads no form-control or Taro tab bar web component with the home page', async () => {
    const cold = await openPhone(browser)
    const scripts: Promise<string>[] = []
    cold.page.on('response', (res) => {
      if (res.request().resourceType() === 'script') scripts.push(res.text())
    })
    await gotoRoute(cold.page, '/pages/index/index')
    await cold.page.getByText('我的备案').waitFor()
    const code = (await Promise.all(scripts)).join('\n')
    await cold.context.close()
    expect(code).toContain('taro-button-core')
    for (const tag of ['taro-picker-core', 'taro-input-core', 'taro-textarea-core', 'taro-tabbar']) {
      expect(code).not.toContain(`"${tag}"`)
    }
  })

  it.each([
    ['材料', '大多数小程序都需要', 'shell-02-materials'],
    ['进度', '还没有进行中的备案', 'shell-03-progress'],
    ['我的', '隐私保护指引', 'shell-04-mine'],
    ['首页', '我的备案', 'shell-05-home-again']
  ])('switches to the %s tab', async (tab, expectedText, shot) => {
    const { page, errors } = phone
    await page.locator('.tab-bar__item:visible', { hasText: tab }).click()
    await page.getByText(expectedText).first().waitFor()
    await screenshot(page, shot)
    expect(errors).toEqual([])
  })
})
