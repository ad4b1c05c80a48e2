import type { Page } from 'playwright-core'
import type { FilingForm, FilingProfile } from '../../../src/domain/types'

/**
 * Creates a filing as the browser's own user, through the same HTTP API the app calls, with the session the app
 * stored after its own login (so open an app page first). Returns the filing's id and version.
 */
export async function createFilingInPage(
  page: Page,
  input: { profile: FilingProfile; title: string; form?: FilingForm }
): Promise<{ id: string; version: number }> {
  return page.evaluate(async ({ profile, title, form }) => {
    const raw = localStorage.getItem('beian.api.token')
    const token = raw ? (JSON.parse(raw) as { data: string }).data : ''
    if (!token) throw new Error('the app has not logged in yet')
    const call = async (action: string, data: unknown) => {
      const res = await fetch('/api/filings', {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${token}` },
        body: JSON.stringify({ action, data })
      })
      const body = await res.json()
      if (!body.ok) throw new Error(`${action}: ${body.code} ${body.message}`)
      return body.data as { id: string; version: number }
    }
    let filing = await call('create', { profile, title, clientRef: `e2e-${Date.now()}` })
    if (form) filing = await call('update', { id: filing.id, version: filing.version, form })
    return { id: filing.id, version: filing.version }
  }, input)
}

/** The filing as the server has it now (the owner's masked view). */
export async function getFilingInPage(
  page: Page,
  id: string
): Promise<{ version: number; materials: Record<string, string> }> {
  return page.evaluate(async (filingId) => {
    const token = (JSON.parse(localStorage.getItem('beian.api.token') ?? '{}') as { data?: string }).data
    const res = await fetch('/api/filings', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${token}` },
      body: JSON.stringify({ action: 'get', data: { id: filingId } })
    })
    const body = await res.json()
    if (!body.ok) throw new Error(`get: ${body.code} ${body.message}`)
    return body.data
  }, id)
}

/** Polls the server until the filing's material statuses equal `expected` (a save runs after the tap's repaint). */
export async function waitForMaterials(page: Page, id: string, expected: Record<string, string>, timeoutMs = 10000) {
  const until = Date.now() + timeoutMs
  let last: Record<string, string> = {}
  while (Date.now() < until) {
    last = (await getFilingInPage(page, id)).materials
    if (JSON.stringify(sorted(last)) === JSON.stringify(sorted(expected))) return
    await page.waitForTimeout(200)
  }
  throw new Error(`materials are ${JSON.stringify(last)}, expected ${JSON.stringify(expected)}`)
}

const sorted = (o: Record<string, string>) =>
  Object.fromEntries(Object.entries(o).sort(([a], [b]) => a.localeCompare(b)))
