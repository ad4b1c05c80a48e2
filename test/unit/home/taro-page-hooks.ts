/**
 * Taro's page hooks (useRouter, useDidShow, useShareAppMessage…) need the page runtime that `createReactApp` starts
 * in the real app; jsdom page tests render a page component alone. These stand-ins keep the page's own code
 * unchanged: useRouter reads `Current.router` (set it with `setRoute`), useDidShow callbacks run on `showPage()`,
 * and the latest share handler is `shareMessage()`.
 *
 * Use: `jest.mock('@tarojs/taro', () => jest.requireActual('../home/taro-page-hooks').taroWithPageHooks())`
 */
import { useEffect, useRef } from 'react'
import { Current } from '@tarojs/runtime'

type Callback = (...args: unknown[]) => unknown

const shown = new Set<() => void>()
let share: Callback | undefined

function useRegistered(fn: Callback, register: (cb: () => unknown) => () => void) {
  const latest = useRef(fn)
  latest.current = fn
  // registered once per mount, always calling the newest closure (as Taro's own hooks do)
  // eslint-disable-next-line react-hooks/exhaustive-deps
  useEffect(() => register(() => latest.current()), [])
}

export function taroWithPageHooks() {
  const actual = jest.requireActual('@tarojs/taro')
  const hooks = {
    useRouter: () => Current.router ?? { params: {} },
    useDidShow: (fn: Callback) =>
      useRegistered(fn, (cb) => {
        shown.add(cb)
        return () => shown.delete(cb)
      }),
    useDidHide: () => undefined,
    useShareAppMessage: (fn: Callback) =>
      useRegistered(fn, (cb) => {
        share = cb
        return () => {
          if (share === cb) share = undefined
        }
      })
  }
  return { ...actual, ...hooks, default: { ...actual.default, ...hooks }, __esModule: true }
}

/** The page's query, as `useRouter().params` returns it. */
export function setRoute(params: Record<string, string>, path = '/pages/index/index'): void {
  Current.router = { params, path, onReady: '', onHide: '', onShow: '' } as typeof Current.router
}

/** The page is shown again (back from a sub-page, a tab switch). */
export function showPage(): void {
  shown.forEach((cb) => cb())
}

/** What the page's share handler returns now (WeChat calls it when the user shares). */
export function shareMessage(): unknown {
  return share?.()
}
