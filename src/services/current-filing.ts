/**
 * The filing the 材料 and 进度 tabs and the filing sub-pages show, and the one way to save changes to it:
 * the change goes to device storage first (a crash or relaunch loses nothing), then to the back end with the
 * record's `version`; a newer version on the server comes back as a conflict for the page to ask about.
 */
import { toUtcIso } from '../domain/time'
import type { MaterialStatus } from '../domain/types'
import { api } from './api'
import type { ErrorEnvelope, FilingView } from './api-types'
import { currentFilingId, setCurrentFilingId } from './filings'
import { mostUrgentFiling } from './most-urgent'
import { readJson, removeKey, writeJson } from './storage'

/** Parts of a filing saved through `saveFilingPatch` (the form has its own encrypted draft: services/form-draft). */
export interface FilingPatch {
  title?: string
  materials?: Record<string, MaterialStatus>
}

interface PendingPatch {
  id: string
  /** The version the user edited; the server must still have it. */
  baseVersion: number
  patch: FilingPatch
  savedAt: string
}

const pendingKey = (id: string) => `pending:${id}`

export function pendingPatch(id: string): PendingPatch | undefined {
  return readJson<PendingPatch>(pendingKey(id))
}

export function discardPendingPatch(id: string): void {
  removeKey(pendingKey(id))
}

export type LoadResult =
  | { state: 'ready'; filing: FilingView }
  /** The user has no filing yet (or the one remembered was deleted). */
  | { state: 'empty' }
  | { state: 'error'; error: ErrorEnvelope }

/** A filing with the user's unsaved local changes laid over it (they are retried by the next save). */
function withPending(filing: FilingView): FilingView {
  const pending = pendingPatch(filing.id)
  if (!pending) return filing
  return {
    ...filing,
    title: pending.patch.title ?? filing.title,
    materials: pending.patch.materials ? { ...filing.materials, ...pending.patch.materials } : filing.materials
  }
}

/**
 * Loads `id`, or the remembered current filing, or else the most recently updated one the user owns.
 * `reveal` asks for the owner's own sensitive values in full (the self-check form); `mostUrgent` (材料) starts from
 * the filing that most needs the user now instead of the one opened last.
 */
export async function loadFiling(id?: string, reveal = false, mostUrgent = false): Promise<LoadResult> {
  let target = id ?? currentFilingId()
  if (!id && mostUrgent) {
    const list = await api.filings.list({})
    if (!list.ok) return { state: 'error', error: list }
    target = mostUrgentFiling(list.data)?.id ?? target
  }
  if (!target) {
    const list = await api.filings.list({})
    if (!list.ok) return { state: 'error', error: list }
    const newest = [...list.data].sort((a, b) => b.updatedAt.localeCompare(a.updatedAt))[0]
    if (!newest) return { state: 'empty' }
    target = newest.id
  }
  const result = await api.filings.get({ id: target, reveal })
  if (result.ok) {
    setCurrentFilingId(result.data.id)
    return { state: 'ready', filing: withPending(result.data) }
  }
  if (result.code === 'NOT_FOUND' || result.code === 'FORBIDDEN') {
    // the remembered filing is gone (deleted, or an invite revoked): fall back to the newest one
    if (!id && currentFilingId() === target) {
      setCurrentFilingId(undefined)
      return loadFiling(undefined, reveal)
    }
    return { state: 'empty' }
  }
  return { state: 'error', error: result }
}

export type SaveResult =
  | { ok: true; filing: FilingView }
  /** Someone (another device, the invited principal's action) saved first: show both, let the user choose. */
  | { ok: false; conflict: FilingView; pending: FilingPatch }
  /** Kept on the device; `offline` when it is worth retrying later. */
  | { ok: false; error: ErrorEnvelope; offline: boolean }

/** Saves `patch` on top of `base` (the version the user saw). The patch is on the device before the call. */
export async function saveFilingPatch(base: FilingView, patch: FilingPatch): Promise<SaveResult> {
  const previous = pendingPatch(base.id)
  const merged: FilingPatch = {
    title: patch.title ?? previous?.patch.title,
    materials:
      patch.materials || previous?.patch.materials ? { ...previous?.patch.materials, ...patch.materials } : undefined
  }
  const baseVersion = previous?.baseVersion ?? base.version
  writeJson(pendingKey(base.id), { id: base.id, baseVersion, patch: merged, savedAt: toUtcIso(Date.now()) })
  const result = await api.filings.update({
    id: base.id,
    version: baseVersion,
    ...(merged.title !== undefined ? { title: merged.title } : {}),
    ...(merged.materials ? { materials: { ...base.materials, ...merged.materials } } : {})
  })
  if (result.ok) {
    discardPendingPatch(base.id)
    return { ok: true, filing: { ...result.data } }
  }
  if (result.code === 'CONFLICT') {
    const latest = await api.filings.get({ id: base.id })
    if (latest.ok) return { ok: false, conflict: latest.data, pending: merged }
  }
  return { ok: false, error: result, offline: result.code === 'UNAVAILABLE' }
}

/** After a conflict: "use mine" re-bases the pending change on the server's version and saves again. */
export function keepMineOver(latest: FilingView): Promise<SaveResult> {
  const pending = pendingPatch(latest.id)
  discardPendingPatch(latest.id)
  return saveFilingPatch(latest, pending?.patch ?? {})
}

/** After a conflict: "use theirs" drops the local change. */
export function takeTheirs(latest: FilingView): FilingView {
  discardPendingPatch(latest.id)
  return latest
}
