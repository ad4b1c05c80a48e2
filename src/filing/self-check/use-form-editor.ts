/**
 * The self-check form's state for a page: the sync machine (form-sync.ts) bound to React state and to the page's
 * show/hide events.
 */
import { useCallback, useEffect, useReducer, useRef, useState } from 'react'
import { useDidHide, useDidShow } from '../../services/page-hooks'
import type { FilingForm, FilingProfile } from '../../domain/types'
import type { FieldErrors, FilingView } from '../../services/api-types'
import type { DraftWriteResult, SealedState } from '../../services/form-draft'
import { FormSync } from './form-sync'
import type { SyncStatus } from './sync-types'

export { SYNC_DEBOUNCE_MS, type SyncStatus } from './form-sync'

export interface EditorSource {
  filingId?: string
  /** The loaded filing (values revealed for the owner). */
  server?: FilingView
  /** Loading the filing failed (offline): work from the device draft alone. */
  loadFailed: boolean
  /** The page's copy of the filing, replaced when the user takes the server's version. */
  onReplace?: (filing: FilingView) => void
}

export interface FormEditor {
  ready: boolean
  form?: FilingForm
  profile?: FilingProfile
  readOnly: boolean
  /** 'locked' while the encrypted part of a restored draft waits for the key (sensitive fields read-only). */
  sealed: SealedState
  status: SyncStatus
  /** The last draft write: where the sensitive values went, and whether the device took it. */
  lastWrite?: DraftWriteResult
  /** The server's refusals by field path, cleared field by field as the user edits. */
  serverErrors: FieldErrors
  /** The server's newer version, while the user has not chosen. */
  conflict: FilingView | null
  fromDraft: boolean
  edit(path: string, value: unknown): void
  keepMine(): void
  takeTheirs(): void
  /** Sends a pending change now (before leaving the page). */
  flushNow(): void
}

export function useFormEditor({ filingId, server, loadFailed, onReplace }: EditorSource): FormEditor {
  const [, rerender] = useReducer((n: number) => n + 1, 0)
  const [status, setStatus] = useState<SyncStatus>({ kind: 'idle' })
  const [serverErrors, setServerErrors] = useState<FieldErrors>({})
  const [conflict, setConflict] = useState<FilingView | null>(null)
  const [lastWrite, setLastWrite] = useState<DraftWriteResult>()
  const [fromDraft, setFromDraft] = useState(false)
  const readOnly = !!server && server.access !== 'owner'
  const onReplaceRef = useRef(onReplace)
  onReplaceRef.current = onReplace

  // Made once: state setters and the reducer's dispatch never change, so the machine's listeners stay valid
  const [sync] = useState(
    () =>
      new FormSync({
        status: setStatus,
        lastWrite: setLastWrite,
        serverErrors: setServerErrors,
        conflict: setConflict,
        fromDraft: setFromDraft,
        changed: rerender
      })
  )

  useEffect(() => {
    sync.initialise({ filingId, server, loadFailed, readOnly })
  }, [filingId, server, loadFailed, readOnly, sync])

  useEffect(() => {
    sync.mounted = true
    return () => {
      sync.mounted = false
      // leaving with a change still waiting for its pause: send it now (it is on the device regardless)
      sync.flushPending()
    }
  }, [sync])

  useDidHide(() => sync.flushPending())
  useDidShow(() => sync.resume())

  const edit = useCallback((path: string, value: unknown) => sync.edit(path, value, readOnly), [readOnly, sync])
  const keepMine = useCallback(() => sync.keepMine(), [sync])
  const takeTheirs = useCallback(() => {
    const latest = sync.takeTheirs()
    if (!latest) return
    onReplaceRef.current?.(latest)
    rerender()
  }, [sync])
  const flushNow = useCallback(() => sync.flushPending(), [sync])

  const s = sync.snap
  return {
    ready: !!s,
    form: s?.form,
    profile: s?.profile,
    readOnly,
    sealed: s?.sealed ?? 'none',
    status,
    lastWrite,
    serverErrors,
    conflict,
    fromDraft,
    edit,
    keepMine,
    takeTheirs,
    flushNow
  }
}
