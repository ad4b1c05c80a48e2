import { newProgress } from '../../../domain'
import { defineAction } from '../../context'
import { randomId, sha256Hex } from '../../crypto'
import { AppError } from '../../envelope'
import { checkFormFields, EMPTY_FORM, filingView, mergeIncomingForm, storeForm } from '../../filing-data'
import { DuplicateKeyError } from '../../ports'
import type { FilingRecord } from '../../records'
import { releaseFilingPlace, reserveFilingPlace } from '../../reservations'
import { syncRemindersSafely } from '../../reminders/materialise'
import { filingsSchemas } from '../../schemas'
import { isoShanghai } from '../../time'
import { filingsOf } from '../access'

export const createFiling = defineAction(filingsSchemas.create, async (ctx, input) => {
  const filings = filingsOf(ctx)
  // A retried create with the same draft id lands on the same record (deterministic _id + unique insert).
  const id = input.clientRef ? sha256Hex(`${ctx.userId}|${input.clientRef}`).slice(0, 24) : randomId()
  if (input.clientRef) {
    const existing = await filings.get(id)
    if (existing) return filingView(ctx.deps.keys, existing, 'owner', false)
  }
  const form = mergeIncomingForm(undefined, { ...EMPTY_FORM, ...input.form })
  checkFormFields(form)
  const at = isoShanghai(ctx.now)
  const record: FilingRecord = {
    _id: id,
    version: 1,
    ownerId: ctx.userId,
    title: input.title || input.profile.texts.appName || '未命名备案',
    profile: input.profile,
    form: storeForm(ctx.deps.keys, form, id),
    progress: newProgress(at),
    materials: input.materials ?? {},
    createdAt: at,
    updatedAt: at
  }
  if (input.clientRef) record.clientRef = input.clientRef
  // reserve right before inserting (a count would let concurrent creates all see room); given back if it fails
  if (!(await reserveFilingPlace(ctx.deps.store, ctx.userId, ctx.deps.settings.maxFilingsPerUser))) {
    throw new AppError('LIMIT_REACHED', `最多保存 ${ctx.deps.settings.maxFilingsPerUser} 个备案`)
  }
  try {
    await filings.insert(record)
  } catch (err) {
    await releaseFilingPlace(ctx.deps.store, ctx.userId)
    if (!(err instanceof DuplicateKeyError)) throw err
    const existing = await filings.get(id)
    if (!existing) throw err
    return filingView(ctx.deps.keys, existing, 'owner', false)
  }
  await syncRemindersSafely(ctx.deps, record)
  return filingView(ctx.deps.keys, record, 'owner', false)
})
