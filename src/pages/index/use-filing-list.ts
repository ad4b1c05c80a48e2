import { type MutableRefObject, useCallback, useEffect, useLayoutEffect, useRef, useState } from 'react'
import type { Envelope, ErrorEnvelope, FilingSummary } from '../../services/api-types'
import { agencyList } from '../../services/connector'
import { listFilings } from '../../services/filings'
import {
  changedSinceLaunchList,
  earlyListInFlight,
  takeArrivedFilingList,
  takePrefetchedFilingList
} from '../../services/launch'

/**
 * H5: how long the page waits for a returning user's list, asked for by index.html before any app code loaded, before
 * it draws its skeleton. The list usually lands within it; a skeleton drawn meanwhile would be replaced a moment
 * later, and its first frame (styles, layout, web components) delayed the cards by about a quarter of a second at 4×
 * CPU throttle. A new user (no session, so no early request) sees the page at once.
 */
export const EARLY_LIST_WAIT_MS = 400

export type ListState =
  { state: 'loading' } | { state: 'ready'; filings: FilingSummary[] } | { state: 'error'; error: ErrorEnvelope }

/** The 我的备案 list of the home page: loaded before the first paint, refreshed on return, retried on demand. */
export function useFilingList() {
  // The list asked for at app start has usually arrived by the time the page mounts: the first render draws the
  // cards, instead of a skeleton and a second render
  const [arrived] = useState(takeArrivedFilingList)
  const [list, setList] = useState<ListState>(() =>
    arrived?.ok ? { state: 'ready', filings: arrived.data } : { state: 'loading' }
  )
  const [refreshError, setRefreshError] = useState('')
  const { waiting: waitingForEarlyList, end: endWait } = useEarlyListWait(!arrived)
  const latestRequest = useRef(0)
  const shownList = useRef(list.state === 'ready')
  /**
   * The page's list is the one asked for at app start and the page has not been shown since. Its first show asks
   * again only if a change was sent since that list was requested (it may predate a stage recorded on another page
   * the app opened on): checked at that show if the list is drawn, else when it is drawn.
   */
  const launchListUnshown = useRef(arrived?.ok === true)

  const connected = useConnectedFilings(list, latestRequest)

  const show = useCallback(
    (result: Envelope<FilingSummary[]>) => {
      endWait()
      if (result.ok) {
        shownList.current = true
        setRefreshError('')
        setList({ state: 'ready', filings: result.data })
      } else if (shownList.current) {
        // a failed refresh keeps the cards the user is looking at and says so
        setRefreshError(result.message)
      } else {
        setList({ state: 'error', error: result })
      }
    },
    [endWait]
  )

  const load = useCallback(
    async (first = false) => {
      const request = ++latestRequest.current
      const fromLaunch = first ? takePrefetchedFilingList() : undefined
      if (fromLaunch) launchListUnshown.current = true
      const result = await (fromLaunch || listFilings())
      if (request !== latestRequest.current) return
      show(result)
      // shown while the launch list travelled: ask again now if anything changed since (the cards stay meanwhile)
      if (fromLaunch && result.ok && !launchListUnshown.current && changedSinceLaunchList()) void load()
    },
    [show]
  )

  // The list call starts before the first paint: the first card is what the user waits for
  useLayoutEffect(() => {
    if (arrived && !arrived.ok) show(arrived)
    else if (!arrived) void load(true)
  }, [arrived, load, show])

  /** Back from a sub-page or another tab: the stages may have changed (only once a list was shown). */
  const refresh = useCallback(() => {
    if (launchListUnshown.current) {
      launchListUnshown.current = false
      // a cold start's first show would otherwise ask for the same list (and its connections) again, competing with
      // the page's start-up; a list still travelling is checked by `load` once drawn
      if (shownList.current && changedSinceLaunchList()) void load()
    } else if (shownList.current) void load()
  }, [load])

  const retry = () => {
    setList({ state: 'loading' })
    void load()
  }

  return { list, waitingForEarlyList, refreshError, connected, refresh, retry }
}

interface EarlyListWait {
  waiting: boolean
  /** Stable: the list's callbacks depend on it. */
  end: () => void
}

/**
 * `waiting` from the first render if the early list is travelling then, until it is shown or EARLY_LIST_WAIT_MS
 * have passed, whichever comes first.
 */
function useBrowserEarlyListWait(notArrived: boolean): EarlyListWait {
  const [waiting, setWaiting] = useState(() => notArrived && earlyListInFlight())
  const end = useCallback(() => setWaiting(false), [])
  useEffect(() => {
    if (!waiting) return
    const timer = setTimeout(end, EARLY_LIST_WAIT_MS)
    return () => clearTimeout(timer)
  }, [waiting, end])
  return { waiting, end }
}

const NOT_WAITING: EarlyListWait = { waiting: false, end: () => undefined }

/**
 * The mini-programs draw at once: they have no early list (theirs leaves at app launch, with no head start on the
 * page). A build-time constant keeps the waiting out of their packages.
 */
const useEarlyListWait = process.env.TARO_ENV === 'h5' ? useBrowserEarlyListWait : () => NOT_WAITING

/**
 * The filings bound to a mini-program (undefined until known: no 连接 offer on a guess), asked for once each list's
 * cards are on screen — a passive effect, so the request is not sent in the commit that attaches the first card — and
 * kept only while no newer list was asked for since (`latestRequest`).
 */
function useConnectedFilings(list: ListState, latestRequest: MutableRefObject<number>): Set<string> | undefined {
  const [connected, setConnected] = useState<Set<string> | undefined>()
  useEffect(() => {
    if (list.state !== 'ready' || !list.filings.some((f) => f.access === 'owner')) return
    const request = latestRequest.current
    void agencyList().then((a) => {
      if (a.ok && request === latestRequest.current)
        setConnected(new Set(a.data.items.filter((i) => i.connection === 'active').map((i) => i.filingId)))
    })
  }, [list, latestRequest])
  return connected
}
