/**
 * When a stage step really happened, as the user says it on a stage-action form: quick choices relative to now, or a
 * picked date and time in Shanghai time. Pure: the caller passes the clock.
 */
import { toShanghaiIso } from '../../domain'

export type TimeChoice = 'now' | '1h' | '3h' | 'yesterday' | 'custom'

const HOUR_MS = 3_600_000

/** How long before now each quick choice is. */
const AGO_MS: Record<Exclude<TimeChoice, 'now' | 'custom'>, number> = {
  '1h': HOUR_MS,
  '3h': 3 * HOUR_MS,
  yesterday: 24 * HOUR_MS
}

export const TIME_CHOICE_LABELS: Record<TimeChoice, string> = {
  now: '刚刚',
  '1h': '约1小时前',
  '3h': '约3小时前',
  yesterday: '昨天此时',
  custom: '选择时间'
}

/**
 * The instant a choice stands for. `now` is `undefined`: the back end dates the step itself (a phone's clock may be
 * off); `custom` is whatever was picked (`undefined` until something is).
 */
export function chosenInstant(choice: TimeChoice, nowMs: number, picked?: string): string | undefined {
  if (choice === 'now') return undefined
  if (choice === 'custom') return picked
  return toShanghaiIso(nowMs - AGO_MS[choice])
}

/** The domain's check and lower bound, the same the back end applies to the step. */
export { earliestActionTime, validateActionTime } from '../../domain'

const pad2 = (n: number) => (n < 10 ? `0${n}` : String(n))

/** The pickers' [year, month, day, hour, minute] values (Shanghai wall clock) → an instant in Shanghai time. */
export function pickedInstant(values: readonly (string | number | null | undefined)[]): string {
  const [y, m, d, h, min] = values.map((v) => Number(v))
  return `${y}-${pad2(m)}-${pad2(d)}T${pad2(h)}:${pad2(min)}:00+08:00`
}
