/**
 * What the platforms report about a filing, mapped — through one table per platform — onto the stage machine: the
 * actions that bring the stored progress to the observed state, dated with the time of the observation and the
 * bound from the previous one. Observations that are repeated, or older than what the progress already shows, yield
 * no action, so any sequence of observations leaves a legal stage history.
 *
 * WeChat: `get_icp_entrance_info` status (2 平台审核中, 3 平台驳回, 4 管局审核中, 5 管局驳回, 6 已备案, 1024… 未备案) and, at 4,
 * `sms_verify_status` (1 等待核验, 2 核验完成, 3 核验超时). Douyin reports no SMS status; its integer statuses are
 * UNCONFIRMED and reach this module already translated into symbolic states (src/cloud/platforms/shared/unconfirmed.ts).
 */
import { findRejectionReason, type FormFieldPath, type RejectionFix } from './rejection-reasons'
import { applyStageAction, type StageContext } from './stages'
import type { FilingProgress, FilingType, Stage, StageAction } from './types'
import { parseInstant, toShanghaiIso } from './time'

/** The state a platform shows, in the stage machine's words. */
export type ObservedState =
  | 'not_filed'
  | 'platform_review'
  | 'platform_rejected'
  /** 管局审核中 with no SMS information (WeChat 4 without sms_verify_status): platform review is over. */
  | 'admin_review_sms_unknown'
  | 'sms_waiting'
  | 'sms_done'
  | 'sms_timeout'
  | 'admin_rejected'
  | 'filed'

/** WeChat (status, sms_verify_status) → observed state; `-` = no sms_verify_status (it is valid only at 4). */
export const WECHAT_STATUS_TABLE: Record<string, ObservedState> = {
  '2/-': 'platform_review',
  '3/-': 'platform_rejected',
  '4/-': 'admin_review_sms_unknown',
  '4/1': 'sms_waiting',
  '4/2': 'sms_done',
  '4/3': 'sms_timeout',
  '5/-': 'admin_rejected',
  '6/-': 'filed'
}

/** Douyin symbolic states → observed state. No SMS field exists, so 管局审核 opens the SMS window (sent on entry). */
export const DOUYIN_STATUS_TABLE: Record<string, ObservedState> = {
  not_filed: 'not_filed',
  platform_review: 'platform_review',
  platform_rejected: 'platform_rejected',
  admin_review: 'sms_waiting',
  admin_rejected: 'admin_rejected',
  filed: 'filed'
}

export function wechatObservedState(status: number, smsVerifyStatus?: number): ObservedState {
  if (status >= 1024) return 'not_filed'
  // sms_verify_status is only meaningful at 4: ignore it elsewhere, and unknown values count as absent
  const sms =
    status === 4 && smsVerifyStatus !== undefined && [1, 2, 3].includes(smsVerifyStatus) ? smsVerifyStatus : '-'
  return WECHAT_STATUS_TABLE[`${status}/${sms}`] ?? 'not_filed'
}

export function douyinObservedState(symbolic: string | undefined): ObservedState {
  return (symbolic && DOUYIN_STATUS_TABLE[symbolic]) || 'not_filed'
}

/** The stage each observed state means; `undefined` = nothing to follow (not filed). */
const TARGET: Record<ObservedState, Stage | undefined> = {
  not_filed: undefined,
  platform_review: 'platform_review',
  platform_rejected: 'platform_rejected',
  // at least platform review, and no SMS known yet: nothing beyond platform_review can be asserted
  admin_review_sms_unknown: 'platform_review',
  sms_waiting: 'sms_verification',
  sms_done: 'admin_review',
  sms_timeout: 'sms_expired',
  admin_rejected: 'admin_rejected',
  filed: 'approved'
}

/** One review cycle: submit → platform_review → sms_verification → admin_review → approved, and its exits. */
const CYCLE: Stage[] = ['platform_review', 'sms_verification', 'admin_review', 'approved']
const EXIT: Partial<Record<Stage, { from: Stage; action: StageAction['type'] }>> = {
  platform_rejected: { from: 'platform_review', action: 'platform_reject' },
  sms_expired: { from: 'sms_verification', action: 'sms_expire' },
  admin_rejected: { from: 'admin_review', action: 'admin_reject' }
}
const FORWARD: Record<string, StageAction['type']> = {
  'platform_review>sms_verification': 'platform_pass',
  'sms_verification>admin_review': 'sms_verified',
  'admin_review>approved': 'admin_pass'
}
/** Stages a new cycle starts from (the user fixed and resubmitted on the platform). */
const RESTARTS: Stage[] = ['draft', 'platform_rejected', 'sms_expired', 'admin_rejected']

