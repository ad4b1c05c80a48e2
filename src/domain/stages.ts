/**
 * The filing's stage machine, as the user reports each step (an assistant that is neither the mini-program's account
 * nor an authorised third party cannot read the platform's status):
 *
 *   draft → platform_review → sms_verification → admin_review → approved
 *             ↘ platform_rejected   ↘ sms_expired     ↘ admin_rejected      (each: fix and submit again)
 *
 * A cancellation (注销) skips the SMS check: platform_review → admin_review. Times are absolute ISO instants; the SMS
 * deadline is the moment the 12381 text arrived plus 24 hours.
 */
import type {
  FilingProgress,
  FilingType,
  PlatformId,
  ProvinceCode,
  Stage,
  RecipientRole,
  StageAction,
  StageEntry,
  StageSource
} from './types'
import { SMS_WINDOW_HOURS } from './rules/platforms'
import { bureauShortName } from './rules/provinces'
import { provinceName } from './rules/regions'
import { addHours, formatShanghaiMinute, parseInstant, toShanghaiIso } from './time'
import { parseFilingNumber } from './validators/filing-number'
import { ACTION_LABELS, STAGE_LABELS } from './stage-labels'

export { STAGE_LABELS, ACTION_LABELS } from './stage-labels'

export interface StageContext {
  platform: PlatformId
  province: ProvinceCode
  filingType?: FilingType
  /** The present moment: a step can't be dated after it. Absent = only the order of steps is checked. */
  now?: string
  /** Who reports the step; recorded on the new entry. */
  source?: StageSource
  by?: RecipientRole
}

/** A phone's clock may run a little ahead of the server's: times up to this much in the future count as now. */
export const CLOCK_SKEW_MS = 2 * 60_000
/**
 * How far before the record was made a first submission may be dated: people start using the assistant after they
 * submitted (often once the text has arrived), but never a filing from another season.
 */
export const MAX_SUBMIT_BEFORE_CREATION_DAYS = 90

export type StageResult = { ok: true; progress: FilingProgress } | { ok: false; code: string; message: string }

/** Which stages each action may start from. */
const FROM: Record<StageAction['type'], Stage[]> = {
  submit: ['draft', 'platform_rejected', 'sms_expired', 'admin_rejected'],
  platform_pass: ['platform_review'],
  platform_reject: ['platform_review'],
  sms_verified: ['sms_verification'],
  sms_expire: ['sms_verification'],
  admin_pass: ['admin_review'],
  admin_reject: ['admin_review'],
  // Once the platform review has passed, a filing can no longer be withdrawn
  cancel: ['draft', 'platform_review', 'platform_rejected', 'sms_expired', 'admin_rejected']
}

const ACTION_TYPES = Object.keys(FROM) as StageAction['type'][]

export function newProgress(at: string): FilingProgress {
  return { stage: 'draft', history: [{ stage: 'draft', at: normalizeInstant(at) }] }
}

export function allowedActions(progress: FilingProgress): StageAction['type'][] {
  return ACTION_TYPES.filter((t) => FROM[t].includes(progress.stage))
}

/**
 * An invited principal is the person the 12381 text reaches: they may record that it arrived and that they answered
 * it, and nothing else (the filing itself stays the owner's).
 */
export const PRINCIPAL_ACTIONS: readonly StageAction['type'][] = ['platform_pass', 'sms_verified']

/** What this member may do now. */
export function allowedActionsFor(progress: FilingProgress, role: RecipientRole): StageAction['type'][] {
  const allowed = allowedActions(progress)
  return role === 'owner' ? allowed : allowed.filter((t) => PRINCIPAL_ACTIONS.includes(t))
}

function normalizeInstant(at: string): string {
  const ms = parseInstant(at)
  if (Number.isNaN(ms)) throw new RangeError(`无法识别的时间：${at}`)
  return toShanghaiIso(ms)
}

const refuse = (code: string, message: string): StageResult => ({ ok: false, code, message })

function illegal(progress: FilingProgress, action: StageAction['type']): StageResult {
  let hint = ''
  if (action === 'cancel' && ['sms_verification', 'admin_review'].includes(progress.stage)) {
    hint = '：备案通过平台初审后无法撤回'
  } else if (action === 'cancel' && progress.stage === 'approved') {
    hint = '：已备案成功的小程序需新建一个“注销备案”来注销'
  } else {
    const next = allowedActions(progress).map((t) => `“${ACTION_LABELS[t]}”`)
    hint = next.length ? `，现在可以：${next.join('、')}` : '，该备案已结束'
  }
  return refuse(
    'ILLEGAL_TRANSITION',
    `当前处于“${STAGE_LABELS[progress.stage]}”，不能“${ACTION_LABELS[action]}”${hint}`
  )
}

