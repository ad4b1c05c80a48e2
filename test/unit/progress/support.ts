/**
 * Shared pieces of the 进度 / 提醒 page tests: the sample filing as its owner sees it (sensitive values masked, as
 * `filings.get` without `reveal` answers), moved into any stage through the domain's own stage machine, and the
 * envelopes the mocked API answers with.
 */
import { act } from '@testing-library/react'
import { allowedActionsFor, applyStageAction, newProgress } from '../../../src/domain'
import { maskAddress, maskIdNumber, maskMobile, maskUscc } from '../../../src/domain/masking'
import { SAMPLE_FILING } from '../../../src/domain/samples'
import type { Filing, FilingProgress, Stage, StageAction } from '../../../src/domain/types'
import type { ErrorEnvelope, FilingView } from '../../../src/services/api-types'
import type * as PageHooks from '../../setup/page-hooks'

/** The tests' clock: Monday 2026-11-23, 10:00 in Shanghai. */
export const NOW = '2026-11-23T10:00:00+08:00'
export const NOW_MS = Date.parse(NOW)
/** The 12381 text arrived 48 s before NOW: 23:59:12 left at NOW. */
export const SMS_RECEIVED = '2026-11-23T09:59:12+08:00'

const ctx = { platform: SAMPLE_FILING.profile.platform, province: SAMPLE_FILING.profile.province }

export function run(steps: [StageAction, string][], start = newProgress('2026-11-16T09:00:00+08:00')): FilingProgress {
  let p = start
  for (const [action, at] of steps) {
    const r = applyStageAction(p, action, at, ctx)
    if (!r.ok) throw new Error(`${action.type}: ${r.message}`)
    p = r.progress
  }
  return p
}

const submit: [StageAction, string] = [{ type: 'submit' }, '2026-11-17T10:00:00+08:00']
const pass: [StageAction, string] = [
  { type: 'platform_pass', smsReceivedAt: SMS_RECEIVED },
  '2026-11-23T09:59:30+08:00'
]
const verified: [StageAction, string] = [{ type: 'sms_verified' }, '2026-11-23T09:59:40+08:00']

/** A progress sitting in each stage (all steps before NOW). */
export const PROGRESS_AT: Record<Stage, () => FilingProgress> = {
  draft: () => run([]),
  platform_review: () => run([submit]),
  platform_rejected: () =>
    run([submit, [{ type: 'platform_reject', reasons: ['证件有效期不足'] }, '2026-11-18T15:00:00+08:00']]),
  sms_verification: () => run([submit, pass]),
  sms_expired: () =>
    run([
      submit,
      [{ type: 'platform_pass', smsReceivedAt: '2026-11-18T09:00:00+08:00' }, '2026-11-18T09:10:00+08:00'],
      [{ type: 'sms_expire' }, '2026-11-19T10:00:00+08:00']
    ]),
  admin_review: () => run([submit, pass, verified]),
  admin_rejected: () =>
    run([
      submit,
      pass,
      verified,
      [{ type: 'admin_reject', reasons: ['核验单未加盖红章'] }, '2026-11-23T09:59:50+08:00']
    ]),
  approved: () =>
    run([
      submit,
      pass,
      verified,
      [{ type: 'admin_pass', filingNumber: '津ICP备2026059598号-1X' }, '2026-11-23T09:59:50+08:00']
    ]),
  cancelled: () => run([submit, [{ type: 'cancel' }, '2026-11-18T10:00:00+08:00']])
}

export const STAGES = Object.keys(PROGRESS_AT) as Stage[]

/** The sample filing as its owner sees it (masked), in `stage`. */
export function viewAt(stage: Stage, overrides: Partial<FilingView> = {}): FilingView {
  const f = SAMPLE_FILING.form
  const form: Filing['form'] = {
    ...f,
    owner: {
      ...f.owner,
      certificateNumber: maskUscc(f.owner.certificateNumber ?? ''),
      address: maskAddress(f.owner.address ?? ''),
      certificateAddress: maskAddress(f.owner.certificateAddress ?? '')
    },
    ownerPrincipal: {
      ...f.ownerPrincipal,
      idNumber: maskIdNumber(f.ownerPrincipal.idNumber ?? ''),
      mobile: maskMobile(f.ownerPrincipal.mobile ?? '')
    }
  }
  return {
    ...SAMPLE_FILING,
    id: 'a1b2c3d4e5f6a1b2c3d4e5f6',
    form,
    progress: PROGRESS_AT[stage](),
    access: 'owner',
    revealed: false,
    actions: allowedActionsFor(overrides.progress ?? PROGRESS_AT[stage](), overrides.access ?? 'owner'),
    ...overrides
  }
}

export const ok = <T>(data: T) => ({ ok: true as const, data })
export const fail = (code: ErrorEnvelope['code'], message: string): ErrorEnvelope => ({
  ok: false,
  code,
  message,
  fieldErrors: {}
})

/** A promise the test resolves when it wants to. */
export function deferred<T>() {
  let resolve!: (value: T) => void
  const promise = new Promise<T>((r) => (resolve = r))
  return { promise, resolve }
}

/** Lets the mocked API's promises settle (without advancing any timer). */
export async function flush(): Promise<void> {
  await act(async () => {
    for (let i = 0; i < 20; i++) await Promise.resolve()
  })
}

/** The page's query, read by the shared page-hook stand-ins' `useRouter` (test/setup/page-hooks). */
// loaded on use: node-environment tests share this module and have no Taro runtime
const pageHooks = () => jest.requireActual<typeof PageHooks>('../../setup/page-hooks')
export const mockRouter = {
  get params(): Record<string, string> {
    return pageHooks().pageHooks.useRouter().params as Record<string, string>
  },
  set params(params: Record<string, string>) {
    pageHooks().setRoute(params, '/pages/progress/index')
  }
}