/** A rejection reason as the platform gave it. */
export interface PlatformAuditItem {
  /** The field's label (WeChat `key_name`). */
  field: string
  error: string
  suggestion: string
}

export interface PlatformObservation {
  state: ObservedState
  /** ISO instant the poll saw it. */
  observedAt: string
  /** ISO instant of the previous poll that still saw the earlier state: the change happened after it. */
  previousObservedAt?: string
  audit?: PlatformAuditItem[]
  /** The 小程序备案号, read when the state is `filed`. */
  filingNumber?: string
}

export interface PlannedStageAction {
  action: StageAction
  at: string
}

export interface StageSyncPlan {
  /** The actions to apply in order (empty: nothing new). */
  actions: PlannedStageAction[]
  /** The stage the platform shows, when it differs from what the actions reach (e.g. filed without a number yet). */
  pending?: 'filing_number'
  /** The observation is older than the progress (or repeats it): ignored. */
  ignored: boolean
}

/** `key_name：error（建议：suggest）`, the text stored with the rejection (findRejectionReason links it to its fix). */
export function formatAuditItem(item: PlatformAuditItem): string {
  const head = [item.field.trim(), item.error.trim()].filter(Boolean).join('：')
  const suggestion = item.suggestion.trim()
  return suggestion ? `${head}（建议：${suggestion}）` : head
}

/** WeChat `key_name` labels → the self-check field they concern (labels as the platform's form names them). */
const FIELD_BY_LABEL: [RegExp, FormFieldPath][] = [
  [/主办单位.*(证件号|证件号码)/, 'owner.certificateNumber'],
  [/主办单位.*有效期/, 'owner.certificateValidUntil'],
  [/主办单位.*(住所|证件地址)/, 'owner.certificateAddress'],
  [/(通讯|通信)地址/, 'owner.address'],
  [/主办单位.*名称|主体名称|主办者名称/, 'owner.name'],
  [/(主体|主办单位)负责人.*(手机|电话)/, 'ownerPrincipal.mobile'],
  [/(主体|主办单位)负责人.*(邮箱|电子邮件)/, 'ownerPrincipal.email'],
  [/(主体|主办单位)负责人.*有效期/, 'ownerPrincipal.idValidUntil'],
  [/(主体|主办单位)负责人.*证件号/, 'ownerPrincipal.idNumber'],
  [/(主体|主办单位)负责人.*(姓名|名称)/, 'ownerPrincipal.name'],
  [/小程序负责人.*(手机|电话)/, 'appPrincipal.mobile'],
  [/小程序负责人.*有效期/, 'appPrincipal.idValidUntil'],
  [/小程序负责人.*证件号/, 'appPrincipal.idNumber'],
  [/小程序负责人.*(姓名|名称)/, 'appPrincipal.name'],
  [/应急联系/, 'emergencyContact.mobile'],
  [/(小程序|服务)(名称)/, 'miniProgram.name'],
  [/(备注|简介|服务内容描述)/, 'miniProgram.description'],
  [/服务内容|服务类型/, 'miniProgram.serviceTypes']
]

export interface LinkedAuditItem extends PlatformAuditItem {
  /** The self-check field the platform's field label names, when one matches. */
  fieldPath?: FormFieldPath
  /** The catalogue reason the error text points to, and where to fix it. */
  reasonId?: string
  fixes: RejectionFix[]
}

export function linkAuditItem(item: PlatformAuditItem): LinkedAuditItem {
  const fieldPath = FIELD_BY_LABEL.find(([re]) => re.test(item.field))?.[1]
  const reason = findRejectionReason(`${item.field} ${item.error} ${item.suggestion}`)
  const fixes: RejectionFix[] = reason?.fixes ?? []
  const out: LinkedAuditItem = { ...item, fixes }
  if (fieldPath) {
    out.fieldPath = fieldPath
    if (!fixes.some((f) => f.kind === 'field' && f.path === fieldPath)) {
      out.fixes = [{ kind: 'field', path: fieldPath, label: item.field }, ...fixes]
    }
  }
  if (reason) out.reasonId = reason.id
  return out
}

interface ProgressLike {
  stage: Stage
  history: { stage: Stage; at: string }[]
}

