import { useEffect, useMemo, useState } from 'react'
import { parseInstant } from '../../domain/time'
import { remainingUntil, type Remaining } from './remaining'

/** The SMS window's remaining time, ticking every second until the deadline (then it stops). */
export function useSmsRemaining(deadline: string): Remaining | undefined {
  const deadlineMs = useMemo(() => parseInstant(deadline), [deadline])
  const [now, setNow] = useState(() => Date.now())

  useEffect(() => {
    if (Number.isNaN(deadlineMs)) return undefined
    setNow(Date.now())
    if (Date.now() >= deadlineMs) return undefined
    const timer = setInterval(() => {
      const t = Date.now()
      setNow(t)
      if (t >= deadlineMs) clearInterval(timer)
    }, 1000)
    return () => clearInterval(timer)
  }, [deadlineMs])

  return Number.isNaN(deadlineMs) ? undefined : remainingUntil(deadlineMs, now)
}
