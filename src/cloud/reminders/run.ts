/**
 * The reminder job (WeChat timer trigger every 5 minutes; every minute inside the local server).
 *
 * Exactly once per delivery, even when two runs overlap or a run fires twice:
 *  1. due deliveries are read page by page (`nextAttemptAt <= now`, oldest first);
 *  2. each is claimed with a conditional update on its version, which also moves `nextAttemptAt` to the end of
 *     a lease: a run that crashes after claiming leaves it to be retried once the lease has passed;
 *  3. one quota unit of the recipient's subscription is taken (conditional decrement) and marked on the delivery;
 *  4. the message is sent, and the outcome recorded under the lease token: sent deliveries are never due again.
 * A failed send only changes the delivery (and the quota), never the filing.
 */
import type { Clock, Logger, OutgoingMessage, Sender, Store } from '../ports'
import { randomToken } from '../crypto'
import { clearQuota, refundQuota, takeQuotaFor } from '../handlers/subscriptions/quota'
import { COLLECTIONS, type DeliveryRecord } from '../records'
import { addMs, isoShanghai, isoUtc } from '../time'

export interface ReminderJobDeps {
  store: Store
  clock: Clock
  sender: Sender
  logger: Logger
}

export interface ReminderJobOptions {
  /** Run as if it were this instant (local dev endpoint); default: the clock's now. */
  at?: Date
  /** Only the deliveries of this owner's filings (the local dev endpoint). */
  ownerId?: string
  /** Stop claiming new deliveries after this long (in-flight ones finish). */
  budgetMs?: number
  concurrency?: number
  leaseMs?: number
  /** Claims per delivery before it is given up as failed. */
  maxClaims?: number
  /** Sends per claim (the first plus quick retries with backoff). */
  sendsPerClaim?: number
  sendTimeoutMs?: number
  backoffBaseMs?: number
  /** Delay before a later run retries a delivery whose quick retries all failed transiently. */
  requeueDelayMs?: number
}

export const JOB_DEFAULTS: Required<Omit<ReminderJobOptions, 'at' | 'ownerId'>> = {
  budgetMs: 45_000,
  concurrency: 20,
  leaseMs: 5 * 60_000,
  maxClaims: 3,
  sendsPerClaim: 3,
  sendTimeoutMs: 3_000,
  backoffBaseMs: 300,
  requeueDelayMs: 60_000
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

/** WeChat's retryable answers: 45009 (rate limit), -1 (system busy); a thrown error or time-out counts as -1. */
const TRANSIENT = new Set([45009, -1])
const NO_PERMISSION = 43101
const BAD_PAYLOAD = 47003
const TIMED_OUT = -2

/** A mobile number or an ID-card-like run of digits must never leave in a message, whatever produced it. */
const PERSONAL_DATA = /(?<!\d)1[3-9]\d{9}(?!\d)|\d{15,18}|\d{17}[\dXx]/

class SendTimeout extends Error {}

function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new SendTimeout('send timed out')), ms)
  })
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer))
}

