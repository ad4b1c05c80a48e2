/**
 * The self-check form's sync machine, free of React: the form with the device draft laid over it, every edit written
 * to the draft synchronously, then sent to the back end after a short pause with the version it was made on.
 * Conflicts, refused values and lost connections are reported, never resolved by dropping the user's edits.
 * Timers call its methods long after a render, so it keeps its state in fields, never in a closure.
 */
import type { FieldErrors, FilingView } from '../../services/api-types'
import { loadDraftKey, mergeSensitive, splitSensitive } from '../../services/draft-crypto'
import {
  clearFormDraft,
  restoreForm,
  sameForm,
  syncFormDraft,
  unlockRestored,
  writeFormDraft,
  type DraftWriteResult
} from '../../services/form-draft'
import { setPath } from './fields'
import { answersAfterEdit, filingTitle, formAfterEdit, prefilled } from './form-answers'
import type { Snapshot, SyncListeners, SyncSource, SyncStatus } from './sync-types'

export type { Snapshot, SyncListeners, SyncSource, SyncStatus } from './sync-types'

/** Pause after the last keystroke before the form goes to the back end. */
export const SYNC_DEBOUNCE_MS = 800
const RETRY_MIN_MS = 5_000
const RETRY_MAX_MS = 60_000

function withoutErrorsAt(path: string) {
  return (errors: FieldErrors): FieldErrors => {
    const left = Object.entries(errors).filter(([p]) => p !== path && !p.startsWith(`${path}.`))
    return left.length === Object.keys(errors).length ? errors : Object.fromEntries(left)
  }
}

export class FormSync {
  snap: Snapshot | null = null
  /** False once the page is gone: nothing is reported to it any more. */
  mounted = true
  private id?: string
  private initialisedFor?: string
  private revision = 0
  /** Edits on the device that the server does not have yet. */
  private dirty = false
  private timer?: ReturnType<typeof setTimeout>
  private inFlight = false
  private again = false
  private unlocking = false
  private retryDelay = RETRY_MIN_MS
  private conflict: FilingView | null = null
  private latestWrite?: DraftWriteResult
  /** The answers changed with the form (a renamed app, another province) and the server does not have them yet. */
  private answersDirty = false

  constructor(private readonly on: SyncListeners) {}

  /** Set up once per filing, as soon as there is a server copy or the load failed (then from the draft alone). */
  initialise({ filingId, server, loadFailed, readOnly }: SyncSource): void {
    if (!filingId || this.initialisedFor === filingId) return
    if (!server && !loadFailed) return
    if (server && server.id !== filingId) return
    this.id = filingId
    if (readOnly && server) {
      this.initialisedFor = filingId
      this.snap = { form: server.form, baseVersion: server.version, profile: server.profile, sealed: 'none' }
      this.on.changed()
      return
    }
    const restored = restoreForm(
      filingId,
      server ? { form: server.form, version: server.version, profile: server.profile } : undefined
    )
    if (!restored) return
    this.initialisedFor = filingId
    const form = prefilled(restored.form, restored.profile)
    this.snap = {
      form,
      baseVersion: restored.baseVersion,
      profile: restored.profile,
      sealed: restored.sealed,
      lockedSealed: restored.lockedSealed
    }
    this.on.fromDraft(restored.fromDraft)
    this.on.changed()
    // fetched now so that the first edit can already be sealed; an edit made before it came is sealed once it does
    void loadDraftKey().then((key) => {
      const s = this.snap
      if (key && s && this.latestWrite?.sensitive === 'memory' && this.id === filingId) this.writeDraft(s)
    })
    // answers filled in on opening go to the server with the first edit (the check-result page fills them the same way)
    if (!restored.fromDraft) return
    this.dirty = true
    if (restored.sealed === 'locked') {
      this.report({ kind: 'saved-locally' })
      void this.unlock()
    } else if (server && restored.baseVersion === server.version && sameForm(restored.form, server.form)) {
      clearFormDraft(filingId)
      this.dirty = false
    } else {
      this.report({ kind: 'saved-locally' })
      this.schedule(0)
    }
  }

  edit(path: string, value: unknown, readOnly: boolean): void {
    const s = this.snap
    if (!s || !this.id || readOnly || this.conflict) return
    s.form = formAfterEdit(setPath(s.form, path, value), s.profile)
    const answers = answersAfterEdit(s.form, s.profile)
    if (answers) {
      s.profile = answers
      this.answersDirty = true
    }
    this.revision++
    this.dirty = true
    // on the device first, synchronously: nothing after this line can lose the edit
    this.writeDraft(s)
    this.on.serverErrors(withoutErrorsAt(path))
    this.report({ kind: 'saved-locally' })
    this.on.changed()
    this.schedule(SYNC_DEBOUNCE_MS)
  }

  keepMine(): void {
    const latest = this.conflict
    const s = this.snap
    if (!latest || !s) return
    this.conflict = null
    this.on.conflict(null)
    // my edits, re-based on the version I have now seen
    s.baseVersion = latest.version
    this.writeDraft(s)
    this.report({ kind: 'saved-locally' })
    void this.flush()
  }

