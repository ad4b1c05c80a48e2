/**
 * Median time of buildChecklist + runSelfCheck on the realistic sample form (goal ≤ 200 µs).
 * Run: npx tsx test/bench/domain.bench.ts
 */
import { buildChecklist, runSelfCheck } from '../../src/domain'
import { SAMPLE_FORM, SAMPLE_PROFILE, SAMPLE_TODAY } from '../../src/domain/samples'

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b)
  return s[Math.floor(s.length / 2)]
}

function measure(label: string, fn: () => unknown, goalUs?: number): void {
  for (let i = 0; i < 500; i++) fn() // warm-up: JIT and the calendar cache
  const batch = 20
  const samples: number[] = []
  for (let i = 0; i < 300; i++) {
    const t0 = process.hrtime.bigint()
    for (let j = 0; j < batch; j++) fn()
    samples.push(Number(process.hrtime.bigint() - t0) / 1000 / batch)
  }
  const us = median(samples)
  const goal = goalUs === undefined ? '' : `  (goal ≤ ${goalUs} µs${us <= goalUs ? '' : ', MISSED'})`
  console.log(`domain  ${label.padEnd(28)} median ${us.toFixed(1)} µs${goal}`)
}

const options = { profile: SAMPLE_PROFILE, today: SAMPLE_TODAY }
measure(
  'buildChecklist+runSelfCheck',
  () => {
    buildChecklist(SAMPLE_PROFILE)
    runSelfCheck(SAMPLE_FORM, options)
  },
  200
)
measure('buildChecklist', () => buildChecklist(SAMPLE_PROFILE))
measure('runSelfCheck', () => runSelfCheck(SAMPLE_FORM, options))
