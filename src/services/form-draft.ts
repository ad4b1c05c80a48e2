/**
 * The self-check form's draft: every edit is on the device before anything goes over the network, so a crash, a
 * relaunch or a lost connection loses nothing. Stored under `draft:form:<filingId>` as
 * `{ baseVersion, savedAt, plain, sealed }`: `plain` is the form without its sensitive values, `sealed` those values
 * encrypted (services/draft-crypto) — or absent; a sensitive value is never stored in clear. Synced to the back end
 * with the record's `version`; a newer version there comes back as a conflict for the page to ask about.
 */
import { emptyFilingForm } from '../domain/filing-form'
import { toUtcIso } from '../domain/time'
import type { FilingForm, FilingProfile } from '../domain/types'
import { identityFieldErrors } from '../domain/validators/form-fields'
import { api } from './api'
import type { ErrorEnvelope, FieldErrors, FilingView } from './api-types'
import {
  cachedDraftKey,
  isSealed,
  loadDraftKey,
  mergeSensitive,
  openSealed,
  sealSensitive,
  splitSensitive,
  type SensitiveValues
} from './draft-crypto'
import { FORM_SECTIONS } from './form-diff'
import { readJson, removeKey, writeJson } from './storage'

export interface StoredFormDraft {
  /** The record version the edits were made on. */
  baseVersion: number
  savedAt: string
  /** The form without sensitive values. */
  plain: FilingForm
  /** The sensitive values, sealed (XChaCha20-Poly1305, or AES-256-GCM if written before); null when there are none. */
  sealed: string | null
  /** What the self-check judges by, so the form can be checked offline after a relaunch (no personal data). */
  profile?: FilingProfile
}

export const EMPTY_FORM: FilingForm = emptyFilingForm()

export const formDraftKey = (filingId: string) => `draft:form:${filingId}`
const sealAad = (filingId: string) => `draft:v1:${filingId}`

function isStoredDraft(value: unknown): value is StoredFormDraft {
  const d = value as StoredFormDraft | undefined
  return (
    typeof d === 'object' &&
    d !== null &&
    typeof d.baseVersion === 'number' &&
    typeof d.plain === 'object' &&
    d.plain !== null &&
    (d.sealed === null || isSealed(d.sealed))
  )
}

export function readFormDraft(filingId: string): StoredFormDraft | undefined {
  const saved = readJson<unknown>(formDraftKey(filingId))
  return isStoredDraft(saved) ? saved : undefined
}

export function clearFormDraft(filingId: string): void {
  removeKey(formDraftKey(filingId))
}

export interface DraftWrite {
  baseVersion: number
  form: FilingForm
  profile?: FilingProfile
  /** A sealed part this session could not open yet (no key): kept as it is rather than dropped or replaced. */
  unopenedSealed?: string | null
}

/**
 * Where the sensitive values of a write ended up: 'sealed' (encrypted on the device), 'none' (there are none),
 * 'kept' (an unopened sealed part was kept as it was), 'memory' (no key yet: they are not on the device).
 * `stored: false` when the device refused the write (storage full).
 */
export interface DraftWriteResult {
  stored: boolean
  sensitive: 'sealed' | 'none' | 'kept' | 'memory'
}

/** Synchronous: returns once the draft is in storage. */
export function writeFormDraft(filingId: string, draft: DraftWrite): DraftWriteResult {
  const { plain, sensitive } = splitSensitive(draft.form)
  const key = cachedDraftKey()
  let sealed: string | null = null
  let where: DraftWriteResult['sensitive'] = 'none'
  if (draft.unopenedSealed) {
    // the sensitive fields are read-only until it is opened: it holds the user's latest sensitive values
    sealed = draft.unopenedSealed
    where = 'kept'
  } else if (Object.keys(sensitive).length) {
    where = 'memory'
    if (key) {
      try {
        sealed = sealSensitive(key, sensitive, sealAad(filingId))
        where = 'sealed'
      } catch {
        // no secure random source (NoSecureRandomError), or an engine that cannot run the cipher: the values stay
        // in memory, never in clear, and are sealed by a later write once it can
      }
    }
  }
  const record: StoredFormDraft = {
    baseVersion: draft.baseVersion,
    savedAt: toUtcIso(Date.now()),
    plain,
    sealed,
    ...(draft.profile ? { profile: draft.profile } : {})
  }
  try {
    writeJson(formDraftKey(filingId), record)
    return { stored: true, sensitive: where }
  } catch {
    return { stored: false, sensitive: where }
  }
}

