/**
 * The self-check form's sync machine on its own (no page): an edit is on the device at once and goes to the back
 * end after the pause; an edit made while a request is out is sent again; a lost connection backs off 5 s, 10 s …;
 * a conflict holds further edits until the user chooses; leaving the page sends a waiting change at once.
 */
import { FormSync, SYNC_DEBOUNCE_MS, type SyncListeners } from '../../../src/filing/self-check/form-sync'
import type { FilingView } from '../../../src/services/api-types'
import * as formDraft from '../../../src/services/form-draft'
import { FILING_ID, ownerView } from './support'

jest.mock('../../../src/services/form-draft', () => ({
  clearFormDraft: jest.fn(),
  restoreForm: jest.fn(),
  sameForm: jest.fn(() => false),
  syncFormDraft: jest.fn(),
  unlockRestored: jest.fn(),
  writeFormDraft: jest.fn(() => ({ stored: true, sensitive: 'sealed' }))
}))
jest.mock('../../../src/services/draft-crypto', () => ({
  ...jest.requireActual('../../../src/services/draft-crypto'),
  loadDraftKey: jest.fn(async () => undefined),
  mergeSensitive: jest.fn(),
  splitSensitive: jest.fn()
}))

const draft = formDraft as jest.Mocked<typeof formDraft>

function listeners(): jest.Mocked<SyncListeners> {
  return {
    status: jest.fn(),
    lastWrite: jest.fn(),
    serverErrors: jest.fn(),
    conflict: jest.fn(),
    fromDraft: jest.fn(),
    changed: jest.fn()
  }
}

function started(server: FilingView = ownerView()) {
  const on = listeners()
  const sync = new FormSync(on)
  draft.restoreForm.mockReturnValue({
    form: server.form,
    baseVersion: server.version,
    profile: server.profile,
    fromDraft: false,
    sealed: 'none'
  })
  sync.initialise({ filingId: FILING_ID, server, loadFailed: false, readOnly: false })
  return { sync, on }
}

const lastStatus = (on: jest.Mocked<SyncListeners>) => on.status.mock.calls.at(-1)?.[0].kind

beforeEach(() => {
  jest.useFakeTimers()
  jest.clearAllMocks()
})
afterEach(() => jest.useRealTimers())

it('writes an edit to the device at once and sends it after the pause, on the version it was made on', async () => {
  const { sync, on } = started()
  draft.syncFormDraft.mockResolvedValue({ kind: 'synced', version: 4, filing: ownerView({ version: 4 }) })
  sync.edit('owner.address', '海川路1号', false)
  expect(draft.writeFormDraft).toHaveBeenCalledTimes(1)
  expect(sync.snap?.form.owner.address).toBe('海川路1号')
  expect(lastStatus(on)).toBe('saved-locally')
  await jest.advanceTimersByTimeAsync(SYNC_DEBOUNCE_MS - 1)
  expect(draft.syncFormDraft).not.toHaveBeenCalled()
  await jest.advanceTimersByTimeAsync(1)
  expect(draft.syncFormDraft).toHaveBeenCalledWith(FILING_ID, ownerView().version, sync.snap?.form)
  expect(draft.clearFormDraft).toHaveBeenCalledWith(FILING_ID)
  expect(lastStatus(on)).toBe('synced')
})

it('ignores edits when read-only', () => {
  const { sync } = started()
  sync.edit('owner.address', '海川路1号', true)
  expect(draft.writeFormDraft).not.toHaveBeenCalled()
})

it('keeps the draft and sends again when the user edited while the request was out', async () => {
  const { sync } = started()
  let answer!: (r: formDraft.DraftSyncResult) => void
  draft.syncFormDraft.mockImplementationOnce(() => new Promise((resolve) => (answer = resolve)))
  sync.edit('owner.address', '海川路1号', false)
  await jest.advanceTimersByTimeAsync(SYNC_DEBOUNCE_MS)
  sync.edit('owner.address', '海川路2号', false)
  draft.syncFormDraft.mockResolvedValue({ kind: 'synced', version: 5, filing: ownerView({ version: 5 }) })
  answer({ kind: 'synced', version: 4, filing: ownerView({ version: 4 }) })
  await jest.advanceTimersByTimeAsync(0)
  expect(draft.clearFormDraft).not.toHaveBeenCalled()
  await jest.advanceTimersByTimeAsync(SYNC_DEBOUNCE_MS)
  expect(draft.syncFormDraft).toHaveBeenLastCalledWith(FILING_ID, 4, expect.anything())
  expect(sync.snap?.form.owner.address).toBe('海川路2号')
})

