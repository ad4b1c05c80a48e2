/**
 * One-time subscription messages (WeChat, Douyin): asking for them and recording the answer in the back end.
 *
 * WeChat and Douyin open the subscription dialog only from a user's tap, and only if `requestSubscribeMessage` is
 * called synchronously inside the tap handler — before any `await`. So the template ids must already be on hand when
 * the user taps: they come from the back end (`subscriptions.status`, configured there as BEIAN_TEMPLATE_IDS) and are
 * cached in memory and on the device by `loadSubscriptionStatus`, which the pages call when they open.
 *
 * The platforms' rules this module keeps:
 * - WeChat: one accepted one-time template = one message; at most three templates per request here (newer clients
 *   take five, older ones one); templates with the same title in one request are merged, so ours differ.
 * - Douyin (tt.requestSubscribeMessage, base library ≥ 1.73.0): only from a tap (bindtap) or a tt.pay callback; at
 *   most three template ids per call; one-time and long-term templates may not be asked together (ours are all
 *   one-time); the answer lists under `templateSettings` only the templates the user ticked (base library ≥ 3.35.0).
 * So every natural tap (each stage action, 允许下一条提醒) asks for the templates that matter most next.
 */
import Taro from '@tarojs/taro'
import { REMINDER_TEMPLATES } from '../domain/reminders'
import type { StageAction, TemplateKind } from '../domain/types'
import { api } from './api'
import type { SubscriptionStatus } from './api-types'
import { runtimePlatform } from './platform'
import { readJson, writeJson } from './storage'

export type SubscriptionAnswer = 'accept' | 'reject' | 'ban' | 'filter'

export type TemplateIds = Partial<Record<TemplateKind, string>>

/** At most three templates per request (WeChat and Douyin alike). */
export const MAX_TEMPLATES_PER_REQUEST = 3

/** What each stage-starting action asks for: the reminders of the stage it starts. */
export const SUBSCRIPTIONS_FOR_ACTION: Partial<Record<StageAction['type'], TemplateKind[]>> = {
  // 平台初审 starts: its ETA / overdue reminders, and the 待办 nudges (e.g. a certificate about to expire)
  submit: ['review_progress', 'todo_reminder'],
  // The 24-hour SMS window opens: the deadline reminders above all, then the 管局 review that follows
  platform_pass: ['sms_deadline', 'review_progress'],
  // 管局审核 starts
  sms_verified: ['review_progress']
}

/**
 * What a stage action's tap asks for: the reminders of the stage it starts first, then what the budget says one more
 * accepted request would cover now (at most three templates in all: WeChat's and Douyin's limit per request).
 */
export function kindsForTap(action: StageAction['type'] | undefined, budgetAsk: TemplateKind[] = []): TemplateKind[] {
  const forAction = action ? (SUBSCRIPTIONS_FOR_ACTION[action] ?? []) : []
  return [...new Set([...forAction, ...budgetAsk])].slice(0, MAX_TEMPLATES_PER_REQUEST)
}

export type SubscriptionRequestOutcome =
  /** A client without requestSubscribeMessage: nothing can be asked. */
  | { state: 'unsupported' }
  /** The back end has no template ids configured for these kinds (or they are not loaded yet). */
  | { state: 'no_templates' }
  | {
      state: 'answered'
      results: { template: TemplateKind; result: SubscriptionAnswer }[]
      /** Whether the back end stored the answer. */
      recorded: boolean
    }
  | { state: 'failed'; message: string }

const CACHE_KEY = 'subscriptions:templateIds'
let cachedIds: TemplateIds | undefined

/** The template ids last received from the back end (memory first, then the device). */
export function templateIds(): TemplateIds {
  cachedIds ??= readJson<TemplateIds>(CACHE_KEY) ?? {}
  return cachedIds
}

function rememberIds(ids: TemplateIds): void {
  cachedIds = ids
  try {
    writeJson(CACHE_KEY, ids)
  } catch {
    // storage full: the ids stay in memory for this session
  }
}

/** Whether this client can show the subscription dialog at all (H5 shows our own, see `askInBrowser`). */
export function canRequestSubscriptions(): boolean {
  // H5: Taro's APIs are separate imports there (the default object does not list them); showModal is always one
  if (runtimePlatform() === 'h5') return true
  return typeof (Taro as { requestSubscribeMessage?: unknown }).requestSubscribeMessage === 'function'
}

/**
 * The browser build has no platform dialog; it talks to the local server, whose reminders land in the local outbox.
 * The same one-time, per-template consent is asked with our own dialog, so the journey is the same as on a phone.
 */
function askInBrowser(asked: TemplateKind[], tmplIds: string[]): Promise<unknown> {
  const titles = asked.map((k) => REMINDER_TEMPLATES[k].title).join('、')
  return Taro.showModal({
    title: '接收提醒',
    content: `允许备案助手在关键时间给你发送一次提醒：${titles}`,
    confirmText: '允许',
    cancelText: '拒绝'
  }).then((res) => Object.fromEntries(tmplIds.map((id) => [id, res.confirm ? 'accept' : 'reject'])))
}