type Sections = Record<string, Record<string, unknown> | undefined>

/** The server's form with the draft's plain part laid over it, section by section (sensitive values stay the server's). */
function overlayPlain(server: FilingForm, plain: FilingForm): FilingForm {
  const out = JSON.parse(JSON.stringify(server)) as Sections
  const draft = plain as unknown as Sections
  for (const s of FORM_SECTIONS) out[s] = { ...(out[s] ?? {}), ...(draft[s] ?? {}) }
  return out as unknown as FilingForm
}

export type SealedState =
  /** no sensitive values in the draft (or no draft) */
  | 'none'
  /** decrypted and laid over the form */
  | 'opened'
  /** waits for the key (offline at relaunch) */
  | 'locked'
  /** cannot be decrypted (another user's draft, or the server's key changed): ignored */
  | 'unreadable'

export interface RestoredForm {
  form: FilingForm
  baseVersion: number
  profile?: FilingProfile
  fromDraft: boolean
  sealed: SealedState
  /** The sealed part still to open when `sealed === 'locked'`. */
  lockedSealed?: string
}

export interface ServerCopy {
  form: FilingForm
  version: number
  profile?: FilingProfile
}

function openWith(key: Uint8Array, filingId: string, sealed: string): SensitiveValues | null {
  try {
    return openSealed(key, sealed, sealAad(filingId))
  } catch {
    return null
  }
}

/**
 * The form to show: the server's, with the draft laid over it. Synchronous, so the page shows the plain part at
 * once; the sealed part is opened here only when the key is already in memory (else `sealed: 'locked'`, see
 * `unlockRestored`). Undefined when there is neither a server copy nor a draft.
 */
export function restoreForm(filingId: string, server?: ServerCopy): RestoredForm | undefined {
  const draft = readFormDraft(filingId)
  if (!draft) {
    if (!server) return undefined
    return { form: server.form, baseVersion: server.version, profile: server.profile, fromDraft: false, sealed: 'none' }
  }
  const base = overlayPlain(server?.form ?? EMPTY_FORM, draft.plain)
  const restored: RestoredForm = {
    form: base,
    baseVersion: draft.baseVersion,
    profile: server?.profile ?? draft.profile,
    fromDraft: true,
    sealed: 'none'
  }
  if (!draft.sealed) return restored
  const key = cachedDraftKey()
  if (!key) return { ...restored, sealed: 'locked', lockedSealed: draft.sealed }
  const values = openWith(key, filingId, draft.sealed)
  return values
    ? { ...restored, form: mergeSensitive(base, values), sealed: 'opened' }
    : { ...restored, sealed: 'unreadable' }
}

/** Opens a locked sealed part once the key can be fetched; stays locked when it cannot (still offline). */
export async function unlockRestored(filingId: string, restored: RestoredForm): Promise<RestoredForm> {
  if (restored.sealed !== 'locked' || !restored.lockedSealed) return restored
  const key = await loadDraftKey()
  if (!key) return restored
  const values = openWith(key, filingId, restored.lockedSealed)
  if (!values) return { ...restored, sealed: 'unreadable', lockedSealed: undefined }
  return { ...restored, form: mergeSensitive(restored.form, values), sealed: 'opened', lockedSealed: undefined }
}

// ---- comparing: form-diff.ts ----

