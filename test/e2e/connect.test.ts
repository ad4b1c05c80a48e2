/**
 * Connect a filing to its mini-program through the app (H5 build, server run with
 * BEIAN_PLATFORM=fake), authorise on the fake's consent page, drive the fake WeChat platform 2 → 4 (SMS 1) → 6 from its
 * control page and sync through the local-mode hook: 进度 follows by itself (平台同步, the SMS window, the 备案号) and
 * the agency list shows the mini-program. Screenshots: test/artifacts/e2e/connect-*.png.
 */
import type { Browser, Page } from 'playwright-core'
import { SAMPLE_PROFILE } from '../../src/domain/samples'
import { baseUrl, gotoRoute, launchBrowser, openPhone, screenshot, type PhonePage } from './support/browser'
import { callApi, settled } from './support/app'

jest.setTimeout(90_000)

let browser: Browser
let phone: PhonePage
let filingId = ''
let appId = ''

beforeAll(async () => {
  browser = await launchBrowser()
  phone = await openPhone(browser)
})
afterAll(async () => {
  await browser?.close()
})

/** Presses one of the fake control page's buttons for our mini-program (the page a person would use). */
async function drive(page: Page, op: string) {
  await page.goto(`${baseUrl()}/api/platform/fake`)
  const row = page.locator('li', { hasText: appId })
  await row.locator('button', { hasText: op }).click()
  await page.waitForURL(/\/api\/platform\/fake$/)
}

/** The explicit sync hook (local mode): polls the caller's connections now instead of waiting for the timer. */
async function sync(page: Page) {
  const res = await callApi<{ synced: number; outcomes: string[] }>(page, 'dev/sync-platform', {})
  expect(res.ok).toBe(true)
  expect(res.data.synced).toBe(1)
  return res.data.outcomes
}

