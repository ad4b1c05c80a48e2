/** What the two online-submission E2E tests (WeChat, Douyin) drive: the fake's control page, sync, photo slots. */
import path from 'node:path'
import type { Browser, Locator, Page } from 'playwright-core'
import type { FilingForm, FilingProfile } from '../../../src/domain/types'
import { baseUrl, gotoRoute, launchBrowser, openPhone, screenshot, type PhonePage } from './browser'
import { callApi, settled } from './app'
import { createFilingInPage } from './materials'

/** A photo that passes the phone's check, picked in every slot. */
export const CLEAN_PHOTO = path.resolve(__dirname, '../../fixtures/photos/clean-license.jpg')

/**
 * The one phone (390 × 844) a submission story runs on, its steps sharing the page and the login: opened before
 * the file's first test and closed after its last. Call at the top of the file; read it inside a test.
 */
export function storyPhone(): () => PhonePage {
  let browser: Browser | undefined
  let phone: PhonePage | undefined
  beforeAll(async () => {
    browser = await launchBrowser()
    phone = await openPhone(browser, 390, 844)
  })
  afterAll(async () => {
    await browser?.close()
  })
  return () => {
    if (!phone) throw new Error('the story phone opens in beforeAll')
    return phone
  }
}

/**
 * A story's first step: the phone logs in, creates the filing, connects it to its mini-program on the platform fake's
 * consent page (as the account's administrator would), and opens the filing's self-check, clean enough to submit.
 */
export async function connectCleanFiling(
  { page, context }: PhonePage,
  platform: 'wechat' | 'douyin',
  filing: { profile: FilingProfile; title: string; form: FilingForm },
  shot: string
): Promise<{ filingId: string; appId: string }> {
  await gotoRoute(page, '/pages/index/index')
  await page.waitForFunction(() => !!localStorage.getItem('beian.api.token'))
  const created = await createFilingInPage(page, filing)

  const start = await callApi<{ link: string }>(page, 'connector', { action: 'connect', data: { id: created.id } })
  expect(start.ok).toBe(true)
  const consent = await context.newPage()
  await consent.goto(start.data.link)
  const appId = await consent.locator('input[name=appid]').inputValue()
  // the account's subject is the filing's 主办单位: the fake refuses an application whose 主办单位 differs from it
  await consent.locator('input[name=subject]').fill(filing.form.owner.name!)
  await consent.locator('button', { hasText: '确认授权' }).click()
  await consent.waitForURL(new RegExp(`/api/platform/${platform}/callback`))
  await consent.close()

  await gotoRoute(page, '/filing/check-result/index')
  await page.locator('.check-result__summary--ok, .check-result__summary--warning').waitFor()
  await expect(page.locator('.check-result__item--error').count()).resolves.toBe(0)
  await page.locator('.check-result__submit').waitFor()
  await settled(page, shot)
  return { filingId: created.id, appId }
}

/** 提交备案 from the self-check: its consent comes first, nothing can be sent yet, and photos wait for the consent. */
export async function openSubmitBeforeConsent(page: Page, appId: string, shot: string) {
  await page.locator('.check-result__submit').click()
  await page.locator('.submit__consent').waitFor()
  await expect(page.locator('.submit__head').textContent()).resolves.toContain(appId)
  expect(await isDisabled(page.locator('.submit__go'))).toBe(true)
  await page.locator('.submit__blockers').waitFor()
  expect(await isDisabled(page.locator('.submit-slot__choose').first())).toBe(true)
  await wholePage(page, shot)
}

/** Every photo slot goes through the real file chooser, the phone's check, and up to the platform. */
export async function uploadEveryPhoto(page: Page, shot: string) {
  const slots = await page.locator('.submit-slot').evaluateAll((els) => els.map((e) => e.getAttribute('data-slot')!))
  expect(slots.length).toBeGreaterThanOrEqual(3)
  for (const slot of slots) await uploadSlot(page, slot)
  await page.locator('.submit__slots .submit__title', { hasText: `照片（${slots.length}/${slots.length}）` }).waitFor()
  await wholePage(page, shot)
}

