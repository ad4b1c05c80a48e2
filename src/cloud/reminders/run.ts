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
 *
 * The code has that shape: `DueQueue` is step 1 (due-queue.ts); `claimDelivery`, `prepareDelivery`, `sendMessage`
 * and `recordOutcome` (steps.ts) are steps 2–4, each write after the claim conditional on the lease token. This
 * file only wires them: preparers claim and prepare into a small buffer, senders drain it, within a time budget.
 * A store with `claimMany` (PostgreSQL) merges steps 1 and 2: the queue is filled with batches claimed in one
 * statement each (`claimDueBatch`), which several instances take disjointly; what a run claimed but never got to
 * is handed back at its end.
 *
 * A store that also has `reminderBatches` (PostgreSQL) does steps 3 and 4 a batch per statement (batch-steps.ts):
 * a claimed batch's units are taken and marked on the deliveries in one statement (the decrement conditional on
 * the units there are, each mark conditional on the lease token), and outcomes wait up to a few milliseconds to
 * be written together, each row still conditional on its own lease token (a row whose lease another run took over
 * is left alone, the others written). Exactly-once holds as before: nothing is sent without a claim, and a
 * delivery once recorded `sent` is never due again. The recorder is flushed in full before the run returns; a
 * crash before a flush is the window the per-delivery job always had between sending and recording, a little
 * wider: those deliveries stay `claimed`, and once their lease has run out a later run claims and sends them
 * again (each may then reach its recipient twice, and spends one more unit only if its unit was not marked).
 */
import type { Clock, Logger, Sender, Store } from '../ports'
import { COLLECTIONS, type DeliveryRecord } from '../records'
import { OutcomeRecorder, prepareBatch } from './batch-steps'
import { DUE_PAGE_SIZE, DueQueue, fetchDuePage } from './due-queue'
import {
  asClaimed,
  claimAndPrepare,
  claimDueBatch,
  prepareDelivery,
  recordOutcome,
  releaseUnsent,
  sendMessage,
  type JobRun,
  type JobSettings,
  type Prepared,
  type ReminderJobReport
} from './steps'

export type { ReminderJobReport } from './steps'

/** Preparers of claimed batches: one claims and prepares while another's batch is being sent. */
const BATCH_PREPARERS = 2

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

/** Runs `fn` for one delivery; a store failure is logged (ids only) and left to the lease: a later run retries. */
async function safely(logger: Logger, what: string, d: DeliveryRecord, fn: () => Promise<void>): Promise<void> {
  try {
    await fn()
  } catch (err) {
    logger.error(what, { key: d.key, error: err instanceof Error ? err.name : 'unknown' })
  }
}

/** The buffer between preparers and senders, and the signal waiting loops sleep on. */
export class Pipeline {
  readonly ready: Prepared[] = []
  readonly recordings = new Set<Promise<void>>()
  readonly capacity: number
  preparersLeft: number
  changed: Promise<void>
  private wake: () => void = () => undefined

  constructor(concurrency: number, preparers = concurrency) {
    this.capacity = 2 * Math.max(1, concurrency)
    this.preparersLeft = Math.max(1, preparers)
    this.changed = new Promise<void>((resolve) => (this.wake = resolve))
  }

  /** Wakes every loop waiting on `changed`. */
  notify(): void {
    const resolve = this.wake
    this.changed = new Promise<void>((r) => (this.wake = r))
    resolve()
  }
}

/** Takes due deliveries and claims and prepares them into the buffer, until none is left or the budget is spent. */
export async function runPreparer(
  run: JobRun,
  queue: DueQueue,
  pipe: Pipeline,
  overBudget: () => boolean,
  /** Claims (unless the queue's are claimed already) and prepares one delivery of the queue. */
  prepare: (d: DeliveryRecord) => Promise<Prepared | null>
): Promise<void> {
  try {
    for (;;) {
      while (pipe.ready.length >= pipe.capacity && !overBudget()) await pipe.changed
      if (overBudget()) return
      let d: DeliveryRecord | undefined
      try {
        d = await queue.next()
      } catch (err) {
        run.logger.error('reminder_query_failed', { error: err instanceof Error ? err.name : 'unknown' })
        queue.exhausted = true
      }
      if (!d) return
      const due = d
      await safely(run.logger, 'reminder_prepare_failed', due, async () => {
        const prepared = await prepare(due)
        if (prepared) {
          pipe.ready.push(prepared)
          pipe.notify()
        }
      })
    }
  } finally {
    pipe.preparersLeft--
    pipe.notify()
  }
}

/**
 * Takes claimed batches off the queue and prepares each at once into the buffer (a store with `reminderBatches`),
 * until none is left or the budget is spent. A batch that fails to prepare is left to its lease.
 */
