/**
 * Expected dates of each stage of a filing (working days, public holidays included). Split from stages.ts, which
 * re-exports all of it; it needs nothing from the stage machine itself, so there is no import cycle.
 */
import type { FilingProfile, FilingProgress, Stage, StageEntry } from './types'
import { addWorkingDays, spansProvisionalYear } from './calendar'
import { PLATFORMS, type DayRange } from './rules/platforms'
import { PROVINCES } from './rules/provinces'
import { addDays, shanghaiDate } from './time'

export interface StageEta {
  stage: Stage
  startedAt?: string
  etaDate?: string
  minDate?: string
  maxDate?: string
  /** The dates fall in a year whose holiday arrangement is not published yet. */
  provisional?: boolean
  done: boolean
}

/** Durations learned from users' reports, overriding the rule data (median working days). */
export interface ObservedDurations {
  platformReviewDays?: number
  adminReviewDays?: number
}

const MAIN_PATH: Stage[] = ['draft', 'platform_review', 'sms_verification', 'admin_review', 'approved']
const CANCEL_PATH: Stage[] = ['draft', 'platform_review', 'admin_review', 'approved']

/** Where each stage sits on the path; rejections count as their review stage, not yet done. */
const PATH_POSITION: Record<Stage, Stage> = {
  draft: 'draft',
  platform_review: 'platform_review',
  platform_rejected: 'draft',
  sms_verification: 'sms_verification',
  sms_expired: 'draft',
  admin_review: 'admin_review',
  admin_rejected: 'draft',
  approved: 'approved',
  cancelled: 'draft'
}

export function reviewDays(
  stage: 'platform_review' | 'admin_review',
  profile: FilingProfile,
  observed?: ObservedDurations
): DayRange {
  const base =
    stage === 'platform_review'
      ? PLATFORMS[profile.platform].platformReviewDays
      : (PROVINCES[profile.province]?.adminReviewDays ?? { min: 1, typical: 10, max: 20, estimated: true })
  const learned = stage === 'platform_review' ? observed?.platformReviewDays : observed?.adminReviewDays
  if (learned === undefined) return base
  const typical = Math.max(base.min, Math.min(base.max, Math.round(learned)))
  return { ...base, typical, estimated: false }
}

/**
 * Expected dates of every stage on the path. Started stages count from their start; later ones are chained from the
 * expected end of the one before (or today, if that is later).
 */
export function stageEtas(
  progress: FilingProgress,
  profile: FilingProfile,
  now: string,
  observed?: ObservedDurations
): StageEta[] {
  const path = profile.filingType === 'cancel' ? CANCEL_PATH : MAIN_PATH
  const today = shanghaiDate(now)
  const position = path.indexOf(PATH_POSITION[progress.stage])
  // The entry that started the current stage (stages.ts's currentEntry, without importing the stage machine)
  const entry = lastEntryOf(progress, progress.stage)
  // Earliest, expected and latest end of the stage before: the next stage starts there (never before today)
  let cursor = { min: today, eta: today, max: today }
  const notBeforeToday = (d: string) => (d < today ? today : d)
  return path.map((stage, i) => {
    const finished = progress.stage === 'approved'
    const done = finished || i < position
    const eta: StageEta = { stage, done }
    const started = i === position && entry ? entry : done ? lastEntryOf(progress, stage) : undefined
    if (started) eta.startedAt = started.at
    if (stage === 'draft' || (done && stage !== 'approved')) return eta
    if (stage === 'approved') {
      if (finished && started) eta.etaDate = eta.minDate = eta.maxDate = shanghaiDate(started.at)
      else Object.assign(eta, { minDate: cursor.min, etaDate: cursor.eta, maxDate: cursor.max })
    } else {
      const from =
        i === position && entry
          ? { min: shanghaiDate(entry.at), eta: shanghaiDate(entry.at), max: shanghaiDate(entry.at) }
          : { min: notBeforeToday(cursor.min), eta: notBeforeToday(cursor.eta), max: notBeforeToday(cursor.max) }
      if (stage === 'sms_verification') {
        // Verified the same day as a rule; at the latest by the deadline (24 h after the SMS)
        const deadline =
          i === position && progress.smsDeadline ? shanghaiDate(progress.smsDeadline) : addDays(from.max, 1)
        Object.assign(eta, { minDate: from.min, etaDate: from.eta, maxDate: deadline })
      } else {
        const d = reviewDays(stage as 'platform_review' | 'admin_review', profile, observed)
        eta.minDate = addWorkingDays(from.min, d.min)
        eta.etaDate = addWorkingDays(from.eta, d.typical)
        eta.maxDate = addWorkingDays(from.max, d.max)
      }
      cursor = { min: eta.minDate!, eta: eta.etaDate!, max: eta.maxDate! }
    }
    if (eta.minDate && eta.maxDate && spansProvisionalYear(eta.minDate, eta.maxDate)) eta.provisional = true
    return eta
  })
}

function lastEntryOf(progress: FilingProgress, stage: Stage): StageEntry | undefined {
  for (let i = progress.history.length - 1; i >= 0; i--)
    if (progress.history[i].stage === stage) return progress.history[i]
  return undefined
}
