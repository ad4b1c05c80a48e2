/**
 * The steps one delivery goes through in a run of the reminder job (see run.ts for the exactly-once argument):
 * `claimDelivery` (conditional on its version: only one run wins), `prepareDelivery` (drop it if expired or if its
 * fields carry personal data, else hold one quota unit), `sendMessage` (with quick retries) and `recordOutcome`
 * (conditional on the lease token: only the claiming run records). Every write after the claim goes through
 * `finishDelivery`, which requires the lease token.
 */
import { containsPersonalData } from '../../domain/personal-data'
import type { Clock, Collection, Logger, OutgoingMessage, Sender, Store } from '../ports'
import { randomToken } from '../crypto'
import { clearQuota, refundQuota, takeQuotaFor } from '../handlers/subscriptions/quota'
import type { DeliveryRecord } from '../records'
import { addMs, instantMs, isoShanghai, isoUtc } from '../time'
import { DUE_ORDER, dueFilter } from './due-queue'

/** Timing and retry settings of a run (`JOB_DEFAULTS` in run.ts). */
export interface JobSettings {
  budgetMs: number
  concurrency: number
  leaseMs: number
  maxClaims: number
  sendsPerClaim: number
  sendTimeoutMs: number
  backoffBaseMs: number
  requeueDelayMs: number
}

export interface ReminderJobReport {
  claimed: number
  sent: number
  noQuota: number
  /** Past their `expiresAt` (e.g. an SMS reminder after the deadline): dropped unsent. */
  expired: number
  failed: number
  requeued: number
  /** Claims lost to another run. */
  lostClaims: number
  /** True when the time budget ended the run with work possibly left. */
  budgetExhausted: boolean
  durationMs: number
}

/** What the steps of one run share: the ports, the settings, the run's clock and its tally. */
export interface JobRun {
  store: Store
  clock: Clock
  sender: Sender
  logger: Logger
  deliveries: Collection<DeliveryRecord>
  settings: JobSettings
  report: ReminderJobReport
  /** The run's notion of now (shifted when the run is asked to act as of another instant). */
  now(): Date
}

/** A delivery this run holds the lease of, with a quota unit taken: ready to send. */
export interface Prepared {
  d: DeliveryRecord
  lease: string
}

/** WeChat's retryable answers: 45009 (rate limit), -1 (system busy); a thrown error or time-out counts as -1. */
const TRANSIENT = new Set([45009, -1])
export const NO_PERMISSION = 43101
export const BAD_PAYLOAD = 47003
export const TIMED_OUT = -2

const isTransient = (errcode: number) => TRANSIENT.has(errcode) || errcode === TIMED_OUT

class SendTimeout extends Error {}

function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new SendTimeout('send timed out')), ms)
  })
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer))
}

/** A write to a delivery this run holds: applies only under the lease token, and ends the lease. */
export function finishDelivery(
  run: JobRun,
  { d, lease }: Prepared,
  set: Partial<DeliveryRecord>,
  inc: Partial<Record<keyof DeliveryRecord, number>> = {}
): Promise<number> {
  return run.deliveries.updateWhere(
    { _id: d._id, leaseToken: lease },
    { set: { ...set, updatedAt: isoUtc(run.now()) }, unset: ['leaseToken'], inc: { ...inc, version: 1 } }
  )
}

/**
 * Claims a due delivery for this run: a conditional update on the version it was read at, so of two runs that
 * read it only one succeeds. The claim moves `nextAttemptAt` to the end of a lease, after which a later run may
 * claim it again if this one crashed. Returns the lease token, or null when another run claimed it first.
 */
export async function claimDelivery(run: JobRun, d: DeliveryRecord): Promise<string | null> {
  const lease = randomToken(12)
  const claimed = await run.deliveries.updateWhere(
    { _id: d._id, version: d.version, state: d.state },
    {
      set: {
        state: 'claimed',
        leaseToken: lease,
        nextAttemptAt: isoUtc(addMs(run.now(), run.settings.leaseMs)),
        updatedAt: isoUtc(run.now())
      },
      inc: { version: 1, attempts: 1 }
    }
  )
  if (!claimed) {
    run.report.lostClaims++
    return null
  }
  run.report.claimed++
  return lease
}

/**
 * Claims up to `limit` due deliveries in one statement (a store with `claimMany`): the same claim as
 * `claimDelivery`, one lease token for the batch, and rows another run is claiming at that moment skipped rather
 * than waited for. The claimed documents as stored (state `claimed`, the lease token in `leaseToken`).
 */
export async function claimDueBatch(run: JobRun, limit: number, ownerId?: string): Promise<DeliveryRecord[]> {
  const claimMany = run.deliveries.claimMany
  if (!claimMany) throw new Error('claimDueBatch needs a store with claimMany')
  const now = run.now()
  const claimed = await claimMany.call(
    run.deliveries,
    dueFilter(now, ownerId),
    {
      set: {
        state: 'claimed',
        leaseToken: randomToken(12),
        nextAttemptAt: isoUtc(addMs(now, run.settings.leaseMs)),
        updatedAt: isoUtc(now)
      },
      inc: { version: 1, attempts: 1 }
    },
    { orderBy: DUE_ORDER!, limit }
  )
  run.report.claimed += claimed.length
  return claimed
}

/** A delivery of a claimed batch as the later steps take it: as it was before the claim, with its lease apart. */
export function asClaimed(stored: DeliveryRecord): Prepared {
  return { d: { ...stored, attempts: stored.attempts - 1 }, lease: stored.leaseToken! }
}

/**
 * Checks a claimed delivery before any unit is held for it: false when it ends here, recorded — expired (any unit
 * it held is given back) or fields that read as personal data (the last-line guard: refused, never sent).
 */
