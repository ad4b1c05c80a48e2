/**
 * Taro's page hooks need the page runtime that the real app starts; these tests render a page component alone.
 * Stand-ins that keep the page's own code unchanged: useRouter reads `Current.router` (set with `setRoute`),
 * useDidShow / useDidHide callbacks run on `showPage()` / `hidePage()`.
 *
 * Use: `jest.mock('@tarojs/taro', () => jest.requireActual('./taro-hooks').taroWithPageHooks())`
 */
import { useEffect, useRef } from 'react'
import { act } from '@testing-library/react'
import { Current } from '@tarojs/runtime'

type Callback = () => unknown

const shown = new Set<Callback>()
const hidden = new Set<Callback>()

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

export function taroWithPageHooks() {
  const actual = jest.requireActual('@tarojs/taro')
  const hooks = {
    useRouter: () => Current.router ?? { params: {} },
    useDidShow: (fn: Callback) => useRegistered(fn, shown),
    useDidHide: (fn: Callback) => useRegistered(fn, hidden)
  }
  return { ...actual, ...hooks, default: { ...actual.default, ...hooks }, __esModule: true }
}

export function setRoute(params: Record<string, string>, path = '/filing/self-check/index'): void {
  Current.router = { params, path, onReady: '', onHide: '', onShow: '' } as typeof Current.router
}

export function showPage(): void {
  act(() => {
    shown.forEach((cb) => cb())
  })
}

export function hidePage(): void {
  act(() => {
    hidden.forEach((cb) => cb())
  })
}
