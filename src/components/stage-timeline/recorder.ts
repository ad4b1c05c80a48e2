/**
 * Who recorded a step of the timeline, as the viewer reads it: 由我记录, 由备案创建者记录, 由协作者（主体负责人）记录,
 * or 平台同步. Collaborators are named by their role only — the app shows no person's name anywhere.
 */
import type { RecipientRole, StageEntry } from '../../domain/types'
import { ROLE_LABELS } from '../../services/invites'

export function recordedByText(entry: Pick<StageEntry, 'source' | 'by'>, viewer: RecipientRole): string {
  if (entry.source === 'platform') return '平台同步'
  // entries from before members were kept were the owner's: only the owner could record steps then
  const recorder = entry.by ?? 'owner'
  if (recorder === viewer) return '由我记录'
  if (recorder === 'owner') return '由备案创建者记录'
  return `由协作者（${ROLE_LABELS[recorder]}）记录`
}