  /** The server's version replaces mine; returns it so the page can show it, or undefined when there was none. */
  takeTheirs(): FilingView | undefined {
    const latest = this.conflict
    const id = this.id
    if (!latest || !id) return undefined
    this.conflict = null
    this.on.conflict(null)
    clearFormDraft(id)
    this.revision++
    this.dirty = false
    this.snap = { form: latest.form, baseVersion: latest.version, profile: latest.profile, sealed: 'none' }
    this.on.serverErrors({})
    this.report({ kind: 'synced' })
    return latest
  }

  /** Sends a change still waiting for its pause now (leaving or hiding the page). */
  flushPending(): void {
    if (!this.timer) return
    clearTimeout(this.timer)
    this.timer = undefined
    void this.flush()
  }

  /** Back on screen: open a locked draft, or send edits that never went out. */
  resume(): void {
    if (!this.snap || this.conflict) return
    if (this.snap.sealed === 'locked') void this.unlock()
    else if (this.dirty && !this.timer && !this.inFlight) void this.flush()
  }

  private report(next: SyncStatus): void {
    if (this.mounted) this.on.status(next)
  }

  private writeDraft(s: Snapshot): DraftWriteResult {
    const result = writeFormDraft(this.id!, {
      baseVersion: s.baseVersion,
      form: s.form,
      profile: s.profile,
      unopenedSealed: s.sealed === 'locked' ? s.lockedSealed : undefined
    })
    this.latestWrite = result
    if (this.mounted) this.on.lastWrite(result)
    return result
  }

  private schedule(ms: number): void {
    clearTimeout(this.timer)
    this.timer = setTimeout(() => {
      this.timer = undefined
      void this.flush()
    }, ms)
  }

  private backOff(): void {
    this.schedule(this.retryDelay)
    this.retryDelay = Math.min(this.retryDelay * 2, RETRY_MAX_MS)
  }

  private async flush(): Promise<void> {
    const id = this.id
    const s = this.snap
    if (!id || !s || this.conflict) return
    if (s.sealed === 'locked') return this.unlock()
    if (this.inFlight) {
      this.again = true
      return
    }
    this.inFlight = true
    const sentRevision = this.revision
    this.report({ kind: 'syncing' })
    const sentAnswers = this.answersDirty && s.profile ? s.profile : undefined
    const result = sentAnswers
      ? await syncFormDraft(id, s.baseVersion, s.form, { profile: sentAnswers, title: filingTitle(sentAnswers) })
      : await syncFormDraft(id, s.baseVersion, s.form)
    this.inFlight = false
    if (this.snap !== s) return
    switch (result.kind) {
      case 'synced':
        s.baseVersion = result.version
        this.retryDelay = RETRY_MIN_MS
        if (sentAnswers === s.profile) this.answersDirty = false
        if (this.revision === sentRevision) {
          clearFormDraft(id)
          this.dirty = false
          this.report({ kind: 'synced' })
        } else {
          // edited while the request was out: keep the draft, now on the new version
          this.writeDraft(s)
          this.again = true
        }
        if (this.mounted) this.on.serverErrors({})
        break
      case 'conflict':
        this.conflict = result.latest
        this.again = false
        if (this.mounted) this.on.conflict(result.latest)
        this.report({ kind: 'conflict' })
        break
      case 'invalid':
        // refused before sending: the self-check's own findings already say why under each field
        if (this.mounted) this.on.serverErrors(result.local ? {} : result.fieldErrors)
        this.report({ kind: 'invalid', message: result.message })
        break
      case 'offline':
        this.report({ kind: 'offline' })
        if (this.again) this.retryDelay = Math.min(this.retryDelay * 2, RETRY_MAX_MS)
        else this.backOff()
        break
      case 'failed':
        this.report({ kind: 'failed', message: result.error.message })
        break
    }
    if (this.again && !this.conflict) {
      this.again = false
      this.schedule(SYNC_DEBOUNCE_MS)
    }
  }

  /** Opens the draft's encrypted part once the key can be had; then syncs. */
  private async unlock(): Promise<void> {
    const id = this.id
    const s = this.snap
    if (!id || !s || s.sealed !== 'locked' || this.unlocking) return
    this.unlocking = true
    const opened = await unlockRestored(id, {
      form: s.form,
      baseVersion: s.baseVersion,
      fromDraft: true,
      sealed: 'locked',
      lockedSealed: s.lockedSealed
    })
    this.unlocking = false
    if (this.snap !== s) return
    if (opened.sealed === 'locked') {
      this.report({ kind: 'offline' })
      this.backOff()
      return
    }
    // Sensitive fields were read-only while locked: the decrypted values go over the (possibly edited) form
    if (opened.sealed === 'opened') s.form = mergeSensitive(s.form, splitSensitive(opened.form).sensitive)
    s.sealed = opened.sealed
    s.lockedSealed = undefined
    this.revision++
    this.writeDraft(s)
    this.on.changed()
    this.retryDelay = RETRY_MIN_MS
    this.schedule(0)
  }
}
