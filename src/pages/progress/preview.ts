/**
 * Runs a stage action through the domain's stage machine on the device, without saving: the page shows the same
 * message the back end would answer (a wrong 备案号, an SMS time before the submission) while the user types.
 */
import { applyStageAction, parseInstant, toShanghaiIso, type StageResult } from '../../domain'
import type { Filing, StageAction } from '../../domain/types'

export function previewAction(
  filing: Pick<Filing, 'progress' | 'profile'>,
  action: StageAction,
  nowMs: number,
  /** When the step happened; absent = now. */
  at?: string
): StageResult {
  const last = filing.progress.history[filing.progress.history.length - 1]
  // the phone's clock may lag the last step's (server) time: never judge "now" before it
  const when = at ?? toShanghaiIso(Math.max(nowMs, last ? parseInstant(last.at) : nowMs))
  return applyStageAction(filing.progress, action, when, {
    platform: filing.profile.platform,
    province: filing.profile.province,
    filingType: filing.profile.filingType,
    now: toShanghaiIso(Math.max(nowMs, parseInstant(when)))
  })
}
