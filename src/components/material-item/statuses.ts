/**
 * Material statuses (未准备 / 已准备 / 有问题) as the user sets them, saved the way every filing change is saved:
 * on the device first, then to the back end with the version the user saw (services/current-filing). Used by the
 * 材料 tab and by 检查照片.
 */
import { useCallback, useEffect, useRef, useState, type MutableRefObject } from 'react'
import type { MaterialStatus } from '../../domain/types'
import type { FilingView } from '../../services/api-types'
import {
  keepMineOver,
  pendingPatch,
  saveFilingPatch,
  takeTheirs,
  type FilingPatch,
  type SaveResult
} from '../../services/current-filing'
import type { ConflictRow } from '../conflict-dialog'

export const MATERIAL_STATUSES: MaterialStatus[] = ['todo', 'ready', 'problem']

export const STATUS_LABELS: Record<MaterialStatus, string> = { todo: '未准备', ready: '已准备', problem: '有问题' }

export const OFFLINE_NOTICE = '已保存在手机上，联网后同步'

/** A material the user never touched is still to be prepared. */
export function statusOf(materials: Record<string, MaterialStatus> | undefined, id: string): MaterialStatus {
  return materials?.[id] ?? 'todo'
}

/** The materials whose status differs between the user's unsaved change and the server's latest version. */
export function materialConflictRows(
  mine: Record<string, MaterialStatus> | undefined,
  theirs: Record<string, MaterialStatus>,
  titleOf: (id: string) => string
): ConflictRow[] {
  return Object.entries(mine ?? {})
    .filter(([id, status]) => status !== statusOf(theirs, id))
    .map(([id, status]) => ({
      label: titleOf(id),
      mine: STATUS_LABELS[status],
      theirs: STATUS_LABELS[statusOf(theirs, id)]
    }))
}

export interface StatusNotice {
  kind: 'offline' | 'error'
  message: string
}

export interface MaterialConflict {
  latest: FilingView
  pending: FilingPatch
}

/** Statuses the server now has are no longer unsaved; the others stay shown over the filing's. */
function withoutConfirmed(
  unsaved: Record<string, MaterialStatus>,
  saved: Record<string, MaterialStatus> | undefined
): Record<string, MaterialStatus> {
  return Object.fromEntries(Object.entries(unsaved).filter(([id, s]) => s !== statusOf(saved, id)))
}

/** A save that reached neither the server nor a conflict: the change is on the device either way. */
function failureNotice(offline: boolean, message: string): StatusNotice {
  return offline
    ? { kind: 'offline', message: OFFLINE_NOTICE }
    : { kind: 'error', message: `没能同步：${message}。修改已保存在手机上，下次打开时会再试` }
}

/** False once the component is gone: a save that ends after that must not set state. */
function useMountedRef() {
  const mounted = useRef(true)
  useEffect(
    () => () => {
      mounted.current = false
    },
    []
  )
  return mounted
}

/** The filing as of the last answer: what the next queued save builds on (the render's copy may be older). */
function useLatestFiling(filing: FilingView | undefined) {
  const filingRef = useRef(filing)
  useEffect(() => {
    filingRef.current = filing
  }, [filing])
  return filingRef
}

/**
 * Saves of material statuses, one after the other on top of the latest answer; returns `enqueue(materials)` (an
 * empty patch re-sends what is still pending on the device).
 */
function useSaveQueue(
  filingRef: MutableRefObject<FilingView | undefined>,
  mounted: MutableRefObject<boolean>,
  setSaving: (saving: boolean) => void,
  settle: (result: SaveResult) => void
) {
  const queue = useRef<Promise<void>>(Promise.resolve())
  return useCallback(
    (materials: Record<string, MaterialStatus>) => {
      queue.current = queue.current.then(async () => {
        const base = filingRef.current
        if (!base) return
        // nothing new and nothing left on the device: no call (it would only bump the version)
        if (!Object.keys(materials).length && !pendingPatch(base.id)) return
        if (mounted.current) setSaving(true)
        const result = await saveFilingPatch(base, Object.keys(materials).length ? { materials } : {})
        if (mounted.current) setSaving(false)
        settle(result)
      })
      return queue.current
    },
    [settle, filingRef, mounted, setSaving]
  )
}

/**
 * Status changes of `filing`, saved one after the other (two quick taps must not race each other into a false
 * conflict). `replace` puts the server's answer into the page's filing state.
 */
export function useMaterialStatuses(filing: FilingView | undefined, replace: (filing: FilingView) => void) {
  // statuses tapped but not yet confirmed by the server: shown at once
  const [unsaved, setUnsaved] = useState<Record<string, MaterialStatus>>({})
  const [conflict, setConflict] = useState<MaterialConflict>()
  const [notice, setNotice] = useState<StatusNotice>()
  const [saving, setSaving] = useState(false)
  const filingRef = useLatestFiling(filing)
  const mounted = useMountedRef()

  const settle = useCallback(
    (result: SaveResult) => {
      if (!mounted.current) return
      if (result.ok) {
        filingRef.current = result.filing
        replace(result.filing)
        setUnsaved((u) => withoutConfirmed(u, result.filing.materials))
        setNotice(undefined)
        setConflict(undefined)
      } else if ('conflict' in result) {
        setConflict({ latest: result.conflict, pending: result.pending })
      } else {
        setNotice(failureNotice(result.offline, result.error.message))
      }
    },
    [replace, filingRef, mounted]
  )

  const enqueue = useSaveQueue(filingRef, mounted, setSaving, settle)

  const setStatus = useCallback(
    (id: string, status: MaterialStatus) => {
      setUnsaved((u) => ({ ...u, [id]: status }))
      return enqueue({ [id]: status })
    },
    [enqueue]
  )

  // A change left on the device (offline, app closed mid-save) is sent again when the filing is (re)loaded
  useEffect(() => {
    if (filing && filing.access === 'owner' && pendingPatch(filing.id)) void enqueue({})
  }, [filing, enqueue])

  const keepMine = useCallback(async () => {
    if (!conflict) return
    setConflict(undefined)
    setSaving(true)
    const result = await keepMineOver(conflict.latest)
    if (mounted.current) setSaving(false)
    settle(result)
  }, [conflict, settle, mounted])

  const takeLatest = useCallback(() => {
    if (!conflict) return
    const latest = takeTheirs(conflict.latest)
    filingRef.current = latest
    replace(latest)
    setUnsaved({})
    setConflict(undefined)
    setNotice(undefined)
  }, [conflict, replace, filingRef])

  const materials = filing ? { ...filing.materials, ...unsaved } : unsaved
  return {
    /** The statuses to show: the filing's, with the user's unconfirmed taps over them. */
    materials,
    statusOf: (id: string) => statusOf(materials, id),
    setStatus,
    saving,
    notice,
    conflict,
    keepMine,
    takeLatest,
    retry: () => enqueue({})
  }
}
