/**
 * The reminder job's steps a batch at a time, on a store with `reminderBatches` (PostgreSQL): a claimed batch gets
 * its quota units in one statement (`prepareBatch`), and outcomes are recorded a batch per statement
 * (`OutcomeRecorder`). Same meaning as the per-delivery steps (steps.ts), which stores without it (WeChat cloud)
 * keep; see run.ts for why exactly-once still holds.
 */
import { subscriptionId } from '../handlers/subscriptions/quota'
import type { ReminderBatchSteps } from '../ports'
import { isoUtc } from '../time'
import { holdUnit, outcomeOf, passesChecks, type JobRun, type Outcome, type Prepared } from './steps'

/**
 * Checks a claimed batch and holds a quota unit for each delivery in one statement. A recipient whose units do not
 * plainly cover all their waiting deliveries of the template (`short`) goes the per-delivery way, where the budget
 * decides which of them get one; a delivery whose lease went meanwhile is dropped (another run holds it).
 */
export async function prepareBatch(run: JobRun, batches: ReminderBatchSteps, claimed: Prepared[]): Promise<Prepared[]> {
  const checked: Prepared[] = []
  for (const item of claimed) if (await passesChecks(run, item)) checked.push(item)
  const ask = (items: Prepared[]) =>
    batches.takeQuotaUnits(
      items.map(({ d, lease }) => ({
        deliveryId: d._id,
        lease,
        subscriptionId: subscriptionId(d.recipientId, d.template),
        recipientId: d.recipientId,
        template: d.template
      }))
    )
  const answers = await ask(checked.filter(({ d }) => !d.quotaTaken))
  // `short` is mostly a concurrent batch's marks not yet seen when the count was taken: once more, then the budget
  const short = checked.filter(({ d }) => answers.get(d._id) === 'short')
  if (short.length) for (const [id, answer] of await ask(short)) answers.set(id, answer)
  const ready: Prepared[] = []
  for (const item of checked) {
    const answer = item.d.quotaTaken ? 'held' : (answers.get(item.d._id) ?? 'short')
    if (answer === 'held') ready.push(item)
    else if (answer === 'lost') run.report.lostClaims++
    else if (await holdUnit(run, item)) ready.push(item)
  }
  return ready
}

interface Waiting {
  item: Prepared
  outcome: Outcome
  settle: (error?: unknown) => void
}

/**
 * Collects send outcomes and writes them a batch per statement, each row under its own lease token: every
 * `maxBatch` outcomes or `maxWaitMs` after the first one waiting. `record` resolves once that delivery's outcome
 * is written (or rejects with the batch's error: then the lease is left to run out, as for any failed write).
 */
export class OutcomeRecorder {
  private waiting: Waiting[] = []
  private timer: NodeJS.Timeout | undefined
  private readonly flushes = new Set<Promise<void>>()

  constructor(
    private readonly run: JobRun,
    private readonly batches: ReminderBatchSteps,
    private readonly maxBatch = 100,
    private readonly maxWaitMs = 25
  ) {}

  record(item: Prepared, errcode: number): Promise<void> {
    const outcome = outcomeOf(this.run, item, errcode)
    return new Promise<void>((resolve, reject) => {
      this.waiting.push({ item, outcome, settle: (error) => (error === undefined ? resolve() : reject(error)) })
      if (this.waiting.length >= this.maxBatch) this.flushNow()
      else this.timer ??= setTimeout(() => this.flushNow(), this.maxWaitMs)
    })
  }

  /** Writes what is waiting and waits for every write under way: the run calls it before it returns. */
  async close(): Promise<void> {
    this.flushNow()
    await Promise.all([...this.flushes])
  }

  private flushNow(): void {
    clearTimeout(this.timer)
    this.timer = undefined
    const rows = this.waiting.splice(0)
    if (!rows.length) return
    const flush = this.write(rows).finally(() => this.flushes.delete(flush))
    this.flushes.add(flush)
  }

  private async write(rows: Waiting[]): Promise<void> {
    let applied: Set<string>
    try {
      applied = await this.batches.finishLeased(
        rows.map(({ item, outcome }) => ({ deliveryId: item.d._id, lease: item.lease, set: outcome.set })),
        isoUtc(this.run.now())
      )
    } catch (err) {
      for (const row of rows) row.settle(err ?? new Error('finishLeased failed'))
      return
    }
    await Promise.all(
      rows.map(async ({ item, outcome, settle }) => {
        try {
          // as recordOutcome: the quota follow-up only for rows this run still held
          if (applied.has(item.d._id)) await outcome.after?.()
          else this.run.logger.warn('reminder_outcome_lost', { key: item.d.key, template: item.d.template })
          settle()
        } catch (err) {
          settle(err ?? new Error('quota follow-up failed'))
        }
      })
    )
  }
}
