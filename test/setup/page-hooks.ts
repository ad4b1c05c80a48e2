/**
 * Taro's page hooks (useRouter, useDidShow, useDidHide, useShareAppMessage) need the page runtime that
 * `createReactApp` starts in the real app; jsdom tests render a page component alone. The unit project's
 * `@tarojs/taro` (test/setup/taro.js) uses these stand-ins, so a page's own code runs unchanged:
 * - useRouter reads `Current.router`: set the page's query with `setRoute`;
 * - useDidShow / useDidHide callbacks run on `showPage()` / `hidePage()`;
 * - the latest share handler's answer is `shareMessage()`.
 */
import { act, useEffect, useRef } from 'react'
import { Current } from '@tarojs/runtime'

type Callback = () => unknown

const shown = new Set<Callback>()
const hidden = new Set<Callback>()
const sharers = new Set<Callback>()

/** Registered once per mount, always calling the newest closure (as Taro's own hooks do). */
function useRegistered(fn: Callback, into: Set<Callback>) {
  const latest = useRef(fn)
  latest.current = fn
  useEffect(() => {
    const cb = () => latest.current()
    into.add(cb)
    return () => {
      into.delete(cb)
    }
  }, [into])
}

export const pageHooks = {
  useRouter: () => Current.router ?? { params: {} },
  useDidShow: (fn: Callback) => useRegistered(fn, shown),
  useDidHide: (fn: Callback) => useRegistered(fn, hidden),
  useShareAppMessage: (fn: Callback) => useRegistered(fn, sharers)
}

/** The page's query, as `useRouter().params` returns it. */
export function setRoute(params: Record<string, string>, path = '/pages/index/index'): void {
  Current.router = { params, path, onReady: '', onHide: '', onShow: '' } as typeof Current.router
}

function run(callbacks: Set<Callback>) {
  act(() => {
    callbacks.forEach((cb) => cb())
  })
}

/** The page is shown again (back from a sub-page, a tab switch). */
export function showPage(): void {
  run(shown)
}

/** The page is hidden (a sub-page opens, the app goes to the background). */
export function hidePage(): void {
  run(hidden)
}

/** What the page's share handler returns now (WeChat calls it when the user shares). */
export function shareMessage(): unknown {
  let latest: unknown
  sharers.forEach((cb) => (latest = cb()))
  return latest
}
