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

  it.each([
    ['材料', '大多数小程序都需要', 'shell-02-materials'],
    ['进度', '还没有进行中的备案', 'shell-03-progress'],
    ['我的', '隐私保护指引', 'shell-04-mine'],
    ['首页', '我的备案', 'shell-05-home-again']
  ])('switches to the %s tab', async (tab, expectedText, shot) => {
    const { page, errors } = phone
    await page.locator('.weui-tabbar__item', { hasText: tab }).click()
    await page.getByText(expectedText).first().waitFor()
    await screenshot(page, shot)
    expect(errors).toEqual([])
  })
})
