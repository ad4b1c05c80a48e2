/** What the self-check form's sync machine (form-sync.ts) holds, reports and is set up from. */
import type { FilingForm, FilingProfile } from '../../domain/types'
import type { FieldErrors, FilingView } from '../../services/api-types'
import type { DraftWriteResult, SealedState } from '../../services/form-draft'

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

export interface Snapshot {
  form: FilingForm
  baseVersion: number
  profile?: FilingProfile
  sealed: SealedState
  lockedSealed?: string
}

/** How the machine tells its owner (the hook's state setters) what changed. */
export interface SyncListeners {
  status(next: SyncStatus): void
  lastWrite(result: DraftWriteResult): void
  serverErrors(next: FieldErrors | ((errors: FieldErrors) => FieldErrors)): void
  conflict(latest: FilingView | null): void
  fromDraft(restored: boolean): void
  /** The snapshot changed: draw again. */
  changed(): void
}

/** What the page knows about the filing when the machine is set up. */
export interface SyncSource {
  filingId?: string
  server?: FilingView
  loadFailed: boolean
  readOnly: boolean
}
