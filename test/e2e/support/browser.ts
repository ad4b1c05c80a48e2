import fs from 'node:fs'
import path from 'node:path'
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core'

/** Where E2E screenshots go (git-ignored); look at them after a run. */
export const ARTIFACTS = path.resolve(__dirname, '../../artifacts/e2e')

export const baseUrl = (): string => {
  const url = process.env.BEIAN_E2E_URL
  if (!url) throw new Error('BEIAN_E2E_URL is not set: the e2e global setup starts the server')
  return url
}

export async function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROME || '/usr/bin/chromium',
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
      '--disable-quic'
    ]
  })
}

export interface PhonePage {
  context: BrowserContext
  page: Page
  /** Console errors and uncaught exceptions seen so far. */
  errors: string[]
}

/** A phone-sized page (iPhone SE width by default) that records console errors. */
export async function openPhone(browser: Browser, width = 375, height = 740): Promise<PhonePage> {
  const context = await browser.newContext({ viewport: { width, height }, deviceScaleFactor: 2, locale: 'zh-CN' })
  const page = await context.newPage()
  const errors: string[] = []
  page.on('pageerror', (e) => errors.push(String(e)))
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(m.text())
  })
  return { context, page, errors }
}

export async function screenshot(page: Page, name: string): Promise<string> {
  fs.mkdirSync(ARTIFACTS, { recursive: true })
  const file = path.join(ARTIFACTS, `${name}.png`)
  await page.screenshot({ path: file, fullPage: true })
  return file
}

/** Opens an app route in hash mode, e.g. `goto(page, '/pages/index/index')`. */
export async function gotoRoute(page: Page, route: string): Promise<void> {
  await page.goto(`${baseUrl()}/#${route}`, { waitUntil: 'load' })
}
