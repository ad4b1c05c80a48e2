import { useEffect, useMemo, useState } from 'react'
import { findingsForLayout } from '../../domain/filing-form'
import { runSelfCheck } from '../../domain/self-check'
import { todayInShanghai } from '../../domain/time'
import type { Finding, Severity } from '../../domain/types'
import { useCurrentFiling } from '../../hooks/use-current-filing'
import { currentFilingId } from '../../services/filings'
import { restoreForm, unlockRestored, type RestoredForm } from '../../services/form-draft'
import { isSensitivePath } from '../self-check/fields'
import { prefilled } from '../self-check/form-answers'

export const SEVERITIES: Severity[] = ['error', 'warning', 'info']

export interface FindingGroup {
  severity: Severity
  list: Finding[]
}

/** The filing as the user last left it: the server's copy with the device draft (not yet synced) laid over it. */
function useRestoredForm(current: ReturnType<typeof useCurrentFiling>) {
  const filing = current.filing
  const filingId = filing?.id ?? (current.state === 'error' ? currentFilingId() : undefined)
  const [restored, setRestored] = useState<RestoredForm>()
  const [settled, setSettled] = useState(false)

  useEffect(() => {
    if (!filingId || current.state === 'loading') return
    let alive = true
    const owner = !filing || filing.access === 'owner'
    const server = filing ? { form: filing.form, version: filing.version, profile: filing.profile } : undefined
    const next = owner
      ? restoreForm(filingId, server)
      : server && { ...server, baseVersion: server.version, fromDraft: false, sealed: 'none' as const }
    setRestored(next)
    setSettled(true)
    if (next?.sealed === 'locked')
      void unlockRestored(filingId, next).then((opened) => {
        if (alive) setRestored(opened)
      })
    return () => {
      alive = false
    }
  }, [filingId, filing, current.state])

  return { filingId, restored, settled }
}

/** The current filing, its restored form and the self-check findings grouped by severity. */
export function useCheckFindings() {
  const current = useCurrentFiling({ reveal: true })
  const filing = current.filing
  const { filingId, restored, settled } = useRestoredForm(current)

  const masked = !!filing && !filing.revealed
  const today = useMemo(() => todayInShanghai(), [])
  const findings = useMemo(() => {
    if (!restored) return []
    // the form as self-check shows it: the wizard's answers filled in, an individual's findings on the person's fields
    const form = prefilled(restored.form, restored.profile)
    const all = findingsForLayout(runSelfCheck(form, { profile: restored.profile, today }), restored.profile?.ownerType)
    // masked values would fail their own format checks: an invited principal sees the rest
    return masked ? all.filter((f) => !isSensitivePath(f.field)) : all
  }, [restored, today, masked])
  const groups: FindingGroup[] = useMemo(
    () => SEVERITIES.map((severity) => ({ severity, list: findings.filter((f) => f.severity === severity) })),
    [findings]
  )
  const count = (s: Severity) => groups.find((g) => g.severity === s)!.list.length

  return { current, filing, filingId, restored, settled, masked, groups, count }
}