/**
 * The actions that bring `progress` to what the platform shows. Steps the platform went through between two polls
 * are dated at the previous poll (the earliest they can have happened, so the SMS deadline is never later than the
 * real one); the step that reaches the observed state is dated at the observation.
 */
export function planStageSync(
  progress: ProgressLike,
  observation: PlatformObservation,
  filingType: FilingType = 'new'
): StageSyncPlan {
  const none = (ignored: boolean): StageSyncPlan => ({ actions: [], ignored })
  let target = TARGET[observation.state]
  if (!target) return none(false)
  const isCancel = filingType === 'cancel'
  // a cancellation (注销) has no SMS step: platform_review → admin_review
  if (isCancel && target === 'sms_verification') target = 'admin_review'
  if (isCancel && target === 'sms_expired') return none(true)
  let pending: StageSyncPlan['pending']
  if (target === 'approved' && !observation.filingNumber && !isCancel) {
    target = 'admin_review'
    pending = 'filing_number'
  }
  const from = progress.stage
  if (from === target || from === 'approved' || from === 'cancelled')
    return { ...none(true), ...(pending ? { pending } : {}) }

  const steps: StageAction['type'][] = []
  let cursor: Stage = from
  if (RESTARTS.includes(from)) {
    steps.push('submit')
    cursor = 'platform_review'
  }
  const exit = EXIT[target]
  const onCycle = exit ? exit.from : target
  const path = isCancel ? CYCLE.filter((s) => s !== 'sms_verification') : CYCLE
  const i = path.indexOf(cursor)
  const j = path.indexOf(onCycle)
  // behind the progress (a stale observation): nothing to do
  if (i < 0 || j < 0 || j < i) return none(true)
  for (let k = i; k < j; k++) {
    steps.push(isCancel && path[k] === 'platform_review' ? 'platform_pass' : FORWARD[`${path[k]}>${path[k + 1]}`])
  }
  if (exit) steps.push(exit.action)
  if (!steps.length) return { ...none(true), ...(pending ? { pending } : {}) }

  const lastAt = progress.history.length ? progress.history[progress.history.length - 1].at : observation.observedAt
  const observedMs = parseInstant(observation.observedAt)
  const boundMs = Math.min(
    observedMs,
    Math.max(parseInstant(observation.previousObservedAt ?? observation.observedAt), parseInstant(lastAt))
  )
  const bound = toShanghaiIso(boundMs)
  const observedAt = toShanghaiIso(observedMs)
  const reasons = (observation.audit ?? []).map(formatAuditItem).filter(Boolean)
  const actions = steps.map((type, n): PlannedStageAction => {
    const at = n === steps.length - 1 ? observedAt : bound
    switch (type) {
      case 'platform_pass':
        // the 12381 text came after the previous poll: the earliest deadline is the safe one
        return { action: { type, smsReceivedAt: bound }, at }
      case 'platform_reject':
      case 'admin_reject':
        return { action: { type, reasons: reasons.length ? reasons : ['平台未给出驳回原因'] }, at }
      case 'admin_pass':
        return { action: { type, filingNumber: observation.filingNumber ?? '' }, at }
      default:
        return { action: { type } as StageAction, at }
    }
  })
  return { actions, ignored: false, ...(pending ? { pending } : {}) }
}

export interface PlatformSyncResult {
  progress: FilingProgress
  /** The actions the stage machine accepted, in order. */
  applied: PlannedStageAction[]
  /** The first action it refused (the rest of the plan is dropped), e.g. a manual SMS time later than the platform's. */
  refused?: { code: string; message: string }
  ignored: boolean
  pending?: StageSyncPlan['pending']
}

/** Plans and applies one observation through `applyStageAction`: the machine stays the only judge of legality. */
export function applyPlatformObservation(
  progress: FilingProgress,
  observation: PlatformObservation,
  ctx: StageContext
): PlatformSyncResult {
  const plan = planStageSync(progress, observation, ctx.filingType)
  // synced entries are the platform's, and nothing can be dated after the observation that revealed it
  const stageCtx: StageContext = { ...ctx, source: 'platform', now: observation.observedAt }
  let current = progress
  const applied: PlannedStageAction[] = []
  for (const step of plan.actions) {
    const result = applyStageAction(current, step.action, step.at, stageCtx)
    if (!result.ok) {
      return { progress: current, applied, refused: { code: result.code, message: result.message }, ignored: false }
    }
    current = result.progress
    applied.push(step)
  }
  return { progress: current, applied, ignored: plan.ignored, ...(plan.pending ? { pending: plan.pending } : {}) }
}
