import { useCallback, useEffect, useRef, useState } from 'react'
import { useDidShow } from '../services/page-hooks'
import type { FilingView } from '../services/api-types'
import { loadFiling, type LoadResult } from '../services/current-filing'

export type FilingState = { state: 'loading' } | LoadResult

/**
 * The current filing for a page: loads on mount, reloads when the page is shown again (a tab switch, coming back
 * from a sub-page), and lets the page replace it after a save.
 */
export function useCurrentFiling(options: { id?: string; reveal?: boolean; mostUrgent?: boolean } = {}) {
  const { id, reveal = false, mostUrgent = false } = options
  const [state, setState] = useState<FilingState>({ state: 'loading' })
  const loadedOnce = useRef(false)
  const latestRequest = useRef(0)

  const reload = useCallback(async () => {
    const request = ++latestRequest.current
    // keep showing the filing while refreshing; only the first load shows the skeleton
    if (!loadedOnce.current) setState({ state: 'loading' })
    const result = await loadFiling(id, reveal, mostUrgent)
    if (request !== latestRequest.current) return
    loadedOnce.current = true
    setState(result)
  }, [id, reveal, mostUrgent])

  useEffect(() => {
    void reload()
  }, [reload])

  useDidShow(() => {
    if (loadedOnce.current) void reload()
  })

  const replace = useCallback((filing: FilingView) => {
    latestRequest.current++
    setState({ state: 'ready', filing })
  }, [])

  return { ...state, filing: state.state === 'ready' ? state.filing : undefined, reload, replace }
}
