/**
 * The due deliveries of one run of the reminder job, read a page at a time (oldest `nextAttemptAt` first) and the
 * next page fetched while the last one is being worked on. A delivery is handed out at most once per run. The same
 * queue hands out batches claimed in one statement (a store with `claimMany`): those are this run's already.
 */
import type { Collection, Filter, FindOptions } from '../ports'
import type { DeliveryRecord } from '../records'
import { isoUtc } from '../time'

export const DUE_PAGE_SIZE = 100

/** Deliveries due at `now`: pending, or claimed under a lease that has run out. */
export function dueFilter(now: Date, ownerId?: string): Filter<DeliveryRecord> {
  return {
    state: { $in: ['pending', 'claimed'] },
    nextAttemptAt: { $lte: isoUtc(now) },
    ...(ownerId ? { ownerId } : {})
  }
}

/** Oldest due first. */
export const DUE_ORDER: FindOptions<DeliveryRecord>['orderBy'] = { field: 'nextAttemptAt', direction: 'asc' }

/** One page of deliveries due at `now`. */
export function fetchDuePage(
  deliveries: Collection<DeliveryRecord>,
  now: Date,
  ownerId?: string
): Promise<DeliveryRecord[]> {
  return deliveries.find(dueFilter(now, ownerId), { orderBy: DUE_ORDER, limit: DUE_PAGE_SIZE })
}

export class DueQueue {
  /** True once a page brought nothing new (or reading failed): nothing more is fetched in this run. */
  exhausted = false
  private readonly items: DeliveryRecord[] = []
  private readonly seen = new Set<string>()
  private refill: Promise<void> | null = null

  /**
   * @param fetchPage reads the current due page
   * @param lowWater when no more than this many are left, the next page is fetched in the background
   */
  constructor(
    private readonly fetchPage: () => Promise<DeliveryRecord[]>,
    private readonly lowWater: number
  ) {}

  get length(): number {
    return this.items.length
  }

  /** The next due delivery not yet handed out in this run; undefined when there is none. Throws if reading fails. */
  async next(): Promise<DeliveryRecord | undefined> {
    while (!this.items.length && !this.exhausted) await this.startRefill()
    if (this.items.length <= this.lowWater && !this.exhausted) void this.startRefill().catch(() => undefined)
    return this.items.shift()
  }

  /** Up to `max` of the next deliveries not yet handed out (a claimed batch at once); empty when there are none. */
  async nextBatch(max: number): Promise<DeliveryRecord[]> {
    while (!this.items.length && !this.exhausted) await this.startRefill()
    const batch = this.items.splice(0, max)
    if (this.items.length <= this.lowWater && !this.exhausted) void this.startRefill().catch(() => undefined)
    return batch
  }

  /** Ends the run's use of the queue: waits for a fetch under way, and answers what was never handed out. */
  async drain(): Promise<DeliveryRecord[]> {
    this.exhausted = true
    await this.refill?.catch(() => undefined)
    return this.items.splice(0)
  }

  /** One fetch at a time: concurrent callers wait for the same page. */
  private startRefill(): Promise<void> {
    return (this.refill ??= this.load().finally(() => (this.refill = null)))
  }

  private async load(): Promise<void> {
    const page = await this.fetchPage()
    const fresh = page.filter((d) => !this.seen.has(d._id))
    for (const d of fresh) this.seen.add(d._id)
    this.items.push(...fresh)
    // a page of only already-seen deliveries means the rest are stuck for this run: leave them to the next
    if (!fresh.length) this.exhausted = true
  }
}