export { diffForms, flattenForm, sameForm, type FieldDifference } from './form-diff'

// ---- syncing ----

export type DraftSyncResult =
  | { kind: 'synced'; version: number; filing: FilingView }
  /** Saved elsewhere since: `latest` is the server's version (revealed), for the page to ask about. */
  | { kind: 'conflict'; latest: FilingView }
  /**
   * Some values are refused (a malformed ID or phone) — by the server, or before sending (`local`, nothing was
   * sent): the draft stays, the messages go under the fields.
   */
  | { kind: 'invalid'; message: string; fieldErrors: FieldErrors; local?: boolean }
  /** No connection (or the service is down): the draft stays and is sent again later. */
  | { kind: 'offline'; message: string }
  | { kind: 'failed'; error: ErrorEnvelope }

/** The server's field paths are relative to the action's input (`form.owner.address`); the page's to the form. */
function formFieldErrors(errors: FieldErrors): FieldErrors {
  const out: FieldErrors = {}
  for (const [path, messages] of Object.entries(errors)) {
    const p = path.startsWith('form.') ? path.slice(5) : path
    if (FORM_SECTIONS.some((s) => p === s || p.startsWith(`${s}.`))) out[p] = messages
  }
  return out
}

/** Only what the server's schema takes: the parts the page fills, no stray keys. */
export function formForServer(form: FilingForm): FilingForm {
  const out = JSON.parse(JSON.stringify(form)) as FilingForm
  if (out.owner.region && !out.owner.region.province) delete out.owner.region
  return out
}

const DATE_OR_PERMANENT = /^(\d{4}-\d{2}-\d{2}|长期)?$/

/**
 * The values the back end would refuse: the identity fields it checks with the domain's `identityFieldErrors`, and
 * dates its schema takes only as YYYY-MM-DD or 长期. Such a form is kept on the device and not sent until they are
 * fixed — the self-check already shows why under each field. Returns field path → message.
 */
export function refusedByServer(form: FilingForm): FieldErrors {
  const out: FieldErrors = identityFieldErrors(form)
  const dates: [string, string | undefined][] = [
    ['owner.certificateValidUntil', form.owner.certificateValidUntil],
    ['ownerPrincipal.idValidUntil', form.ownerPrincipal.idValidUntil],
    ['appPrincipal.idValidUntil', form.appPrincipal.idValidUntil]
  ]
  for (const [path, value] of dates)
    if (value && !DATE_OR_PERMANENT.test(value)) out[path] = ['日期格式应为 YYYY-MM-DD']
  return out
}

/** Sends the form on `baseVersion`. Never throws; the draft itself is the caller's to clear or keep. */
/** `answers`: the wizard's answers and the title as the form now gives them (renaming the app renames the filing). */
export async function syncFormDraft(
  filingId: string,
  baseVersion: number,
  form: FilingForm,
  answers?: { profile: FilingProfile; title: string }
): Promise<DraftSyncResult> {
  const refused = refusedByServer(form)
  if (Object.keys(refused).length)
    return { kind: 'invalid', message: '有信息格式不正确', fieldErrors: refused, local: true }
  const result = await api.filings.update({ id: filingId, version: baseVersion, form: formForServer(form), ...answers })
  if (result.ok) return { kind: 'synced', version: result.data.version, filing: result.data }
  switch (result.code) {
    case 'CONFLICT': {
      const latest = await api.filings.get({ id: filingId, reveal: true })
      if (latest.ok) return { kind: 'conflict', latest: latest.data }
      return latest.code === 'UNAVAILABLE'
        ? { kind: 'offline', message: latest.message }
        : { kind: 'failed', error: latest }
    }
    case 'INVALID':
      return { kind: 'invalid', message: result.message, fieldErrors: formFieldErrors(result.fieldErrors) }
    case 'UNAVAILABLE':
    case 'INTERNAL':
      return { kind: 'offline', message: result.message }
    default:
      return { kind: 'failed', error: result }
  }
}
