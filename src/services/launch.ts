/**
 * How the app was opened: an invite link or QR code (`pages/index/index?invite=<token>`; a WeChat mini-program code
 * carries the token alone in `scene`) or a link that presets the platform (`?platform=weapp|tt|alipay`). The home
 * page asks once per show; each entry is acted on once per app session, so coming back to the home page never
 * bounces the user to the same screen again.
 */
import Taro from '@tarojs/taro'
import { ROUTES, withQuery } from '../constants/routes'
import type { PlatformId } from '../domain/types'
import { apiBase } from './api'
import { changesSentSoFar } from './change-count'
import type { Envelope, FilingSummary } from './api-types'
import { listFilings } from './filings'
import { openPage } from './navigation'
import { runtimePlatform } from './platform'

export type EntryIntent = { kind: 'invite'; token: string } | { kind: 'platform'; platform: PlatformId }

type Query = Record<string, unknown> | null | undefined

/** Longer than any token we issue; anything longer is not ours and is ignored. */
const MAX_TOKEN_LENGTH = 128

function decode(value: string): string {
  try {
    return decodeURIComponent(value)
  } catch {
    // a malformed escape: use it as it came
    return value
  }
}

function text(value: unknown): string {
  return typeof value === 'string' ? decode(value).trim() : ''
}

function isPlatform(value: string): value is PlatformId {
  return value === 'weapp' || value === 'tt' || value === 'alipay'
}

/** `a=1&b=2` → { a: '1', b: '2' } (values decoded). */
function parsePairs(value: string): Record<string, string> {
  const out: Record<string, string> = {}
  for (const pair of value.split('&')) {
    const at = pair.indexOf('=')
    if (at > 0) out[pair.slice(0, at)] = decode(pair.slice(at + 1))
  }
  return out
}

/**
 * What one query asks for. An invite wins over a platform. `scene` (WeChat mini-program codes) is either the
 * token itself (what our codes carry: 32 characters fill the scene) or `invite=…&platform=…` pairs.
 */
export function parseEntryQuery(query: Query): EntryIntent | undefined {
  if (!query) return undefined
  const scene = text(query.scene)
  const fromScene = scene ? (scene.includes('=') ? parsePairs(scene) : { invite: scene }) : {}
  const token = text(query.invite) || text(fromScene.invite)
  if (token && token.length <= MAX_TOKEN_LENGTH) return { kind: 'invite', token }
  const platform = text(query.platform) || text(fromScene.platform)
  if (isPlatform(platform)) return { kind: 'platform', platform }
  return undefined
}

/** The screen an entry opens. */
export function entryRoute(intent: EntryIntent): string {
  return intent.kind === 'invite'
    ? withQuery(ROUTES.join, { invite: intent.token })
    : withQuery(ROUTES.wizard, { platform: intent.platform })
}

const entryKey = (intent: EntryIntent) => (intent.kind === 'invite' ? `invite:${intent.token}` : 'platform')

// In memory on purpose: a new app session (a new scan, a reopened link) acts on the entry again
const handled = new Set<string>()

/** The launch / latest entry options of a mini-program (its query and the scene of a mini-program code). */
function miniProgramQueries(): Query[] {
  if (runtimePlatform() === 'h5') return []
  const taro = Taro as unknown as {
    getEnterOptionsSync?: () => { query?: Query }
    getLaunchOptionsSync?: () => { query?: Query }
  }
  const queries: Query[] = []
  for (const read of [taro.getEnterOptionsSync, taro.getLaunchOptionsSync]) {
    try {
      if (typeof read === 'function') queries.push(read.call(Taro)?.query)
    } catch {
      // not available on this base library: the page's own query is enough
    }
  }
  return queries
}

/** The first entry not acted on yet: the page's own query first, then the mini-program's entry options. */
export function pendingEntry(pageQuery: Query): EntryIntent | undefined {
  for (const query of [pageQuery, ...miniProgramQueries()]) {
    const intent = parseEntryQuery(query)
    if (intent && !handled.has(entryKey(intent))) return intent
  }
  return undefined
}

