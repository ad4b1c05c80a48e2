/**
 * Four gaps a user of the H5 build noticed, at 390×844: the wizard's dead end (reason + alternatives) comes into the
 * first screen; the wizard stepper (注销 and 新增 alike) draws no white box behind its labels; the timeline says who
 * recorded each step; and 首页 shows a stage recorded on 进度 when the app was opened there.
 * Screenshots: test/artifacts/e2e/ux-*.png.
 */
import path from 'node:path'
import type { Browser, Locator, Page } from 'playwright-core'
import { SAMPLE_PROFILE } from '../../src/domain/samples'
import { ARTIFACTS, gotoRoute, launchBrowser, openPhone, screenshot, type PhonePage } from './support/browser'
import { allowReminders, settled, stageIs } from './support/app'
import { createFilingInPage } from './support/materials'

jest.setTimeout(120_000)

const HEIGHT = 844
let browser: Browser
let phone: PhonePage

beforeAll(async () => {
  browser = await launchBrowser()
})
beforeEach(async () => {
  phone = await openPhone(browser, 390, HEIGHT)
})
afterEach(async () => {
  await phone?.context.close()
})
afterAll(async () => {
  await browser?.close()
})

/** The part of the screen above the fixed footer (下一步) and below the title bar. */
async function visibleBand(page: Page): Promise<{ top: number; bottom: number }> {
  const footer = await page.locator('.page-shell__footer').boundingBox()
  return { top: 0, bottom: footer ? footer.y : HEIGHT }
}

async function onScreen(page: Page, target: Locator): Promise<boolean> {
  const box = await target.boundingBox()
  const band = await visibleBand(page)
  return !!box && box.y >= band.top && box.y + box.height <= band.bottom
}

const province = (page: Page, grid: number, label: string) =>
  page.locator('.wizard__provinces').nth(grid).getByText(label, { exact: true })

describe('UX gaps on H5 at 390 px', () => {
  it('1. a dead end brings its reason and alternatives into the first screen', async () => {
    const { page } = phone
    await gotoRoute(page, '/filing/wizard/index')
    await page.locator('.wizard__steps').waitFor()
    await page.locator('.wizard__choices').nth(2).getByText('个人', { exact: true }).click()
    await page.locator('.wizard__next').click()
    await province(page, 0, '内蒙古').click()
    await province(page, 1, '河南').click()
    const deadEnd = page.locator('.wizard__dead-end')
    await deadEnd.waitFor()
    await page.waitForTimeout(700) // the scroll animates over 300 ms
    expect(await onScreen(page, deadEnd.locator('.wizard__dead-end-reason'))).toBe(true)
    const alternatives = deadEnd.locator('.wizard__alternative')
    expect(await alternatives.count()).toBeGreaterThan(0)
    for (let i = 0; i < (await alternatives.count()); i++) expect(await onScreen(page, alternatives.nth(i))).toBe(true)
    await screenshot(page, 'ux-01-dead-end-first-screen')
  })

  it('2. the 注销 wizard stepper has no white boxes behind its labels', async () => {
    const { page } = phone
    await gotoRoute(page, '/filing/wizard/index')
    const steps = page.locator('.wizard__steps')
    await steps.waitFor()
    await page.getByText('注销备案', { exact: true }).click()
    await page.locator('.nut-step-title', { hasText: '要注销的备案' }).waitFor()
    const backgrounds = await page.evaluate(() => {
      const pageGrey = getComputedStyle(document.querySelector('.wizard') as Element).backgroundColor
      const parts = document.querySelectorAll('.wizard__steps .nut-step-title, .wizard__steps .nut-step-line')
      return { pageGrey, parts: [...parts].map((el) => getComputedStyle(el).backgroundColor) }
    })
    expect(backgrounds.parts.length).toBeGreaterThan(0)
    for (const bg of backgrounds.parts) expect(bg).toBe(backgrounds.pageGrey)
    await screenshot(page, 'ux-02-cancel-wizard')
    await steps.screenshot({ path: path.join(ARTIFACTS, 'ux-02-cancel-stepper.png') })
  })

  it('3. the timeline says who recorded each step', async () => {
    const { page } = phone
    await gotoRoute(page, '/pages/index/index')
    await page.waitForFunction(() => !!localStorage.getItem('beian.api.token'))
    const filing = await createFilingInPage(page, { profile: SAMPLE_PROFILE, title: '记录人' })
    await gotoRoute(page, `/pages/progress/index?id=${filing.id}`)
    await page.locator('.progress__action--submit').click()
    await page.locator('.progress-form__confirm--submit').click()
    await allowReminders(page, 'ux-03')
    await stageIs(page, '平台初审')
    const recorded = page.locator('.stage-timeline__by')
    await recorded.first().waitFor()
    expect(await recorded.allTextContents()).toEqual([' · 由我记录', ' · 由我记录'])
    await page.locator('.stage-timeline').scrollIntoViewIfNeeded()
    await settled(page, 'ux-03-timeline-recorded-by')
  })

  it('4. opened on 进度, a stage recorded there shows on 首页 without a reload', async () => {
    const { page } = phone
    await gotoRoute(page, '/pages/index/index')
    await page.waitForFunction(() => !!localStorage.getItem('beian.api.token'))
    const filing = await createFilingInPage(page, { profile: SAMPLE_PROFILE, title: '首页刷新' })
    // a fresh start of the app on 进度 (a shared link): the home list is asked for at launch
    await gotoRoute(page, `/pages/progress/index?id=${filing.id}`)
    await page.reload()
    await page.locator('.progress__action--submit').click()
    await page.locator('.progress-form__confirm--submit').click()
    await allowReminders(page, 'ux-04')
    await stageIs(page, '平台初审')
    await page.locator('.tab-bar__item:visible', { hasText: '首页' }).click()
    await page
      .locator('.filing-card', { hasText: '首页刷新' })
      .locator('.filing-card__stage', { hasText: '平台初审' })
      .waitFor({ timeout: 15_000 })
    await settled(page, 'ux-04-home-after-progress')
    expect(phone.errors).toEqual([])
  })
})
