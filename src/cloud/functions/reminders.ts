/**
 * Cloud function `reminders`: run by its timer trigger only. A timer call carries no OPENID and
 * `Type: 'Timer'`; anything else (a client's callFunction) is refused.
 */
import { wxCloud, wxSender, settingsFromEnv } from '../adapters/wx-runtime'
import { WxStore } from '../stores/wx-store'
import { fail } from '../envelope'
import { consoleLogger, systemClock } from '../ports'
import { JOB_DEFAULTS, runReminderJob } from '../reminders/run'

/** Room left for in-flight sends (3 tries × 3 s time-out + backoff) before the platform's own time-out. */
const SAFETY_MS = 12_000

interface ScfContext {
  getRemainingTimeInMillis?: () => number
  time_limit_in_ms?: number
}

export function isTimerEvent(event: unknown, openId: string | undefined): boolean {
  return !openId && typeof event === 'object' && event !== null && (event as { Type?: unknown }).Type === 'Timer'
}

export async function main(event: unknown, context?: ScfContext) {
  const cloud = wxCloud()
  if (!isTimerEvent(event, cloud.getWXContext().OPENID)) return fail('FORBIDDEN', '该功能只能由定时任务调用')
  const remaining =
    context?.getRemainingTimeInMillis?.() ?? context?.time_limit_in_ms ?? JOB_DEFAULTS.budgetMs + SAFETY_MS
  const report = await runReminderJob(
    {
      store: new WxStore(cloud.database()),
      clock: systemClock,
      sender: wxSender(cloud, settingsFromEnv()),
      logger: consoleLogger
    },
    { budgetMs: Math.max(1_000, Math.min(JOB_DEFAULTS.budgetMs, remaining - SAFETY_MS)) }
  )
  consoleLogger.info('reminder_run', { ...report })
  return { ok: true, data: report }
}