export async function runReminderJob(
  deps: ReminderJobDeps,
  options: ReminderJobOptions = {}
): Promise<ReminderJobReport> {
  const o = { ...JOB_DEFAULTS, ...options }
  const { store, clock, sender, logger } = deps
  const col = store.collection<DeliveryRecord>(COLLECTIONS.deliveries)
  const startedAt = clock.now().getTime()
  const offset = options.at ? options.at.getTime() - startedAt : 0
  const now = () => new Date(clock.now().getTime() + offset)
  const overBudget = () => clock.now().getTime() - startedAt >= o.budgetMs
  const report: ReminderJobReport = {
    claimed: 0,
    sent: 0,
    noQuota: 0,
    expired: 0,
    failed: 0,
    requeued: 0,
    lostClaims: 0,
    budgetExhausted: false,
    durationMs: 0
  }

  // ---- stage 1: due deliveries, read a page at a time (the next page while the last is being worked on) ----
  const queue: DeliveryRecord[] = []
  const seen = new Set<string>()
  let exhausted = false
  let refill: Promise<void> | null = null
  const fetchPage = async () => {
    const page = await col.find(
      {
        state: { $in: ['pending', 'claimed'] },
        nextAttemptAt: { $lte: isoUtc(now()) },
        ...(options.ownerId ? { ownerId: options.ownerId } : {})
      },
      { orderBy: { field: 'nextAttemptAt', direction: 'asc' }, limit: 100 }
    )
    const fresh = page.filter((d) => !seen.has(d._id))
    for (const d of fresh) seen.add(d._id)
    queue.push(...fresh)
    // a page of only already-seen deliveries means the rest are stuck for this run: leave them to the next
    if (!fresh.length) exhausted = true
  }
  const startRefill = () => (refill ??= fetchPage().finally(() => (refill = null)))
  const nextDue = async (): Promise<DeliveryRecord | undefined> => {
    while (!queue.length && !exhausted) await startRefill()
    if (queue.length <= o.concurrency && !exhausted) void startRefill().catch(() => undefined)
    return queue.shift()
  }

  const finish = (
    d: DeliveryRecord,
    lease: string,
    set: Partial<DeliveryRecord>,
    inc: Partial<Record<keyof DeliveryRecord, number>> = {}
  ) =>
    col.updateWhere(
      { _id: d._id, leaseToken: lease },
      { set: { ...set, updatedAt: isoUtc(now()) }, unset: ['leaseToken'], inc: { ...inc, version: 1 } }
    )

  // ---- stage 2: claim, check, take a quota unit ----
  interface Prepared {
    d: DeliveryRecord
    lease: string
  }
  const prepare = async (d: DeliveryRecord): Promise<Prepared | null> => {
    const lease = randomToken(12)
    const claimed = await col.updateWhere(
      { _id: d._id, version: d.version, state: d.state },
      {
        set: {
          state: 'claimed',
          leaseToken: lease,
          nextAttemptAt: isoUtc(addMs(now(), o.leaseMs)),
          updatedAt: isoUtc(now())
        },
        inc: { version: 1, attempts: 1 }
      }
    )
    if (!claimed) {
      report.lostClaims++
      return null
    }
    report.claimed++
    if (d.expiresAt && Date.parse(d.expiresAt) <= now().getTime()) {
      report.expired++
      await finish(d, lease, { state: 'expired', quotaTaken: false })
      if (d.quotaTaken) await refundQuota(store, d.recipientId, d.template)
      return null
    }
    if (Object.values(d.fields).some((v) => PERSONAL_DATA.test(v))) {
      logger.error('reminder_payload_refused', { key: d.key, filingId: d.filingId, template: d.template })
      report.failed++
      await finish(d, lease, { state: 'failed', lastErrcode: BAD_PAYLOAD })
      return null
    }
    if (!d.quotaTaken) {
      if (!(await takeQuotaFor(store, d, now().getTime()))) {
        report.noQuota++
        await finish(d, lease, { state: 'no_quota' })
        return null
      }
      // marked, so a retry after a crash does not take a second unit
      await col.updateWhere({ _id: d._id, leaseToken: lease }, { set: { quotaTaken: true }, inc: { version: 1 } })
    }
    return { d, lease }
  }

  // ---- stage 3: send (with quick retries), then record the outcome ----
  const send = async ({ d }: Prepared): Promise<number> => {
    const message: OutgoingMessage = {
      toUserId: d.recipientId,
      template: d.template,
      fields: d.fields,
      page: d.page,
      reminderKey: d.key
    }
    let errcode = 0
    for (let attempt = 0; attempt < o.sendsPerClaim; attempt++) {
      if (attempt > 0) await clock.sleep(o.backoffBaseMs * 2 ** (attempt - 1) * (1 + Math.random() * 0.2))
      try {
        const result = await withTimeout(sender.send(message), o.sendTimeoutMs)
        errcode = result.ok ? 0 : result.errcode
      } catch (err) {
        errcode = err instanceof SendTimeout ? TIMED_OUT : -1
      }
      if (errcode === 0 || !(TRANSIENT.has(errcode) || errcode === TIMED_OUT)) break
    }
    return errcode
  }

  const record = async ({ d, lease }: Prepared, errcode: number) => {
    const log = { key: d.key, filingId: d.filingId, template: d.template }
    if (errcode === 0) {
      report.sent++
      await finish(d, lease, { state: 'sent', sentAt: isoShanghai(now()), quotaTaken: false })
    } else if (errcode === NO_PERMISSION) {
      // the platform has no permission left for this template: stop counting on our own tally
      report.noQuota++
      await finish(d, lease, { state: 'no_quota', lastErrcode: errcode, quotaTaken: false })
      await clearQuota(store, d.recipientId, d.template, isoShanghai(now()))
    } else if (TRANSIENT.has(errcode) || errcode === TIMED_OUT) {
      if (d.attempts + 1 >= o.maxClaims) {
        report.failed++
        logger.warn('reminder_gave_up', { ...log, errcode })
        await finish(d, lease, { state: 'failed', lastErrcode: errcode, quotaTaken: false })
        await refundQuota(store, d.recipientId, d.template)
      } else {
        // keep the quota unit for the next try; a later run picks it up after the delay
        report.requeued++
        await finish(d, lease, {
          state: 'pending',
          lastErrcode: errcode,
          nextAttemptAt: isoUtc(addMs(now(), o.requeueDelayMs * 2 ** d.attempts))
        })
      }
    } else {
      // 47003 (a field value the platform refuses) and any other definite refusal: no retry
      report.failed++
      logger.warn('reminder_refused', { ...log, errcode })
      await finish(d, lease, { state: 'failed', lastErrcode: errcode, quotaTaken: false })
      await refundQuota(store, d.recipientId, d.template)
    }
  }

  // ---- the pipeline: preparers fill a small buffer, `concurrency` senders drain it ----
  const ready: Prepared[] = []
  const capacity = 2 * Math.max(1, o.concurrency)
  let preparersLeft = Math.max(1, o.concurrency)
  let wake: () => void = () => undefined
  let changed = new Promise<void>((resolve) => (wake = resolve))
  const notify = () => {
    const resolve = wake
    changed = new Promise<void>((r) => (wake = r))
    resolve()
  }
  const recordings = new Set<Promise<void>>()
  const safely = async (what: string, d: DeliveryRecord, fn: () => Promise<void>) => {
    try {
      await fn()
    } catch (err) {
      // a store failure on one delivery: its lease lets a later run retry it
      logger.error(what, { key: d.key, error: err instanceof Error ? err.name : 'unknown' })
    }
  }

  const preparer = async () => {
    try {
      for (;;) {
        while (ready.length >= capacity && !overBudget()) await changed
        if (overBudget()) return
        let d: DeliveryRecord | undefined
        try {
          d = await nextDue()
        } catch (err) {
          logger.error('reminder_query_failed', { error: err instanceof Error ? err.name : 'unknown' })
          exhausted = true
        }
        if (!d) return
        const due = d
        await safely('reminder_prepare_failed', due, async () => {
          const prepared = await prepare(due)
          if (prepared) {
            ready.push(prepared)
            notify()
          }
        })
      }
    } finally {
      preparersLeft--
      notify()
    }
  }

  const sendSlot = async () => {
    for (;;) {
      while (!ready.length && preparersLeft > 0) await changed
      if (overBudget()) return
      const item = ready.shift()
      if (!item) return
      notify()
      const errcode = await send(item)
      const done = safely('reminder_record_failed', item.d, () => record(item, errcode)).finally(() =>
        recordings.delete(done)
      )
      recordings.add(done)
    }
  }

  // the budget also ends waits: a periodic nudge lets waiting loops see the clock
  const nudge = setInterval(notify, 250)
  try {
    await Promise.all([
      ...Array.from({ length: Math.max(1, o.concurrency) }, preparer),
      ...Array.from({ length: Math.max(1, o.concurrency) }, sendSlot)
    ])
  } finally {
    clearInterval(nudge)
  }
  // claimed but not sent when the budget ran out: hand back at once (keeping any quota unit), not after the lease
  for (const item of ready.splice(0)) {
    await safely('reminder_release_failed', item.d, async () => {
      await finish(item.d, item.lease, { state: 'pending', nextAttemptAt: isoUtc(now()) }, { attempts: -1 })
      report.claimed--
    })
  }
  await Promise.all([...recordings])
  report.budgetExhausted = overBudget() && (!exhausted || queue.length > 0)
  report.durationMs = clock.now().getTime() - startedAt
  return report
}
