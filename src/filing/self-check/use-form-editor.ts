/**
 * The self-check form's state: the filing's form with the device draft laid over it, every edit written to the
 * draft synchronously, then sent to the back end after a short pause with the version it was made on.
 * Conflicts, refused values and lost connections are reported, never resolved by dropping the user's edits.
 */
import { useCallback, useEffect, useReducer, useRef, useState } from 'react'
import { useDidHide, useDidShow } from '@tarojs/taro'
import type { FilingForm, FilingProfile } from '../../domain/types'
import type { FieldErrors, FilingView } from '../../services/api-types'
import { loadDraftKey, mergeSensitive, splitSensitive } from '../../services/draft-crypto'
import {
  clearFormDraft,
  restoreForm,
  sameForm,
  syncFormDraft,
  unlockRestored,
  writeFormDraft,
  type DraftWriteResult,
  type SealedState
} from '../../services/form-draft'
import { setPath } from './fields'

/** Pause after the last keystroke before the form goes to the back end. */
export const SYNC_DEBOUNCE_MS = 800
const RETRY_MIN_MS = 5_000
const RETRY_MAX_MS = 60_000

export type SyncStatus =
  | { kind: 'idle' }
  /** On the device; the sync follows shortly. */
  | { kind: 'saved-locally' }
  | { kind: 'syncing' }
  | { kind: 'synced' }
  | { kind: 'offline' }
  | { kind: 'invalid'; message: string }
  | { kind: 'conflict' }
  | { kind: 'failed'; message: string }

export interface EditorSource {
  filingId?: string
  /** The loaded filing (values revealed for the owner). */
  server?: FilingView
  /** Loading the filing failed (offline): work from the device draft alone. */
  loadFailed: boolean
  /** The page's copy of the filing, replaced when the user takes the server's version. */
  onReplace?: (filing: FilingView) => void
}

interface Snapshot {
  form: FilingForm
  baseVersion: number
  profile?: FilingProfile
  sealed: SealedState
  lockedSealed?: string
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
  const snap = useRef<Snapshot | null>(null)
  const [, rerender] = useReducer((n: number) => n + 1, 0)
  const [status, setStatus] = useState<SyncStatus>({ kind: 'idle' })
  const [serverErrors, setServerErrors] = useState<FieldErrors>({})
  const [conflict, setConflict] = useState<FilingView | null>(null)
  const [lastWrite, setLastWrite] = useState<DraftWriteResult>()
  const [fromDraft, setFromDraft] = useState(false)
  const readOnly = !!server && server.access !== 'owner'

  const idRef = useRef<string>()
  const initialisedFor = useRef<string>()
  const mounted = useRef(true)
  const revision = useRef(0)
  /** Edits on the device that the server does not have yet. */
  const dirty = useRef(false)
  const timer = useRef<ReturnType<typeof setTimeout>>()
  const inFlight = useRef(false)
  const again = useRef(false)
  const unlocking = useRef(false)
  const retryDelay = useRef(RETRY_MIN_MS)
  const conflictRef = useRef<FilingView | null>(null)
  const lastWriteRef = useRef<DraftWriteResult>()
  const onReplaceRef = useRef(onReplace)
  onReplaceRef.current = onReplace

  // These functions only read refs and state setters, so the timers that call them never see stale state
  const actions = useRef({
    report(next: SyncStatus): void {
      if (mounted.current) setStatus(next)
    },

    writeDraft(s: Snapshot): DraftWriteResult {
      const result = writeFormDraft(idRef.current!, {
        baseVersion: s.baseVersion,
        form: s.form,
        profile: s.profile,
        unopenedSealed: s.sealed === 'locked' ? s.lockedSealed : undefined
      })
      lastWriteRef.current = result
      if (mounted.current) setLastWrite(result)
      return result
    },

    schedule(ms: number): void {
      clearTimeout(timer.current)
      timer.current = setTimeout(() => {
        timer.current = undefined
        void actions.flush()
      }, ms)
    },

    async flush(): Promise<void> {
      const id = idRef.current
      const s = snap.current
      if (!id || !s || conflictRef.current) return
      if (s.sealed === 'locked') return actions.unlock()
      if (inFlight.current) {
        again.current = true
        return
      }
      inFlight.current = true
      const sentRevision = revision.current
      actions.report({ kind: 'syncing' })
      const result = await syncFormDraft(id, s.baseVersion, s.form)
      inFlight.current = false
      if (snap.current !== s) return
      switch (result.kind) {
        case 'synced':
          s.baseVersion = result.version
          retryDelay.current = RETRY_MIN_MS
          if (revision.current === sentRevision) {
            clearFormDraft(id)
            dirty.current = false
            actions.report({ kind: 'synced' })
          } else {
            // edited while the request was out: keep the draft, now on the new version
            actions.writeDraft(s)
            again.current = true
          }
          if (mounted.current) setServerErrors({})
          break
        case 'conflict':
          conflictRef.current = result.latest
          again.current = false
          if (mounted.current) setConflict(result.latest)
          actions.report({ kind: 'conflict' })
          break
        case 'invalid':
          // refused before sending: the self-check's own findings already say why under each field
          if (mounted.current) setServerErrors(result.local ? {} : result.fieldErrors)
          actions.report({ kind: 'invalid', message: result.message })
          break
        case 'offline':
          actions.report({ kind: 'offline' })
          if (!again.current) actions.schedule(retryDelay.current)
          retryDelay.current = Math.min(retryDelay.current * 2, RETRY_MAX_MS)
          break
        case 'failed':
          actions.report({ kind: 'failed', message: result.error.message })
          break
      }
      if (again.current && !conflictRef.current) {
        again.current = false
        actions.schedule(SYNC_DEBOUNCE_MS)
      }
    },

    /** Opens the draft's encrypted part once the key can be had; then syncs. */
    async unlock(): Promise<void> {
      const id = idRef.current
      const s = snap.current
      if (!id || !s || s.sealed !== 'locked' || unlocking.current) return
      unlocking.current = true
      const opened = await unlockRestored(id, {
        form: s.form,
        baseVersion: s.baseVersion,
        fromDraft: true,
        sealed: 'locked',
        lockedSealed: s.lockedSealed
      })
      unlocking.current = false
      if (snap.current !== s) return
      if (opened.sealed === 'locked') {
        actions.report({ kind: 'offline' })
        actions.schedule(retryDelay.current)
        retryDelay.current = Math.min(retryDelay.current * 2, RETRY_MAX_MS)
        return
      }
      // Sensitive fields were read-only while locked: the decrypted values go over the (possibly edited) form
      if (opened.sealed === 'opened') s.form = mergeSensitive(s.form, splitSensitive(opened.form).sensitive)
      s.sealed = opened.sealed
      s.lockedSealed = undefined
      revision.current++
      actions.writeDraft(s)
      rerender()
      retryDelay.current = RETRY_MIN_MS
      actions.schedule(0)
    }
  }).current

