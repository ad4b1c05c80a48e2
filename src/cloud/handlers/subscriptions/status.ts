import type { TemplateKind } from '../../../domain/types'
import { defineAction } from '../../context'
import { COLLECTIONS, type SubscriptionRecord, type SubscriptionResult } from '../../records'
import { subscriptionsSchemas } from '../../schemas'

const KINDS: TemplateKind[] = ['sms_deadline', 'review_progress', 'todo_reminder']

/** My quota per template, and the platform template ids the client needs for requestSubscribeMessage. */
export const subscriptionStatus = defineAction(subscriptionsSchemas.status, async (ctx) => {
  const records = await ctx.deps.store
    .collection<SubscriptionRecord>(COLLECTIONS.subscriptions)
    .find({ userId: ctx.userId })
  const templates = {} as Record<TemplateKind, { templateId?: string; quota: number; lastResult?: SubscriptionResult }>
  for (const kind of KINDS) {
    const r = records.find((x) => x.template === kind)
    templates[kind] = {
      templateId: ctx.deps.settings.templateIds[kind],
      quota: r?.quota ?? 0,
      lastResult: r?.lastResult
    }
  }
  return { templates }
})
