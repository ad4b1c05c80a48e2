import { useState } from 'react'
import { toShanghaiIso } from '../../domain'
import type { FilingProgress, StageAction } from '../../domain/types'
import { chosenInstant, earliestActionTime, validateActionTime, type TimeChoice } from './action-time'

export interface ActionTime {
  choice: TimeChoice
  choose(choice: TimeChoice): void
  /** What the picker holds (custom choice). */
  picked?: string
  pick(instant: string): void
  /** The instant to send; `undefined` = now (the back end dates it), or a custom choice not picked yet. */
  at?: string
  /** Waiting for the user to pick a date and time. */
  waiting: boolean
  /** Why the step can't be dated so (shown next to the disabled confirm button). */
  refusal?: string
  nowMs: number
  earliestMs: number
}

/** The "when did it happen" state of one stage-action form, checked by the domain as the user changes it. */
export function useActionTime(progress: FilingProgress, action: StageAction['type']): ActionTime {
  const [choice, choose] = useState<TimeChoice>('now')
  const [picked, pick] = useState<string>()
  const nowMs = Date.now()
  const at = chosenInstant(choice, nowMs, picked)
  const refusal = at ? validateActionTime(progress, action, at, toShanghaiIso(nowMs))?.message : undefined
  return {
    choice,
    choose,
    picked,
    pick,
    at,
    waiting: choice === 'custom' && !picked,
    refusal,
    nowMs,
    earliestMs: earliestActionTime(progress, action)
  }
}
