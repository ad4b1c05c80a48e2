import { useMemo } from 'react'
import { buildChecklist, currentEntry } from '../../domain'
import type { FilingProgress, Stage, StageEntry } from '../../domain/types'
import type { FilingView } from '../../services/api-types'
import RejectionCard from './rejection-card'

const REJECTED_STAGES: Stage[] = ['platform_rejected', 'admin_rejected']

function lastRejection(progress: FilingProgress): StageEntry | undefined {
  for (let i = progress.history.length - 1; i >= 0; i--)
    if (REJECTED_STAGES.includes(progress.history[i].stage)) return progress.history[i]
  return undefined
}

/**
 * The reasons of the current rejection, or of the last one while the filing is resubmitted (what was wrong then is
 * what to keep right); nothing once the filing is approved or cancelled.
 */
export default function LatestRejection({ filing }: { filing: FilingView }) {
  const checklistIds = useMemo(() => buildChecklist(filing.profile).map((c) => c.id), [filing])
  const { progress } = filing
  const rejected = REJECTED_STAGES.includes(progress.stage)
  const rejection = rejected ? currentEntry(progress) : lastRejection(progress)
  if (!rejection || ['approved', 'cancelled'].includes(progress.stage)) return null
  return (
    <RejectionCard
      title={rejected ? '驳回原因' : '上次驳回的原因'}
      entry={rejection}
      checklistIds={checklistIds}
      canFix={filing.access === 'owner'}
    />
  )
}