export async function passesChecks(run: JobRun, claimed: Prepared): Promise<boolean> {
  const { d } = claimed
  if (d.expiresAt && instantMs(d.expiresAt) <= run.now().getTime()) {
    run.report.expired++
    await finishDelivery(run, claimed, { state: 'expired', quotaTaken: false })
    if (d.quotaTaken) await refundQuota(run.store, d.recipientId, d.template)
    return false
  }
  if (Object.values(d.fields).some(containsPersonalData)) {
    run.logger.error('reminder_payload_refused', { key: d.key, filingId: d.filingId, template: d.template })
    run.report.failed++
    await finishDelivery(run, claimed, { state: 'failed', lastErrcode: BAD_PAYLOAD })
    return false
  }
  return true
}

/** Holds one quota unit for a checked delivery, on its own (the budget decides); false (recorded) when none is left. */
export async function holdUnit(run: JobRun, claimed: Prepared): Promise<boolean> {
  const { d, lease } = claimed
  if (d.quotaTaken) return true
  if (!(await takeQuotaFor(run.store, d, run.now().getTime()))) {
    run.report.noQuota++
    await finishDelivery(run, claimed, { state: 'no_quota' })
    return false
  }
  // marked, so a retry after a crash does not take a second unit
  await run.deliveries.updateWhere(
    { _id: d._id, leaseToken: lease },
    { set: { quotaTaken: true }, inc: { version: 1 } }
  )
  return true
}

/**
 * Checks a claimed delivery and holds one quota unit of its recipient for it. Null when it ends here: expired,
 * refused, or no quota left.
 */
export async function prepareDelivery(run: JobRun, claimed: Prepared): Promise<Prepared | null> {
  return (await passesChecks(run, claimed)) && (await holdUnit(run, claimed)) ? claimed : null
}

/** Claim, then prepare: a delivery ready to send, or null when it was lost to another run or ended here. */
export async function claimAndPrepare(run: JobRun, d: DeliveryRecord): Promise<Prepared | null> {
  const lease = await claimDelivery(run, d)
  return lease ? prepareDelivery(run, { d, lease }) : null
}

/** Sends the message, retrying transient failures with backoff. Returns WeChat's errcode (0: sent). */
export async function sendMessage(run: JobRun, { d }: Prepared): Promise<number> {
  const { sendsPerClaim, backoffBaseMs, sendTimeoutMs } = run.settings
  const message: OutgoingMessage = {
    toUserId: d.recipientId,
    template: d.template,
    fields: d.fields,
    page: d.page,
    reminderKey: d.key
  }
  let errcode = 0
  for (let attempt = 0; attempt < sendsPerClaim; attempt++) {
    if (attempt > 0) await run.clock.sleep(backoffBaseMs * 2 ** (attempt - 1) * (1 + Math.random() * 0.2))
    try {
      const result = await withTimeout(run.sender.send(message), sendTimeoutMs)
      errcode = result.ok ? 0 : result.errcode
    } catch (err) {
      errcode = err instanceof SendTimeout ? TIMED_OUT : -1
    }
    if (errcode === 0 || !isTransient(errcode)) break
  }
  return errcode
}

/** What recording a send's outcome writes to the delivery, and what follows once that write applied. */
export interface Outcome {
  set: Partial<DeliveryRecord>
  after?: () => Promise<void>
}

/**
 * A send's outcome (counted in the report): sent (never due again), no permission left, requeued for a later run
 * (keeping the quota unit), or failed (the unit given back).
 */
export function outcomeOf(run: JobRun, { d }: Prepared, errcode: number): Outcome {
  const { report, store, logger, settings } = run
  if (errcode === 0) {
    report.sent++
    return { set: { state: 'sent', sentAt: isoShanghai(run.now()), quotaTaken: false } }
  }
  if (errcode === NO_PERMISSION) {
    // the platform has no permission left for this template: stop counting on our own tally
    report.noQuota++
    const at = isoShanghai(run.now())
    return {
      set: { state: 'no_quota', lastErrcode: errcode, quotaTaken: false },
      after: () => clearQuota(store, d.recipientId, d.template, at)
    }
  }
  if (isTransient(errcode) && d.attempts + 1 < settings.maxClaims) {
    // keep the quota unit for the next try; a later run picks it up after the delay
    report.requeued++
    const nextAttemptAt = isoUtc(addMs(run.now(), settings.requeueDelayMs * 2 ** d.attempts))
    return { set: { state: 'pending', lastErrcode: errcode, nextAttemptAt } }
  }
  // out of claims, or 47003 (a field value the platform refuses) or another definite refusal: no retry
  report.failed++
  const log = { key: d.key, filingId: d.filingId, template: d.template }
  logger.warn(isTransient(errcode) ? 'reminder_gave_up' : 'reminder_refused', { ...log, errcode })
  return {
    set: { state: 'failed', lastErrcode: errcode, quotaTaken: false },
    after: () => refundQuota(store, d.recipientId, d.template)
  }
}

/**
 * Records a send's outcome under the lease. The quota follow-up (refund, clear) only when the write applied: a run
 * that lost the lease no longer speaks for the delivery's unit.
 */
export async function recordOutcome(run: JobRun, item: Prepared, errcode: number): Promise<void> {
  const { set, after } = outcomeOf(run, item, errcode)
  if ((await finishDelivery(run, item, set)) && after) await after()
}

/** Hands a claimed but unsent delivery back at once (keeping any quota unit), instead of after the lease. */
export async function releaseUnsent(run: JobRun, item: Prepared): Promise<void> {
  await finishDelivery(run, item, { state: 'pending', nextAttemptAt: isoUtc(run.now()) }, { attempts: -1 })
  run.report.claimed--
}
