/** Seeded randomness for the evaluation set: every photo draws from its own stream, so any photo can be re-rendered alone. */
export type Rng = () => number

/** mulberry32: small, fast and identical on every JavaScript engine (pure 32-bit integer arithmetic). */
export function mulberry32(seed: number): Rng {
  let state = seed >>> 0
  return () => {
    state = (state + 0x6d2b79f5) >>> 0
    let t = state
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

/** The seed of photo `index` of a split: a 32-bit mix so neighbouring photos get unrelated streams. */
export function photoSeed(splitSeed: number, index: number): number {
  let h = (splitSeed ^ Math.imul(index + 1, 0x9e3779b1)) >>> 0
  h = Math.imul(h ^ (h >>> 16), 0x85ebca6b) >>> 0
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35) >>> 0
  return (h ^ (h >>> 16)) >>> 0
}

export const range = (rng: Rng, lo: number, hi: number): number => lo + (hi - lo) * rng()

export const intRange = (rng: Rng, lo: number, hi: number): number => Math.floor(range(rng, lo, hi + 1))

export function pick<T>(rng: Rng, items: readonly T[]): T {
  return items[Math.floor(rng() * items.length)]
}

export const chance = (rng: Rng, p: number): boolean => rng() < p

/** Roughly normal (mean 0, sd 1): the sum of four uniforms, cheap enough for per-pixel sensor noise. */
export function gauss(rng: Rng): number {
  return (rng() + rng() + rng() + rng() - 2) * 1.7320508
}