it('backs off 5 s, then 10 s, while offline', async () => {
  const { sync, on } = started()
  draft.syncFormDraft.mockResolvedValue({ kind: 'offline', message: '网络不通' })
  sync.edit('owner.address', '海川路1号', false)
  await jest.advanceTimersByTimeAsync(SYNC_DEBOUNCE_MS)
  expect(draft.syncFormDraft).toHaveBeenCalledTimes(1)
  expect(lastStatus(on)).toBe('offline')
  await jest.advanceTimersByTimeAsync(4_999)
  expect(draft.syncFormDraft).toHaveBeenCalledTimes(1)
  await jest.advanceTimersByTimeAsync(1)
  expect(draft.syncFormDraft).toHaveBeenCalledTimes(2)
  await jest.advanceTimersByTimeAsync(9_999)
  expect(draft.syncFormDraft).toHaveBeenCalledTimes(2)
  await jest.advanceTimersByTimeAsync(1)
  expect(draft.syncFormDraft).toHaveBeenCalledTimes(3)
  expect(draft.clearFormDraft).not.toHaveBeenCalled()
})

it('holds edits during a conflict; keeping mine resends on the newer version', async () => {
  const { sync, on } = started()
  const latest = ownerView({ version: 9 })
  draft.syncFormDraft.mockResolvedValueOnce({ kind: 'conflict', latest })
  sync.edit('owner.address', '海川路1号', false)
  await jest.advanceTimersByTimeAsync(SYNC_DEBOUNCE_MS)
  expect(on.conflict).toHaveBeenLastCalledWith(latest)
  expect(lastStatus(on)).toBe('conflict')
  sync.edit('owner.address', '海川路2号', false)
  expect(sync.snap?.form.owner.address).toBe('海川路1号')
  draft.syncFormDraft.mockResolvedValue({ kind: 'synced', version: 10, filing: ownerView({ version: 10 }) })
  sync.keepMine()
  await jest.advanceTimersByTimeAsync(0)
  expect(draft.syncFormDraft).toHaveBeenLastCalledWith(FILING_ID, 9, expect.objectContaining({}))
  expect(sync.snap?.form.owner.address).toBe('海川路1号')
})

it('taking theirs drops the draft and returns their version', async () => {
  const { sync } = started()
  const latest = ownerView({ version: 9 })
  draft.syncFormDraft.mockResolvedValueOnce({ kind: 'conflict', latest })
  sync.edit('owner.address', '海川路1号', false)
  await jest.advanceTimersByTimeAsync(SYNC_DEBOUNCE_MS)
  expect(sync.takeTheirs()).toBe(latest)
  expect(draft.clearFormDraft).toHaveBeenCalledWith(FILING_ID)
  expect(sync.snap?.baseVersion).toBe(9)
  expect(sync.takeTheirs()).toBeUndefined()
})

it('sends a waiting change at once when the page goes, and nothing when none waits', async () => {
  const { sync } = started()
  draft.syncFormDraft.mockResolvedValue({ kind: 'synced', version: 4, filing: ownerView({ version: 4 }) })
  sync.flushPending()
  expect(draft.syncFormDraft).not.toHaveBeenCalled()
  sync.edit('owner.address', '海川路1号', false)
  sync.flushPending()
  expect(draft.syncFormDraft).toHaveBeenCalledTimes(1)
  await jest.advanceTimersByTimeAsync(SYNC_DEBOUNCE_MS)
  expect(draft.syncFormDraft).toHaveBeenCalledTimes(1)
})