export async function runBatchPreparer(
  run: JobRun,
  queue: DueQueue,
  pipe: Pipeline,
  overBudget: () => boolean,
  prepare: (claimed: Prepared[]) => Promise<Prepared[]>
): Promise<void> {
  try {
    for (;;) {
      while (pipe.ready.length >= pipe.capacity && !overBudget()) await pipe.changed
      if (overBudget()) return
      let batch: DeliveryRecord[] = []
      try {
        batch = await queue.nextBatch(Math.max(1, run.settings.concurrency))
      } catch (err) {
        run.logger.error('reminder_query_failed', { error: err instanceof Error ? err.name : 'unknown' })
        queue.exhausted = true
      }
      if (!batch.length) return
      try {
        pipe.ready.push(...(await prepare(batch.map(asClaimed))))
        pipe.notify()
      } catch (err) {
        run.logger.error('reminder_prepare_failed', { error: err instanceof Error ? err.name : 'unknown' })
      }
    }
  } finally {
    pipe.preparersLeft--
    pipe.notify()
  }
}

/** Sends what the preparers buffered; each outcome is recorded in the background while the next one is sent. */
export async function runSender(
  run: JobRun,
  pipe: Pipeline,
  overBudget: () => boolean,
  record: (item: Prepared, errcode: number) => Promise<void> = (item, errcode) => recordOutcome(run, item, errcode)
): Promise<void> {
  for (;;) {
    while (!pipe.ready.length && pipe.preparersLeft > 0) await pipe.changed
    if (overBudget()) return
    const item = pipe.ready.shift()
    if (!item) return
    pipe.notify()
    const errcode = await sendMessage(run, item)
    const done = safely(run.logger, 'reminder_record_failed', item.d, () => record(item, errcode)).finally(() =>
      pipe.recordings.delete(done)
    )
    pipe.recordings.add(done)
  }
}

export function emptyReport(): ReminderJobReport {
  return {
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
}

export async function runReminderJob(
  deps: ReminderJobDeps,
  options: ReminderJobOptions = {}
): Promise<ReminderJobReport> {
  const { at, ownerId, ...overrides } = options
  const settings: JobSettings = { ...JOB_DEFAULTS, ...overrides }
  const startedAt = deps.clock.now().getTime()
  const offset = at ? at.getTime() - startedAt : 0
  const run: JobRun = {
    ...deps,
    deliveries: deps.store.collection<DeliveryRecord>(COLLECTIONS.deliveries),
    settings,
    report: emptyReport(),
    now: () => new Date(deps.clock.now().getTime() + offset)
  }
  const overBudget = () => deps.clock.now().getTime() - startedAt >= settings.budgetMs
  const batches = run.deliveries.claimMany !== undefined
  const batchSize = Math.min(DUE_PAGE_SIZE, Math.max(1, settings.concurrency))
  const queue = new DueQueue(
    batches ? () => claimDueBatch(run, batchSize, ownerId) : () => fetchDuePage(run.deliveries, run.now(), ownerId),
    settings.concurrency
  )
  const prepare = batches
    ? (d: DeliveryRecord) => prepareDelivery(run, asClaimed(d))
    : (d: DeliveryRecord) => claimAndPrepare(run, d)
  // claimed batches prepared and recorded a batch per statement: a few preparers keep the senders fed
  const batchSteps = batches ? deps.store.reminderBatches : undefined
  const recorder = batchSteps && new OutcomeRecorder(run, batchSteps)
  const preparers = batchSteps ? Math.min(BATCH_PREPARERS, settings.concurrency) : settings.concurrency
  const pipe = new Pipeline(settings.concurrency, preparers)

  // the budget also ends waits: a periodic nudge lets waiting loops see the clock
  const nudge = setInterval(() => pipe.notify(), 250)
  try {
    const slots = Array.from({ length: Math.max(1, settings.concurrency) })
    const preparing = Array.from({ length: Math.max(1, preparers) }, () =>
      batchSteps
        ? runBatchPreparer(run, queue, pipe, overBudget, (claimed) => prepareBatch(run, batchSteps, claimed))
        : runPreparer(run, queue, pipe, overBudget, prepare)
    )
    const record = recorder && ((item: Prepared, errcode: number) => recorder.record(item, errcode))
    await Promise.all([...preparing, ...slots.map(() => runSender(run, pipe, overBudget, record))])
  } finally {
    clearInterval(nudge)
  }
  const workLeft = !queue.exhausted || queue.length > 0
  // claimed but not sent when the budget ran out: hand back at once, not after the lease
  const unsent = [...pipe.ready.splice(0), ...(batches ? (await queue.drain()).map(asClaimed) : [])]
  for (const item of unsent)
    await safely(deps.logger, 'reminder_release_failed', item.d, () => releaseUnsent(run, item))
  await recorder?.close()
  await Promise.all([...pipe.recordings])
  run.report.budgetExhausted = overBudget() && workLeft
  run.report.durationMs = deps.clock.now().getTime() - startedAt
  return run.report
}
