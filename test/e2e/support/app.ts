/**
 * What the E2E tests do to the running app beyond clicking: read the session the app stored, call the API as that
 * user, answer the in-app reminder dialog, and wait for a page to settle before a screenshot.
 */
import type { Page } from 'playwright-core'
import { baseUrl, screenshot } from './browser'

export interface ApiAnswer<T> {
  ok: boolean
  data: T
  code?: string
}

/** The HTTP session the app stored after logging in (Taro's H5 storage keeps values as JSON { data }). */
export async function sessionToken(page: Page): Promise<string> {
  return page.evaluate(
    () => (JSON.parse(localStorage.getItem('beian.api.token') ?? '{}') as { data?: string }).data ?? ''
  )
}

/** Calls the back end as the user the page is logged in as: GET without a body, POST with one. */
export async function callApi<T>(page: Page, path: string, body?: unknown): Promise<ApiAnswer<T>> {
  const token = await sessionToken(page)
  const res = await fetch(`${baseUrl()}/api/${path}`, {
    method: body === undefined ? 'GET' : 'POST',
    headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${token}` },
    body: body === undefined ? undefined : JSON.stringify(body)
  })
  return (await res.json()) as ApiAnswer<T>
}

/**
 * Answers the in-app "接收提醒" dialog the H5 build shows where a phone shows the subscription dialog. Taro's modal
 * wrapper has no box of its own (its parts are fixed-positioned): wait for its buttons. `name` names the screenshot
 * taken when no dialog comes.
 */
export async function allowReminders(page: Page, name: string): Promise<void> {
  const foot = page.locator('.taro__modal .taro-modal__foot')
  try {
    await foot.waitFor({ state: 'visible', timeout: 10_000 })
  } catch (err) {
    await screenshot(page, `${name}-failure-no-reminder-dialog`)
    throw err
  }
  await foot.getByText('允许').click()
  await foot.waitFor({ state: 'hidden' })
}

/** Tab switches slide the new page in: let it settle before a screenshot. */
export async function settled(page: Page, name: string): Promise<void> {
  await page.waitForTimeout(400)
  await screenshot(page, name)
}

/** Waits until 进度 shows the stage with this label. */
export async function stageIs(page: Page, label: string): Promise<void> {
  await page.locator('.progress__stage', { hasText: label }).waitFor()
}
