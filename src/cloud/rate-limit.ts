/**
 * Token buckets for the calls worth abusing: `login` (each one a new 30-day session), `invites.accept` (token
 * guessing) and `filings.create`. Pure and in memory, the clock injected: the local server keys them by client
 * address and by user, the WeChat cloud functions by OPENID (per warm instance — a brake, not an accounting).
 */
import type { CallGuard } from './dispatch'
import { rateLimited } from './envelope'

export interface BucketRule {
  /** Calls allowed in a burst. */
  capacity: number
  /** Tokens added back per second. */
  refillPerSecond: number
}

export interface RateDecision {
  allowed: boolean
  /** When refused: whole seconds until one token is back (at least 1). */
  retryAfterSeconds: number
}

interface Bucket {
  tokens: number
  at: number
}

/** One bucket per key. A full bucket is the same as none, so the oldest keys can be dropped when there are too many. */
export class TokenBuckets {
  private readonly buckets = new Map<string, Bucket>()

  constructor(
    private readonly rule: BucketRule,
    private readonly nowMs: () => number,
    private readonly maxKeys = 20_000
  ) {}

  take(key: string): RateDecision {
    const now = this.nowMs()
    const { capacity, refillPerSecond } = this.rule
    const found = this.buckets.get(key)
    const elapsed = found ? Math.max(0, now - found.at) / 1000 : 0
    const tokens = found ? Math.min(capacity, found.tokens + elapsed * refillPerSecond) : capacity
    // re-insert so Map order is least recently used first
    this.buckets.delete(key)
    if (tokens < 1) {
      this.buckets.set(key, { tokens, at: now })
      return { allowed: false, retryAfterSeconds: Math.max(1, Math.ceil((1 - tokens) / refillPerSecond)) }
    }
    this.buckets.set(key, { tokens: tokens - 1, at: now })
    if (this.buckets.size > this.maxKeys) this.dropOldest(Math.ceil(this.maxKeys / 4))
    return { allowed: true, retryAfterSeconds: 0 }
  }

  /** In one pass: dropping one key per call makes every call walk past the deleted ones at the Map's head. */
  private dropOldest(count: number): void {
    let left = count
    for (const key of this.buckets.keys()) {
      if (left-- <= 0) break
      this.buckets.delete(key)
    }
  }

  get size(): number {
    return this.buckets.size
  }
}

export type LimitedCall = 'login' | 'filings.create' | 'invites.accept'

/** Per client address and per user. Generous enough for a shared office NAT, far below a script's rate. */
export const DEFAULT_RATE_POLICY: Record<LimitedCall, { address: BucketRule; user: BucketRule }> = {
  login: { address: { capacity: 60, refillPerSecond: 1 }, user: { capacity: 20, refillPerSecond: 1 / 6 } },
  'filings.create': {
    address: { capacity: 60, refillPerSecond: 1 },
    user: { capacity: 20, refillPerSecond: 1 / 6 }
  },
  'invites.accept': {
    address: { capacity: 30, refillPerSecond: 0.5 },
    user: { capacity: 10, refillPerSecond: 1 / 6 }
  }
}

/** Which limited call a function's action is, if any. */
export function limitedCall(fn: string, action: unknown): LimitedCall | null {
  if (fn === 'filings' && action === 'create') return 'filings.create'
  if (fn === 'invites' && action === 'accept') return 'invites.accept'
  return null
}

/** The buckets of every limited call, by address and by user. */
export class CallLimiter {
  private readonly byAddress = new Map<LimitedCall, TokenBuckets>()
  private readonly byUser = new Map<LimitedCall, TokenBuckets>()

  constructor(nowMs: () => number, policy = DEFAULT_RATE_POLICY) {
    for (const call of Object.keys(policy) as LimitedCall[]) {
      this.byAddress.set(call, new TokenBuckets(policy[call].address, nowMs))
      this.byUser.set(call, new TokenBuckets(policy[call].user, nowMs))
    }
  }

  fromAddress(call: LimitedCall, address: string): RateDecision {
    return this.byAddress.get(call)!.take(address)
  }

  byUserId(call: LimitedCall, userId: string): RateDecision {
    return this.byUser.get(call)!.take(userId)
  }
}

/** The per-user half as a dispatch guard: RATE_LIMITED for a limited call over the caller's budget. */
export function userRateGuard(limiter: CallLimiter, fn: string): CallGuard {
  return (action, userId) => {
    const call = limitedCall(fn, action)
    if (!call) return null
    const decision = limiter.byUserId(call, userId)
    return decision.allowed ? null : rateLimited(decision.retryAfterSeconds)
  }
}