  // Set up once per filing, as soon as there is a server copy or the load failed (then from the draft alone)
  useEffect(() => {
    if (!filingId || initialisedFor.current === filingId) return
    if (!server && !loadFailed) return
    if (server && server.id !== filingId) return
    idRef.current = filingId
    if (readOnly && server) {
      initialisedFor.current = filingId
      snap.current = {
        form: server.form,
        baseVersion: server.version,
        profile: server.profile,
        sealed: 'none'
      }
      rerender()
      return
    }
    const restored = restoreForm(
      filingId,
      server ? { form: server.form, version: server.version, profile: server.profile } : undefined
    )
    if (!restored) return
    initialisedFor.current = filingId
    snap.current = {
      form: restored.form,
      baseVersion: restored.baseVersion,
      profile: restored.profile,
      sealed: restored.sealed,
      lockedSealed: restored.lockedSealed
    }
    setFromDraft(restored.fromDraft)
    rerender()
    // fetched now so that the first edit can already be sealed; an edit made before it came is sealed once it does
    void loadDraftKey().then((key) => {
      const s = snap.current
      if (key && s && lastWriteRef.current?.sensitive === 'memory' && idRef.current === filingId) actions.writeDraft(s)
    })
    if (!restored.fromDraft) return
    dirty.current = true
    if (restored.sealed === 'locked') {
      actions.report({ kind: 'saved-locally' })
      void actions.unlock()
    } else if (server && restored.baseVersion === server.version && sameForm(restored.form, server.form)) {
      clearFormDraft(filingId)
      dirty.current = false
    } else {
      actions.report({ kind: 'saved-locally' })
      actions.schedule(0)
    }
  }, [filingId, server, loadFailed, readOnly, actions])

  useEffect(() => {
    mounted.current = true
    return () => {
      mounted.current = false
      // leaving with a change still waiting for its pause: send it now (it is on the device regardless)
      if (timer.current) {
        clearTimeout(timer.current)
        timer.current = undefined
        void actions.flush()
      }
    }
  }, [actions])

  useDidHide(() => {
    if (timer.current) {
      clearTimeout(timer.current)
      timer.current = undefined
      void actions.flush()
    }
  })

  useDidShow(() => {
    if (!snap.current || conflictRef.current) return
    if (snap.current.sealed === 'locked') void actions.unlock()
    else if (dirty.current && !timer.current && !inFlight.current) void actions.flush()
  })

  const edit = useCallback(
    (path: string, value: unknown) => {
      const s = snap.current
      if (!s || !idRef.current || readOnly || conflictRef.current) return
      s.form = setPath(s.form, path, value)
      revision.current++
      dirty.current = true
      // on the device first, synchronously: nothing after this line can lose the edit
      actions.writeDraft(s)
      setServerErrors((errors) => {
        const left = Object.entries(errors).filter(([p]) => p !== path && !p.startsWith(`${path}.`))
        return left.length === Object.keys(errors).length ? errors : Object.fromEntries(left)
      })
      actions.report({ kind: 'saved-locally' })
      rerender()
      actions.schedule(SYNC_DEBOUNCE_MS)
    },
    [readOnly, actions]
  )

  const keepMine = useCallback(() => {
    const latest = conflictRef.current
    const s = snap.current
    if (!latest || !s) return
    conflictRef.current = null
    setConflict(null)
    // my edits, re-based on the version I have now seen
    s.baseVersion = latest.version
    actions.writeDraft(s)
    actions.report({ kind: 'saved-locally' })
    void actions.flush()
  }, [actions])

  const takeTheirs = useCallback(() => {
    const latest = conflictRef.current
    const id = idRef.current
    if (!latest || !id) return
    conflictRef.current = null
    setConflict(null)
    clearFormDraft(id)
    revision.current++
    dirty.current = false
    snap.current = {
      form: latest.form,
      baseVersion: latest.version,
      profile: latest.profile,
      sealed: 'none'
    }
    setServerErrors({})
    actions.report({ kind: 'synced' })
    onReplaceRef.current?.(latest)
    rerender()
  }, [actions])

  const flushNow = useCallback(() => {
    if (!timer.current) return
    clearTimeout(timer.current)
    timer.current = undefined
    void actions.flush()
  }, [actions])

  const s = snap.current
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
