/**
 * The HTTP `get` / `update` latency both the cloud bench and the store bench report: sequential requests by many
 * users over their own filings, the first rounds (JIT, caches) not measured.
 */
import { performance } from 'perf_hooks'

export const fmt = (ms: number) => (ms >= 1000 ? `${(ms / 1000).toFixed(2)} s` : `${ms.toFixed(2)} ms`)
export const pct = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]

type Post = (route: string, body: unknown, token?: string) => Promise<{ ok: boolean; data: any }>

export interface LatencyRun {
  post: Post
  /** Each user's session token and their filing ids. */
  tokens: string[]
  filingsOf: string[][]
  samples: number
  warmup: number
}

/** Sorted milliseconds of each `get` and each `update` (with the version the `get` returned). */
export async function measureGetAndUpdate(run: LatencyRun): Promise<{ gets: number[]; updates: number[] }> {
  const { post, tokens, filingsOf, samples, warmup } = run
  const users = tokens.length
  const gets: number[] = []
  const updates: number[] = []
  for (let s = -warmup; s < samples; s++) {
    const u = ((s + warmup) * 7) % users
    const id = filingsOf[u][(s + warmup) % filingsOf[u].length]
    let t = performance.now()
    const got = await post('filings', { action: 'get', data: { id } }, tokens[u])
    if (s >= 0) gets.push(performance.now() - t)
    if (!got.ok) throw new Error('get failed')
    t = performance.now()
    const updated = await post(
      'filings',
      { action: 'update', data: { id, version: got.data.version, title: `标题 ${s}` } },
      tokens[u]
    )
    if (s >= 0) updates.push(performance.now() - t)
    if (!updated.ok) throw new Error(`update failed ${JSON.stringify(updated)}`)
  }
  gets.sort((a, b) => a - b)
  updates.sort((a, b) => a - b)
  return { gets, updates }
}

/** One line each for `get` and `update`: p50 and p95 against the 15 ms goal. */
export function reportGetAndUpdate(
  prefix: string,
  where: string,
  run: LatencyRun,
  xs: { gets: number[]; updates: number[] }
) {
  for (const [name, sorted] of [
    ['get   ', xs.gets],
    ['update', xs.updates]
  ] as const) {
    console.log(
      `${prefix}  HTTP filings.${name} ${where}  p50 ${fmt(pct(sorted, 50))}  p95 ${fmt(pct(sorted, 95))}  (goal p95 ≤ 15 ms; ${run.samples} sequential requests after ${run.warmup} warm-up rounds)`
    )
  }
}
