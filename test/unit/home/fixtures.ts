import { allowedActionsFor } from '../../../src/domain'
import { SAMPLE_FILING } from '../../../src/domain/samples'
import type { FilingSummary, FilingView } from '../../../src/services/api-types'

/** A filing as the list action returns it; every test says what it changes. */
export function summary(patch: Partial<FilingSummary> = {}): FilingSummary {
  return {
    id: 'a1b2c3d4e5f6a1b2c3d4e5f6',
    title: '门店预约',
    platform: 'weapp',
    ownerType: 'enterprise',
    stage: 'draft',
    updatedAt: '2026-11-24T09:30:00+08:00',
    version: 1,
    access: 'owner',
    ...patch
  }
}

/** A full filing view (the sample filing), as `get` / `accept` return it. */
export function filingView(patch: Partial<FilingView> = {}): FilingView {
  const view = { ...SAMPLE_FILING, id: 'a1b2c3d4e5f6a1b2c3d4e5f6', access: 'owner' as const, revealed: false, ...patch }
  return { ...view, actions: patch.actions ?? allowedActionsFor(view.progress, view.access) }
}
