/**
 * 我的数据: export everything the back end holds about me, and delete all of it — on the server first, then on
 * this device (drafts, the current filing, the session), so nothing is left behind either side.
 */
import { api, forgetSession } from './api'
import type { ApiOutput, Envelope, MyDataExport } from './api-types'
import { runtimePlatform } from './platform'
import { forgetDraftKey } from './draft-crypto'
import { clearAppStorage } from './storage'

export const exportMyData = (): Promise<Envelope<MyDataExport>> => api.filings.export({})

/** The export as people read it: indented JSON. */
export function formatExport(data: MyDataExport): string {
  return JSON.stringify(data, null, 2)
}

/** `beian-data-2026-11-24.json` (the export's own date, Shanghai time). */
export function exportFileName(data: MyDataExport): string {
  const date = /^\d{4}-\d{2}-\d{2}/.exec(data.exportedAt)?.[0] ?? 'export'
  return `beian-data-${date}.json`
}

/** Only a browser can hand a file to the user directly; mini-programs copy the text instead. */
export function canDownloadFile(): boolean {
  return (
    runtimePlatform() === 'h5' &&
    typeof document !== 'undefined' &&
    typeof URL !== 'undefined' &&
    typeof URL.createObjectURL === 'function'
  )
}

/** Downloads a text file in the browser (H5); false where that is not possible. */
export function downloadTextFile(fileName: string, text: string, type = 'application/json'): boolean {
  if (!canDownloadFile()) return false
  try {
    const url = URL.createObjectURL(new Blob([text], { type: `${type};charset=utf-8` }))
    const link = document.createElement('a')
    link.href = url
    link.download = fileName
    link.rel = 'noopener'
    document.body.appendChild(link)
    link.click()
    link.remove()
    // the click has started the download; the object URL can go
    setTimeout(() => URL.revokeObjectURL(url), 1000)
    return true
  } catch {
    return false
  }
}

/**
 * Deletes all my data on the server, then this device's copies (drafts, current filing, session). Device data is
 * cleared only once the server confirmed, so a failed call leaves everything as it was and can be retried.
 */
export async function deleteAllMyData(): Promise<Envelope<ApiOutput<'filings', 'purge'>>> {
  const result = await api.filings.purge({ confirm: true })
  if (result.ok) {
    clearAppStorage()
    // the H5 device id too: a later visit starts as a new user, not as the emptied old one
    forgetSession({ device: true })
    forgetDraftKey()
  }
  return result
}
