import { useCallback, useEffect, useRef, useState } from 'react'
import type { ErrorEnvelope } from '../services/api-types'
import { api } from '../services/api'
import type { Schedule } from '../services/reminder-schedule'

export type ScheduleState =
  { state: 'loading' } | { state: 'ready'; schedule: Schedule } | { state: 'error'; error: ErrorEnvelope }

/** The filing's reminders and my subscription budget; reloaded when the filing's version changes. */
export function useReminderSchedule(filingId: string | undefined, version: number | undefined) {
  const [loaded, setLoaded] = useState<ScheduleState>({ state: 'loading' })
  const latest = useRef(0)

  const reload = useCallback(async () => {
    if (!filingId) return
    const request = ++latest.current
    const res = await api.filings.schedule({ id: filingId })
    if (request !== latest.current) return
    setLoaded(res.ok ? { state: 'ready', schedule: res.data } : { state: 'error', error: res })
  }, [filingId])

  useEffect(() => {
    void reload()
  }, [reload, version])

  return { loaded, schedule: loaded.state === 'ready' ? loaded.schedule : undefined, reload }
}