/** Opens the screen of a pending entry, once; true when it navigated. */
export function handleEntry(pageQuery: Query): boolean {
  const intent = pendingEntry(pageQuery)
  if (!intent) return false
  // every source of the same entry (page query and launch options) counts as handled
  handled.add(entryKey(intent))
  openPage(entryRoute(intent))
  return true
}

/** Starts a fresh app session's bookkeeping (tests). */
export function resetHandledEntries(): void {
  handled.clear()
}

// ---- The first screen's data ----

/** A prefetched list older than this is not used: the page asks again. */
const PREFETCH_FRESH_MS = 10_000

/** A list asked for at `at` (ms) is still recent enough to draw. */
const isFresh = (asked: { at: number }) => Date.now() - asked.at < PREFETCH_FRESH_MS

let prefetched:
  | {
      at: number
      list: Promise<Envelope<FilingSummary[]>>
      arrived?: Envelope<FilingSummary[]>
      /** Sent by index.html before any app code ran (H5, a returning user). */
      early: boolean
    }
  | undefined

/** What index.html's inline script leaves: the list request it sent before any app code had loaded. */
interface EarlyListRequest {
  at: number
  answer: Promise<unknown>
}

const isListAnswer = (body: unknown): body is Envelope<FilingSummary[]> =>
  typeof body === 'object' &&
  body !== null &&
  (body as { ok?: unknown }).ok === true &&
  Array.isArray((body as { data?: unknown }).data)

/**
 * H5: the list request index.html sent while the app's code was still downloading, taken once. Only a clean answer is
 * used as it came; anything else (no session yet, an expired one, a server error, no network) goes through the API
 * client, which logs in again and retries as for any call.
 */
function takeEarlyListRequest(): Promise<Envelope<FilingSummary[]>> | undefined {
  // a build-time constant: the mini-program packages carry none of this
  if (process.env.TARO_ENV !== 'h5') return undefined
  const holder = globalThis as { __beianEarlyList?: EarlyListRequest }
  const early = holder.__beianEarlyList
  holder.__beianEarlyList = undefined
  if (!early || apiBase() !== '' || !isFresh(early)) return undefined
  return early.answer.then((body) => (isListAnswer(body) ? body : listFilings()))
}

/**
 * Starts the home page's filing list as soon as the code runs, before the page renders: on a cold start the user
 * waits for the first card, and the request can travel while the page's components are still being set up.
 */
export function prefetchFilingList(): void {
  if (prefetched && isFresh(prefetched)) return
  const early = takeEarlyListRequest()
  const list = early ?? listFilings()
  // a client stand-in that returns nothing (tests) leaves nothing to take
  if (!list || typeof list.then !== 'function') {
    prefetched = undefined
    return
  }
  changesAtLaunchList = changesSentSoFar()
  const entry: NonNullable<typeof prefetched> = { at: Date.now(), list, early: !!early }
  // kept as it arrives: a page that mounts after the answer can draw the cards in its first render
  list.then(
    (answer) => {
      entry.arrived = answer
    },
    () => undefined
  )
  prefetched = entry
}

function takeFresh(): NonNullable<typeof prefetched> | undefined {
  const taken = prefetched
  prefetched = undefined
  return taken && isFresh(taken) ? taken : undefined
}

let changesAtLaunchList = 0

/** True when a call that may change data was sent after the launch list was asked for: that list may be outdated. */
export function changedSinceLaunchList(): boolean {
  return changesSentSoFar() > changesAtLaunchList
}

/** True while the list index.html asked for is fresh and still travelling (not taken, not answered). */
export function earlyListInFlight(): boolean {
  return !!prefetched?.early && !prefetched.arrived && isFresh(prefetched)
}

/** The prefetched list if it is fresh, once; later loads ask the server themselves. */
export function takePrefetchedFilingList(): Promise<Envelope<FilingSummary[]>> | undefined {
  return takeFresh()?.list
}

/**
 * The prefetched list's answer if it has already arrived and is fresh, taken once (then takePrefetchedFilingList
 * has nothing left); undefined while it is still travelling, and it stays there to be taken.
 */
export function takeArrivedFilingList(): Envelope<FilingSummary[]> | undefined {
  return prefetched?.arrived ? takeFresh()?.arrived : undefined
}
