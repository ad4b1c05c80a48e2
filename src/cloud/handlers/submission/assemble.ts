/**
 * One submission put together from what the server holds: the filing (decrypted in memory only), the binding's
 * stored media ids and face task, and the platform's code tables — mapped by the domain onto the platform's body,
 * with the self-check, the photos the platform needs and the readiness the page shows.
 */
import { runSelfCheck } from '../../../domain/self-check'
import {
  FACE_TASK_MISSING,
  MEDIA_MISSING,
  faceTaskInstruction,
  faceTaskStatusAt,
  mapDouyinRecord,
  mapWechatApplication,
  mediaSlotsFor,
  submissionReadiness,
  type FaceTaskState,
  type MapResult,
  type MediaSlotSpec,
  type PlatformCodeTables,
  type SubmissionExtras,
  type SubmissionReadiness
} from '../../../domain/platform-filing'
import { shanghaiDate, toShanghaiIso } from '../../../domain/time'
import type { FilingForm, Finding, RecipientRole } from '../../../domain/types'
import type { Ctx } from '../../context'
import { decryptForm, decryptValue, encryptValue, isEncrypted } from '../../crypto'
import type { ConnectorPlatform } from '../../platforms/connector'
import { cachedCodeTables } from '../../platforms/code-tables'
import { currentFaceTask, type FaceTaskRecord } from '../../platforms/face-tasks'
import type { PlatformFilingApi } from '../../platforms/filing-api'
import type { KeyProvider } from '../../ports'
import type { FilingRecord } from '../../records'
import { emptySubmission, onPlatform, type BoundConnection } from './binding-state'
import type { FaceView, SubmissionState, SubmissionView } from './views'

export interface Assembled {
  platform: ConnectorPlatform
  form: FilingForm
  tables: PlatformCodeTables
  slots: MediaSlotSpec[]
  state: SubmissionState
  face: FaceTaskRecord | undefined
  mapResult: MapResult<object>
  readiness: SubmissionReadiness
}

/** The stored face task (platform_face_tasks, moved by pushes and polls) as the domain reads it. */
export function faceTaskOf(record: FaceTaskRecord | undefined): FaceTaskState | undefined {
  if (!record) return undefined
  return {
    taskId: record.taskId,
    status: record.status,
    channel: record.channel,
    ...(record.expiresAt ? { expiresAt: record.expiresAt } : {}),
    ...(record.url ? { url: record.url } : {})
  }
}

/** The newest face task of the binding's mini-program, brought up to date (a poll when the last look is older). */
export async function faceTaskFor(ctx: Ctx, api: PlatformFilingApi, appId: string, pollAfterMs?: number) {
  return onPlatform(api.platform, () =>
    currentFaceTask(ctx.deps, api, appId, pollAfterMs === undefined ? {} : { pollAfterMs })
  )
}

export function faceView(
  platform: ConnectorPlatform,
  record: FaceTaskRecord | undefined,
  role: RecipientRole,
  now: Date
): FaceView {
  const task = faceTaskOf(record)
  const view = faceTaskInstruction(platform, task, role, toShanghaiIso(now.getTime()))
  return {
    status: view.status,
    who: view.who,
    instruction: view.instruction,
    ...(view.expiresAt ? { expiresAt: view.expiresAt } : {}),
    ...(view.status === 'pending' && task?.url ? { link: task.url } : {})
  }
}

/** The code tables the filing is mapped onto (the platform client caches them with their fetch date). */
export async function tablesFor(ctx: Ctx, api: PlatformFilingApi, appId: string): Promise<PlatformCodeTables> {
  return onPlatform(api.platform, () => cachedCodeTables(ctx.deps, api, appId))
}

export async function assemble(
  ctx: Ctx,
  filing: FilingRecord,
  c: BoundConnection,
  api: PlatformFilingApi
): Promise<Assembled> {
  const platform = c.platform
  const tables = await tablesFor(ctx, api, c.appId)
  const face = await faceTaskFor(ctx, api, c.appId)
  const form = decryptForm(ctx.deps.keys, filing.form, filing._id)
  const today = shanghaiDate(ctx.now.getTime())
  const state = c.submission ?? emptySubmission()
  const slots = mediaSlotsFor(form, filing.profile, platform, tables)
  const media: Record<string, string> = {}
  for (const s of slots) if (state.media[s.slot]) media[s.slot] = state.media[s.slot].mediaId
  const now = toShanghaiIso(ctx.now.getTime())
  const faceStatus = faceTaskStatusAt(faceTaskOf(face), now)
  const input = {
    form,
    profile: filing.profile,
    media,
    today,
    extras: openExtras(ctx.deps.keys, filing._id, state),
    ...(faceStatus === 'passed' && face ? { faceTaskId: face.taskId } : {})
  }
  const mapResult: MapResult<object> =
    platform === 'wechat' ? mapWechatApplication(input, tables) : mapDouyinRecord(input, tables)
  const readiness = submissionReadiness({
    findings: runSelfCheck(form, { profile: filing.profile, today }),
    mapResult,
    slots,
    uploaded: media,
    faceTask: faceStatus,
    stage: filing.progress.stage
  })
  return { platform, form, tables, slots, state, face, mapResult, readiness }
}