/** Whether a tap can ask for at least one of these kinds right now. */
export function canAskFor(kinds: TemplateKind[]): boolean {
  const ids = templateIds()
  return canRequestSubscriptions() && kinds.some((k) => !!ids[k])
}

/** My permissions per template, and (as a side effect) the template ids a later tap needs. */
export async function loadSubscriptionStatus() {
  const res = await api.subscriptions.status({})
  if (res.ok) {
    const ids: TemplateIds = {}
    for (const [kind, t] of Object.entries(res.data.templates) as [
      TemplateKind,
      SubscriptionStatus['templates'][TemplateKind]
    ][]) {
      if (t.templateId) ids[kind] = t.templateId
    }
    rememberIds(ids)
  }
  return res
}

/** The answer for one template id: WeChat puts the result string under the id; newer Douyin adds templateSettings. */
function answerFor(res: Record<string, unknown>, id: string): SubscriptionAnswer {
  const value = res[id]
  if (typeof value === 'string') {
    // WeChat may say 'acceptWithAudio' / 'acceptWithAlert': still an accept
    if (value.startsWith('accept')) return 'accept'
    if (value === 'ban' || value === 'filter') return value
    return 'reject'
  }
  const settings = res.templateSettings as Record<string, unknown> | undefined
  if (settings && typeof settings === 'object' && id in settings) return 'accept'
  return 'reject'
}

/** errCode 20004: the user switched off the main "接收订阅消息" setting — no message can arrive. */
const MAIN_SWITCH_OFF = 20004

/**
 * Asks for the templates of `kinds` (at most three, in the order given) and records the answer.
 * Call it synchronously from the tap handler, before any await: the dialog is opened in this very call.
 */
export function requestStageSubscriptions(kinds: TemplateKind[]): Promise<SubscriptionRequestOutcome> {
  if (!canRequestSubscriptions()) return Promise.resolve({ state: 'unsupported' })
  const ids = templateIds()
  const asked = [...new Set(kinds)].filter((k) => !!ids[k]).slice(0, MAX_TEMPLATES_PER_REQUEST)
  if (!asked.length) return Promise.resolve({ state: 'no_templates' })
  const tmplIds = asked.map((k) => ids[k]!)
  let opened: Promise<unknown>
  try {
    opened =
      runtimePlatform() === 'h5'
        ? askInBrowser(asked, tmplIds)
        : Taro.requestSubscribeMessage({ tmplIds } as Taro.requestSubscribeMessage.Option)
  } catch (err) {
    opened = Promise.reject(err)
  }
  return opened.then(
    async (res) => {
      const answer = (res ?? {}) as Record<string, unknown>
      const results = asked.map((template, i) => ({ template, result: answerFor(answer, tmplIds[i]) }))
      return record(results)
    },
    async (err: { errCode?: number; errMsg?: string }) => {
      if (err?.errCode === MAIN_SWITCH_OFF)
        return record(asked.map((template) => ({ template, result: 'ban' as const })))
      const cancelled = /cancel/i.test(err?.errMsg ?? '')
      return { state: 'failed', message: cancelled ? '已取消订阅' : '没能打开订阅消息，请稍后在提醒页重试' }
    }
  )
}

async function record(
  results: { template: TemplateKind; result: SubscriptionAnswer }[]
): Promise<SubscriptionRequestOutcome> {
  const saved = await api.subscriptions.record({ results })
  return { state: 'answered', results, recorded: saved.ok }
}

/** A short Chinese summary of an outcome for the page ("已订阅：…" / "未授权：…"). */
export function describeOutcome(outcome: SubscriptionRequestOutcome): string {
  const label = (t: TemplateKind) => REMINDER_TEMPLATES[t].title
  switch (outcome.state) {
    case 'unsupported':
      return '这里收不到订阅消息，可以在“提醒”页把关键时间添加到日历'
    case 'no_templates':
      return '提醒消息还没有配置，可以在“提醒”页把关键时间添加到日历'
    case 'failed':
      return outcome.message
    case 'answered': {
      const accepted = outcome.results.filter((r) => r.result === 'accept').map((r) => label(r.template))
      const refused = outcome.results.filter((r) => r.result !== 'accept').map((r) => label(r.template))
      const parts: string[] = []
      if (accepted.length) parts.push(`已订阅：${accepted.join('、')}`)
      if (refused.length) parts.push(`未授权：${refused.join('、')}（不会收到，可在“提醒”页重新允许或添加到日历）`)
      if (!outcome.recorded) parts.push('订阅结果没能保存，请在“提醒”页刷新')
      return parts.join('；')
    }
  }
}
