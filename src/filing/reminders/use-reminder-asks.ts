import { useState } from 'react'
import type { TemplateKind } from '../../domain/types'
import type { SubscriptionStatus } from '../../services/api-types'
import {
  describeOutcome,
  loadSubscriptionStatus,
  requestStageSubscriptions,
  type SubscriptionRequestOutcome
} from '../../services/subscriptions'

export interface Notice {
  tone: 'success' | 'warning' | 'error'
  text: string
}

/**
 * The 提醒 page's requests for more reminder units and what the user is told: each answer is recorded, then the
 * schedule (whose statuses and budget it changes) and my per-template quota are loaded again.
 */
export function useReminderAsks(reloadSchedule: () => Promise<void>) {
  const [asking, setAsking] = useState(false)
  const [notice, setNotice] = useState<Notice | null>(null)
  const [templates, setTemplates] = useState<SubscriptionStatus['templates']>()

  async function reloadTemplates() {
    const status = await loadSubscriptionStatus()
    if (status.ok) setTemplates(status.data.templates)
  }

  function answered(pending: Promise<SubscriptionRequestOutcome>) {
    setAsking(true)
    void pending.then(async (outcome) => {
      const allAccepted = outcome.state === 'answered' && outcome.results.every((r) => r.result === 'accept')
      setNotice({ tone: allAccepted ? 'success' : 'warning', text: describeOutcome(outcome) })
      await Promise.all([reloadSchedule(), reloadTemplates()])
      setAsking(false)
    })
  }

  /** From the tap itself: the subscription dialog opens only inside a user's tap. */
  function ask(kinds: TemplateKind[]) {
    if (!asking) answered(requestStageSubscriptions(kinds))
  }

  return { asking, notice, setNotice, templates, reloadTemplates, answered, ask }
}