/**
 * The principal's face task: started, completed on the fake's control page (as the principal's phone would), and
 * shown as passed, which leaves nothing in the way of 提交备案. Screenshots `<story>-05`, `-06`, `-07`.
 */
export async function completeFaceTask({ page, context }: PhonePage, appId: string, story: string) {
  await page.locator('.submit__face-start').click()
  await page.locator('.submit__face .submit__badge--pending').waitFor()
  await page.locator('.submit__face-refresh').waitFor()
  await wholePage(page, `${story}-05-face-pending`)

  const control = await context.newPage()
  await drive(control, appId, '人脸核身完成')
  await control.locator('li', { hasText: appId }).getByText('（已通过）').waitFor()
  await screenshot(control, `${story}-06-fake-face-done`)
  await control.close()

  await page.locator('.submit__face-refresh').click()
  await page.locator('.submit__face .submit__badge--passed').waitFor()
  expect(await isDisabled(page.locator('.submit__go'))).toBe(false)
  await expect(page.locator('.submit__blockers').count()).resolves.toBe(0)
  await wholePage(page, `${story}-07-ready`)
}

/** Presses one of the fake control page's buttons in our mini-program's row (the page a person would use). */
export async function drive(page: Page, appId: string, op: string) {
  await page.goto(`${baseUrl()}/api/platform/fake`)
  await page.locator('li', { hasText: appId }).locator('button', { hasText: op }).click()
  await page.waitForURL(/\/api\/platform\/fake$/)
}

/** The explicit sync hook (local mode): polls the connection now instead of waiting for the timer. */
export async function sync(page: Page): Promise<string[]> {
  const res = await callApi<{ synced: number; outcomes: string[] }>(page, 'dev/sync-platform', {})
  expect(res.ok).toBe(true)
  expect(res.data.synced).toBe(1)
  return res.data.outcomes
}

/** NutUI's Button is no form element on H5: its disabled state is a class. */
export const isDisabled = async (button: Locator) => ((await button.getAttribute('class')) ?? '').includes('disabled')

/**
 * The page scrolls inside Taro's page container, so `fullPage` sees one screen: grow the viewport to the content's
 * height for the picture (390 px wide all the same), then give the phone its height back.
 */
export async function wholePage(page: Page, name: string) {
  await page.waitForTimeout(400)
  const extra = await page.evaluate(() => {
    let most = 0
    for (const el of Array.from(document.querySelectorAll<HTMLElement>('*'))) {
      const style = getComputedStyle(el)
      if (/(auto|scroll)/.test(style.overflowY)) most = Math.max(most, el.scrollHeight - el.clientHeight)
    }
    return most
  })
  const size = page.viewportSize()!
  await page.setViewportSize({ width: size.width, height: size.height + extra })
  await page.evaluate(() => {
    // from the top: the taller viewport leaves the container scrolled where the last step left it
    for (const el of Array.from(document.querySelectorAll<HTMLElement>('*'))) if (el.scrollTop) el.scrollTop = 0
  })
  await page.waitForTimeout(200)
  await screenshot(page, name)
  await page.setViewportSize(size)
}

/** Picks the photo in the file chooser that one slot's 选择照片并上传 opens, and waits for the upload. */
export async function uploadSlot(page: Page, slot: string, photo = CLEAN_PHOTO) {
  const row = page.locator(`.submit-slot[data-slot="${slot}"]`)
  const [chooser] = await Promise.all([
    page.waitForEvent('filechooser', { timeout: 10_000 }),
    row.locator('.submit-slot__choose').click()
  ])
  await chooser.setFiles(photo)
  await row.locator('.submit-slot__line--ok').waitFor({ timeout: 30_000 })
  await row.locator('.submit-slot__state--done').waitFor()
}