/** The stage entry that started the current stage. */
export function currentEntry(progress: FilingProgress): StageEntry | undefined {
  for (let i = progress.history.length - 1; i >= 0; i--) {
    if (progress.history[i].stage === progress.stage) return progress.history[i]
  }
  return undefined
}

/** When the 12381 SMS arrived (the deadline minus 24 h). */
export function smsReceivedAt(progress: FilingProgress): string | undefined {
  return progress.smsDeadline ? addHours(progress.smsDeadline, -SMS_WINDOW_HOURS) : undefined
}

export type TimeRefusal = { code: string; message: string }

/** The earliest time the next step may be dated: the step it follows, or for a first submission a bounded past. */
export function earliestActionTime(progress: FilingProgress, action: StageAction['type']): number {
  const last = progress.history[progress.history.length - 1]
  if (!last) return -Infinity
  const lastMs = parseInstant(last.at)
  const firstSubmit = action === 'submit' && progress.stage === 'draft'
  return firstSubmit ? lastMs - MAX_SUBMIT_BEFORE_CREATION_DAYS * 86_400_000 : lastMs
}

/**
 * Whether a step may be dated `at`: not in the future, not before the step it follows, and a first submission not
 * long before the filing was made here. The page shows the same reason next to its time picker.
 */
export function validateActionTime(
  progress: FilingProgress,
  action: StageAction['type'],
  at: string,
  now?: string
): TimeRefusal | null {
  const atMs = parseInstant(at ?? '')
  if (Number.isNaN(atMs)) return { code: 'INVALID_TIME', message: '时间格式不正确，应为 ISO 8601 时间' }
  const nowMs = now === undefined ? NaN : parseInstant(now)
  if (!Number.isNaN(nowMs) && atMs > nowMs + CLOCK_SKEW_MS) {
    return { code: 'TIME_IN_FUTURE', message: '时间不能晚于现在' }
  }
  const last = progress.history[progress.history.length - 1]
  if (!last || atMs >= parseInstant(last.at)) return null
  if (action === 'submit' && progress.stage === 'draft') {
    if (atMs >= earliestActionTime(progress, action)) return null
    return {
      code: 'TIME_BEFORE_CREATION',
      message: `提交时间不能早于创建这份备案前${MAX_SUBMIT_BEFORE_CREATION_DAYS}天，请检查时间`
    }
  }
  return {
    code: 'TIME_BEFORE_LAST_STEP',
    message: `时间不能早于上一步（${STAGE_LABELS[last.stage]}，${formatShanghaiMinute(last.at)}），请检查时间`
  }
}

/**
 * Applies one step dated `at` (when it really happened). For 初审通过 the new stage starts when the 12381 text
 * arrived (`smsReceivedAt`, default `at`), and the 24-hour deadline counts from there.
 */
export function applyStageAction(
  progress: FilingProgress,
  action: StageAction,
  at: string,
  ctx?: StageContext
): StageResult {
  if (!FROM[action.type]?.includes(progress.stage)) {
    if (Number.isNaN(parseInstant(at ?? ''))) return refuse('INVALID_TIME', '时间格式不正确，应为 ISO 8601 时间')
    return illegal(progress, action.type)
  }
  const smsAt = action.type === 'platform_pass' ? action.smsReceivedAt : undefined
  const effective = smsAt ?? at
  // With a separate SMS time, `at` is when it was reported: the SMS can't be later than that
  const now = ctx?.now ?? (smsAt ? at : undefined)
  const timeRefusal = validateActionTime(progress, action.type, effective, now)
  if (timeRefusal) return smsAt ? refuseSmsTime(progress, timeRefusal) : refuse(timeRefusal.code, timeRefusal.message)
  const atMs = parseInstant(effective)
  const isCancelFiling = ctx?.filingType === 'cancel'

  const move: Move = (stage, extra = {}, reasons) => moveTo(progress, atMs, now, ctx, stage, extra, reasons)
  const cleanReasons = (r: string[] | undefined) => (r ?? []).map((x) => x.trim()).filter(Boolean)

  switch (action.type) {
    case 'submit':
      return move('platform_review')
    case 'platform_pass':
      if (isCancelFiling) return move('admin_review')
      return move('sms_verification', { smsDeadline: toShanghaiIso(atMs + SMS_WINDOW_HOURS * 3_600_000) })
    case 'platform_reject':
    case 'admin_reject': {
      const reasons = cleanReasons(action.reasons)
      if (!reasons.length) return refuse('REASONS_EMPTY', '请至少填写一条驳回原因')
      return move(action.type === 'platform_reject' ? 'platform_rejected' : 'admin_rejected', {}, reasons)
    }
    case 'sms_verified':
      return move('admin_review')
    case 'sms_expire':
      // The platform's word beats our computed deadline (the SMS time we hold may be a user's estimate)
      if (ctx?.source !== 'platform' && progress.smsDeadline && atMs < parseInstant(progress.smsDeadline)) {
        return refuse('SMS_NOT_EXPIRED', `短信核验截止时间是${formatShanghaiMinute(progress.smsDeadline)}，还没有超时`)
      }
      return move('sms_expired')
    case 'admin_pass':
      return approve(action.filingNumber, isCancelFiling, ctx, move)
    case 'cancel':
      return move('cancelled')
  }
}

