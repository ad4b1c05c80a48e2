import { useEffect, useState } from 'react'
import { useDidHide, useDidShow } from '@tarojs/taro'

/**
 * The current time in milliseconds, refreshed every `intervalMs` while the page is shown (a tab page stays alive in
 * the background: no point re-rendering a countdown nobody sees).
 */
export function useNow(intervalMs = 1000): number {
  const [now, setNow] = useState(() => Date.now())
  const [visible, setVisible] = useState(true)
  useDidShow(() => setVisible(true))
  useDidHide(() => setVisible(false))
  useEffect(() => {
    if (!visible) return undefined
    setNow(Date.now())
    const timer = setInterval(() => setNow(Date.now()), intervalMs)
    return () => clearInterval(timer)
  }, [intervalMs, visible])
  return now
}