describe('连接小程序 on H5 against the platform fake', () => {
  it('1. a new filing offers 连接小程序 and shows the authorisation as a QR code and a link', async () => {
    const { page } = phone
    await gotoRoute(page, '/pages/index/index')
    await page.locator('.home-hero__cta').waitFor()
    // the app logs in on its first call: wait for the session it stores
    await page.waitForFunction(() => !!localStorage.getItem('beian.api.token'))
    const created = await callApi<{ id: string }>(page, 'filings', {
      action: 'create',
      // 广东: the fake assigns 粤ICP备 numbers, and a number of another province is refused
      data: { profile: { ...SAMPLE_PROFILE, province: '44' }, title: '连接测试小程序', clientRef: 'e2e-connect-1' }
    })
    expect(created.ok).toBe(true)
    filingId = created.data.id

    // home (reloaded: the same hash route would not load the list again): the unconnected card offers it
    await page.reload()
    await page.locator('.filing-card__connect').first().waitFor()
    await page.locator('.filing-card__connect').first().click()
    await page.locator('.connect__start').waitFor()
    await settled(page, 'connect-01-intro')
    await page.locator('.connect__start').click()
    await page.locator('.connect__auth .qr-code').waitFor()
    await expect(page.locator('.qr-code__dark').count()).resolves.toBeGreaterThan(50)
    await settled(page, 'connect-02-qr-link')
  })

  it('2. the administrator authorises on the (fake) consent page; the filing is connected', async () => {
    const { page, context } = phone
    const link = (await page.locator('.connect__link-text').textContent())?.trim() ?? ''
    expect(link).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/api\/platform\/fake\/wechat\//)
    const consent = await context.newPage()
    await consent.goto(link)
    appId = await consent.locator('input[name=appid]').inputValue()
    expect(appId).toMatch(/^wxfake/)
    await screenshot(consent, 'connect-03-consent')
    await consent.locator('button', { hasText: '确认授权' }).click()
    await consent.waitForURL(/\/api\/platform\/wechat\/callback/)
    await screenshot(consent, 'connect-04-callback')
    await consent.close()

    await page.locator('.connect__refresh').click()
    await page.locator('.connect__status').waitFor()
    await expect(page.locator('.connect__status').textContent()).resolves.toContain(appId)
    await settled(page, 'connect-05-connected')
  })

  it('3. the fake moves 2 → 4 (SMS 1) → 6 and 进度 follows by itself', async () => {
    const { page, context } = phone
    const control = await context.newPage()

    await drive(control, '2 平台审核中')
    expect(await sync(page)).toEqual(['advanced'])
    await drive(control, '4 管局审核 · 等待短信核验')
    expect(await sync(page)).toEqual(['advanced'])

    await gotoRoute(page, `/pages/progress/index?id=${filingId}`)
    await page.locator('.progress__stage', { hasText: '短信核验' }).waitFor()
    await expect(page.locator('.progress__synced').textContent()).resolves.toContain('平台同步')
    await expect(page.locator('.stage-timeline__synced').count()).resolves.toBeGreaterThanOrEqual(2)
    await settled(page, 'connect-06-progress-sms')

    await drive(control, '6 已备案')
    await screenshot(control, 'connect-07-fake-control')
    await sync(page) // the result push may already have synced it: 'advanced' or 'unchanged'
    await control.close()

    await page.reload() // the same route again: reload to load it afresh
    await page.locator('.progress-approved__number').waitFor()
    await expect(page.locator('.progress-approved__number').textContent()).resolves.toMatch(/ICP备\d+号/)
    await expect(page.locator('.stage-timeline__synced').count()).resolves.toBeGreaterThanOrEqual(3)
    await settled(page, 'connect-08-progress-approved')
  })

  it('4. a second mini-program waiting for the SMS comes first in the agency list; the filter narrows it', async () => {
    const { page, context } = phone
    // a studio's second client: connected the same way (link → consent), then moved to 4 with SMS 1
    const second = await callApi<{ id: string }>(page, 'filings', {
      action: 'create',
      data: { profile: { ...SAMPLE_PROFILE, province: '44' }, title: '第二个客户小程序', clientRef: 'e2e-connect-2' }
    })
    expect(second.ok).toBe(true)
    const start = await callApi<{ link: string }>(page, 'connector', {
      action: 'connect',
      data: { id: second.data.id }
    })
    expect(start.ok).toBe(true)
    const consent = await context.newPage()
    await consent.goto(start.data.link)
    const firstAppId = appId
    appId = await consent.locator('input[name=appid]').inputValue()
    await consent.locator('button', { hasText: '确认授权' }).click()
    await consent.waitForURL(/\/api\/platform\/wechat\/callback/)
    await drive(consent, '2 平台审核中')
    await drive(consent, '4 管局审核 · 等待短信核验')
    await consent.close()
    const outcomes = await callApi<{ outcomes: string[] }>(page, 'dev/sync-platform', {})
    expect(outcomes.data.outcomes).toContain('advanced')

    // home: two connected → the agency entry
    await gotoRoute(page, '/pages/index/index')
    await page.reload()
    await page.locator('.home-agency', { hasText: '我连接的小程序（2）' }).click()
    await page.locator('.agency-item').nth(1).waitFor()
    const titles = await page.locator('.agency-item__title').allTextContents()
    expect(titles).toEqual(['第二个客户小程序', '连接测试小程序'])
    await expect(page.locator('.agency-item').first().textContent()).resolves.toContain('短信核验截止')
    await settled(page, 'connect-09-agency')

    // the list drawn before the click also holds that item: wait for the filtered list, then check it is that item
    await page.locator('.agency__filter', { hasText: '已备案' }).click()
    await page.waitForFunction(
      () => document.querySelectorAll('.agency-item').length === 1 && !document.querySelector('.load-state--loading')
    )
    await expect(page.locator('.agency-item').count()).resolves.toBe(1)
    await page.locator('.agency-item', { hasText: firstAppId }).waitFor()
    await page.locator('.agency__filter', { hasText: '被驳回' }).click()
    await page.locator('.load-state--empty').waitFor()
    appId = firstAppId
  })

  it('5. the connection page shows the final status; no console errors', async () => {
    const { page, errors } = phone
    await gotoRoute(page, `/filing/connect/index?id=${filingId}`)
    await page.locator('.connect__status').waitFor()
    await expect(page.locator('.connect__status').textContent()).resolves.toContain('已备案')
    await settled(page, 'connect-10-status-final')
    expect(errors).toEqual([])
  })
})