type Move = (stage: Stage, extra?: Partial<FilingProgress>, reasons?: string[]) => StageResult

/** A refused SMS time speaks of the SMS, so the user knows which of the two times to fix. */
function refuseSmsTime(progress: FilingProgress, timeRefusal: TimeRefusal): StageResult {
  const last = progress.history[progress.history.length - 1]
  const smsRefusals: Record<string, string> = {
    TIME_BEFORE_LAST_STEP: `收到短信的时间不能早于提交备案的时间（${last ? formatShanghaiMinute(last.at) : ''}）`,
    TIME_IN_FUTURE: '收到短信的时间不能晚于现在',
    INVALID_TIME: '收到短信的时间格式不正确'
  }
  const code = timeRefusal.code === 'TIME_BEFORE_LAST_STEP' ? 'TIME_BEFORE_SUBMIT' : timeRefusal.code
  return refuse(`SMS_${code}`, smsRefusals[timeRefusal.code] ?? timeRefusal.message)
}

/** Appends the new stage's entry, dated `atMs` and recorded `now` when that is later. */
function moveTo(
  progress: FilingProgress,
  atMs: number,
  now: string | undefined,
  ctx: StageContext | undefined,
  stage: Stage,
  extra: Partial<FilingProgress>,
  reasons?: string[]
): StageResult {
  const atIso = toShanghaiIso(atMs)
  const entry: StageEntry = { stage, at: atIso, source: ctx?.source ?? 'user' }
  const nowMs = now ? parseInstant(now) : NaN
  if (!Number.isNaN(nowMs) && nowMs > atMs) entry.recordedAt = toShanghaiIso(nowMs)
  if (ctx?.by) entry.by = ctx.by
  if (reasons?.length) entry.reasons = reasons
  let history = progress.history
  // A first submission dated before the record was made here: the draft was filled in before that, too
  if (history.length === 1 && history[0].stage === 'draft' && parseInstant(history[0].at) > atMs) {
    history = [{ ...history[0], at: atIso }]
  }
  const next: FilingProgress = { ...progress, stage, history: [...history, entry], ...extra }
  if (stage === 'platform_review') delete next.smsDeadline
  return { ok: true, progress: next }
}

/** 管局审核通过 needs the mini-program filing number of the filing's province (a cancellation may have none). */
function approve(
  filingNumber: string | undefined,
  isCancelFiling: boolean,
  ctx: StageContext | undefined,
  move: Move
): StageResult {
  const raw = (filingNumber ?? '').trim()
  if (isCancelFiling && !raw) return move('approved')
  const parsed = parseFilingNumber(raw)
  if (!parsed.ok) return refuse(parsed.code ?? 'FILING_NUMBER_FORMAT', parsed.message ?? '备案号格式不正确')
  if (!isCancelFiling && parsed.kind !== 'miniprogram') {
    return refuse(
      'FILING_NUMBER_NOT_MINIPROGRAM',
      '这不是小程序备案号：小程序备案号以“-数字X”结尾，如“京ICP备2026059598号-1X”'
    )
  }
  if (ctx?.province && parsed.province !== ctx.province) {
    return refuse(
      'FILING_NUMBER_PROVINCE_MISMATCH',
      `备案号属于${provinceName(parsed.province!)}，但备案省份是${provinceName(ctx.province)}（${bureauShortName(ctx.province)}），请核对`
    )
  }
  return move('approved', { filingNumber: parsed.normalized })
}

export * from './stage-etas'
