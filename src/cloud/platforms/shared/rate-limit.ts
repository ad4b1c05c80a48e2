/**
 * Per-API call ceilings (calls per second), as a sliding schedule on the injected clock: each call is given the
 * next free slot and waits for it, so a burst is spread evenly instead of tripping the platform's limiter.
 */
import type { Clock } from '../../ports'
import type { PlatformResponse } from './http'

export class RateLimiter {
  private readonly nextSlot = new Map<string, number>()

  constructor(
    private readonly clock: Clock,
    private readonly perSecond: Record<string, number>
  ) {}

  /** Waits until `api` may be called again; unknown APIs are not limited. */
  async take(api: string): Promise<void> {
    const rate = this.perSecond[api]
    if (!rate) return
    const interval = 1000 / rate
    const now = this.clock.now().getTime()
    const slot = Math.max(now, this.nextSlot.get(api) ?? 0)
    this.nextSlot.set(api, slot + interval)
    if (slot > now) await this.clock.sleep(slot - now)
  }
}

/**
 * One platform call, paced by `limiter` when there is one. An answer saying the platform's own per-second limit was
 * hit (our pacing and its window disagree at the edges) is sent once more, a second later.
 */
export async function sendPaced(
  clock: Clock,
  limiter: RateLimiter | undefined,
  limit: string,
  send: () => Promise<PlatformResponse>,
  tooFrequent: (body: unknown) => boolean
): Promise<PlatformResponse> {
  await limiter?.take(limit)
  const res = await send()
  if (!tooFrequent(res.body)) return res
  await clock.sleep(1000)
  await limiter?.take(limit)
  return send()
}
