import { useState } from 'react'
import { ACTION_LABELS } from '../../domain'
import type { StageAction } from '../../domain/types'
import { api } from '../../services/api'
import type { FilingView } from '../../services/api-types'
import {
  describeOutcome,
  kindsForTap,
  requestStageSubscriptions,
  type SubscriptionRequestOutcome
} from '../../services/subscriptions'
import type { TemplateKind } from '../../domain/types'

export type ActionType = StageAction['type']
/** Every action opens a form first (when it happened, and what else it needs). */
export type Panel = Exclude<ActionType, 'platform_reject' | 'admin_reject'> | 'reject'

export interface Notice {
  tone: 'success' | 'error' | 'warning'
  text: string
  /** Offer the calendar: a reminder will not arrive. */
  fallback?: boolean
}

type AdvanceInput = Parameters<typeof api.filings.advance>[0]

interface Options {
  filing?: FilingView
  /** What one more accepted request would cover now (the schedule's budget). */
  budgetAsk?: TemplateKind[]
  replace(filing: FilingView): void
  reload(): Promise<void>
  /** After a save or an answer to the subscription dialog: the schedule changed. */
  onChanged(): void
}

export function subscriptionNotice(outcome: SubscriptionRequestOutcome): Notice {
  const fallback = outcome.state !== 'answered' || outcome.results.some((r) => r.result !== 'accept')
  return { tone: fallback ? 'warning' : 'success', text: describeOutcome(outcome), fallback }
}

/** The stage actions of 进度: which form is open, the save, and what the user is told after it. */
export function useStageActions({ filing, budgetAsk, replace, reload, onChanged }: Options) {
  const [panel, setPanel] = useState<Panel | null>(null)
  const [saving, setSaving] = useState<ActionType | null>(null)
  const [notice, setNotice] = useState<Notice | null>(null)
  const [subscriptionNote, setSubscriptionNote] = useState<Notice | null>(null)

  async function advance(action: StageAction, at: string | undefined, asked?: Promise<SubscriptionRequestOutcome>) {
    if (!filing) return
    setSaving(action.type)
    setNotice(null)
    setSubscriptionNote(null)
    const input = { id: filing.id, version: filing.version, action, ...(at ? { at } : {}) } as AdvanceInput
    const res = await api.filings.advance(input)
    setSaving(null)
    if (res.ok) {
      replace(res.data)
      setPanel(null)
      setNotice({ tone: 'success', text: `已记录：${ACTION_LABELS[action.type]}` })
    } else if (res.code === 'CONFLICT') {
      setPanel(null)
      await reload()
      setNotice({ tone: 'error', text: '进度已在另一台设备上更新，已刷新为最新状态，请看一下再操作。' })
    } else {
      setNotice({ tone: 'error', text: res.message })
    }
    // the new version reloads the schedule; once the dialog's answer is recorded, the budget changed again
    if (asked) {
      setSubscriptionNote(subscriptionNotice(await asked))
      onChanged()
    }
  }

  /**
   * Every stage action goes through here, called from the confirming tap itself: the subscription dialog must open
   * synchronously inside the tap, before anything is awaited. Each tap asks for what matters most next.
   */
  function perform(action: StageAction, at?: string) {
    if (saving) return
    // giving up needs no reminder
    const kinds = action.type === 'cancel' ? [] : kindsForTap(action.type, budgetAsk)
    const asked = kinds.length ? requestStageSubscriptions(kinds) : undefined
    void advance(action, at, asked)
  }

  /** The answer to a 允许下一条提醒 tap. */
  function asked(answer: Promise<SubscriptionRequestOutcome>) {
    setSubscriptionNote(null)
    void answer.then((outcome) => {
      setSubscriptionNote(subscriptionNotice(outcome))
      onChanged()
    })
  }

  return { panel, setPanel, saving, notice, subscriptionNote, perform, asked }
}