const sealedAad = (filingId: string, field: string) => `${filingId}:submission.extras.${field}`

/** The legal representative's name and ID number are sealed like the form's sensitive fields. */
export function sealExtra(keys: KeyProvider, filingId: string, field: string, value: string): string {
  return value ? encryptValue(keys, value, sealedAad(filingId, field)) : ''
}

function openExtras(keys: KeyProvider, filingId: string, state: SubmissionState): SubmissionExtras {
  const e = state.extras ?? {}
  const open = (field: 'legalPersonName' | 'legalPersonIdNumber') => {
    const v = e[field]
    return v && isEncrypted(v) ? decryptValue(keys, v, sealedAad(filingId, field)) : undefined
  }
  const name = open('legalPersonName')
  const idNumber = open('legalPersonIdNumber')
  return {
    ...(e.ownerPrincipalIdValidFrom ? { ownerPrincipalIdValidFrom: e.ownerPrincipalIdValidFrom } : {}),
    ...(e.appPrincipalIdValidFrom ? { appPrincipalIdValidFrom: e.appPrincipalIdValidFrom } : {}),
    ...(name || idNumber ? { legalPerson: { ...(name ? { name } : {}), ...(idNumber ? { idNumber } : {}) } } : {})
  }
}

/** What the page may show of the extras: the dates and the name, the ID number only as given or not. */
export function extrasView(keys: KeyProvider, filingId: string, state: SubmissionState): SubmissionView['extras'] {
  const open = openExtras(keys, filingId, state)
  return {
    ...(open.ownerPrincipalIdValidFrom ? { ownerPrincipalIdValidFrom: open.ownerPrincipalIdValidFrom } : {}),
    ...(open.appPrincipalIdValidFrom ? { appPrincipalIdValidFrom: open.appPrincipalIdValidFrom } : {}),
    ...(open.legalPerson?.name ? { legalPersonName: open.legalPerson.name } : {}),
    legalPersonIdNumberGiven: !!open.legalPerson?.idNumber
  }
}

const RULE = (s: MediaSlotSpec) =>
  `${s.rule.formats.map((f) => f.toUpperCase()).join('/')}，不超过 ${s.rule.maxBytes / 1024 / 1024} MB，` +
  `不低于 ${s.rule.minShortSide}×${s.rule.minLongSide}${s.required ? '' : '（如有）'}`

function withdrawal(api: PlatformFilingApi, stage: FilingRecord['progress']['stage']): [boolean, string] {
  if (!api.capabilities.withdraw) return [false, '抖音没有撤回备案申请的接口；需要撤回时请在抖音开放平台操作。']
  if (stage === 'platform_review') return [true, '平台初审期间可以撤回，撤回后可修改再重新提交。']
  if (stage === 'draft') return [false, '还没有提交，无需撤回。']
  return [false, '平台初审已结束，申请已转到管局（或已有结果），不能再撤回。']
}

export function submissionView(
  keys: KeyProvider,
  filing: FilingRecord,
  c: BoundConnection,
  a: Assembled,
  api: PlatformFilingApi,
  now: Date
): SubmissionView {
  const [canWithdraw, withdrawNote] = withdrawal(api, filing.progress.stage)
  const mappingFindings: Finding[] = a.mapResult.ok
    ? []
    : a.mapResult.findings.filter((f) => f.code !== MEDIA_MISSING && f.code !== FACE_TASK_MISSING)
  return {
    filingId: filing._id,
    platform: a.platform,
    appId: c.appId,
    stage: filing.progress.stage,
    ...(a.state.consentAt ? { consentAt: a.state.consentAt } : {}),
    slots: a.slots.map((s) => ({
      slot: s.slot,
      title: s.label,
      rule: RULE(s),
      uploaded: !!a.state.media[s.slot],
      ...(a.state.media[s.slot] ? { uploadedAt: a.state.media[s.slot].uploadedAt } : {})
    })),
    mappingFindings,
    platformFindings: a.state.platformFindings,
    face: faceView(a.platform, a.face, 'owner', now),
    readiness: {
      ready: a.readiness.ready,
      blockers: a.readiness.blockers.map(({ kind, message }) => ({ kind, message }))
    },
    canWithdraw,
    withdrawNote,
    ...(a.state.submittedAt ? { submittedAt: a.state.submittedAt } : {}),
    codeTablesFetchedAt: a.tables.fetchedAt,
    extras: extrasView(keys, filing._id, a.state)
  }
}
