import type { TemplateKind } from '../../../domain/types'
import { defineAction, type Ctx } from '../../context'
import { DuplicateKeyError } from '../../ports'
import { COLLECTIONS, type SubscriptionRecord, type SubscriptionResult } from '../../records'
import { subscriptionsSchemas } from '../../schemas'
import { isoShanghai } from '../../time'
import { subscriptionId } from './quota'

async function recordOne(ctx: Ctx, template: TemplateKind, result: SubscriptionResult): Promise<SubscriptionRecord> {
  const col = ctx.deps.store.collection<SubscriptionRecord>(COLLECTIONS.subscriptions)
  const _id = subscriptionId(ctx.userId, template)
  const at = isoShanghai(ctx.now)
  const max = ctx.deps.settings.maxQuotaPerTemplate
  for (let attempt = 0; attempt < 3; attempt++) {
    let changed: number
    if (result === 'accept') {
      changed = await col.updateWhere(
        { _id, quota: { $lt: max } },
        { inc: { quota: 1, version: 1 }, set: { lastResult: result, updatedAt: at } }
      )
      if (!changed)
        changed = await col.updateWhere({ _id, quota: { $gte: max } }, { set: { lastResult: result, updatedAt: at } })
    } else if (result === 'ban') {
      // "always reject": earlier permissions are gone too
      changed = await col.updateWhere(
        { _id },
        { set: { quota: 0, lastResult: result, updatedAt: at }, inc: { version: 1 } }
      )
    } else {
      changed = await col.updateWhere({ _id }, { set: { lastResult: result, updatedAt: at }, inc: { version: 1 } })
    }
    if (changed) return (await col.get(_id))!
    try {
      const fresh: SubscriptionRecord = {
        _id,
        version: 1,
        userId: ctx.userId,
        template,
        quota: result === 'accept' ? 1 : 0,
        lastResult: result,
        updatedAt: at
      }
      await col.insert(fresh)
      return fresh
    } catch (err) {
      if (!(err instanceof DuplicateKeyError)) throw err
      // created concurrently: update it on the next pass
    }
  }
  throw new Error('subscription record contention')
}

/** Records the result of one `requestSubscribeMessage` (per template: accept / reject / ban / filter). */
export const recordSubscriptions = defineAction(subscriptionsSchemas.record, async (ctx, input) => {
  const out: { template: TemplateKind; quota: number; lastResult: SubscriptionResult }[] = []
  for (const r of input.results) {
    const rec = await recordOne(ctx, r.template, r.result)
    out.push({ template: rec.template, quota: rec.quota, lastResult: rec.lastResult })
  }
  return out
})
