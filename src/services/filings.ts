import type { FilingForm, FilingProfile } from '../domain/types'
import { api } from './api'
import type { Envelope, FilingView } from './api-types'
import { readJson, removeKey, writeJson } from './storage'

/** The filing the tabs (材料, 进度) show; the home page switches it. */
const CURRENT_KEY = 'current-filing'

export function currentFilingId(): string | undefined {
  return readJson<string>(CURRENT_KEY)
}

export function setCurrentFilingId(id: string | undefined): void {
  if (id) writeJson(CURRENT_KEY, id)
  else removeKey(CURRENT_KEY)
}

/**
 * Creates the filing from the wizard's answers (and the form they already fill) and makes it the current one;
 * `clientRef` makes a retry safe.
 */
export async function createFiling(
  profile: FilingProfile,
  clientRef: string,
  form?: FilingForm
): Promise<Envelope<FilingView>> {
  const title = profile.texts.appName?.trim() || profile.texts.ownerName?.trim() || '未命名小程序'
  // The same clientRef on a retry makes the server answer with the filing it already created
  const result = await api.filings.create({ profile, title, clientRef, ...(form ? { form } : {}) })
  if (result.ok) setCurrentFilingId(result.data.id)
  return result
}

export const listFilings = () => api.filings.list({})
export const getFiling = (id: string) => api.filings.get({ id })
