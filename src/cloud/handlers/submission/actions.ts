/**
 * 提交备案 through the platform's own API (function `submission`): prepare (code tables, mapping,
 * readiness), photo upload (bytes pass straight through), face check, submit, withdraw and 注销. Owner-only, except
 * faceStatus, which the invited principal needs to see what to do on their phone.
 */
import { findingsFromHints } from '../../../domain/platform-filing'
import type { FilingRecord } from '../../records'
import { defineAction, type Ctx } from '../../context'
import { AppError } from '../../envelope'
import { connectorPlatformOf } from '../../platforms/connector'
import { submissionSchemas } from '../../schemas'
import { loadFilingForWrite, loadVisibleFiling } from '../access'
import { assemble, faceTaskFor, faceView, sealExtra, submissionView } from './assemble'
import { startFaceTask } from '../../platforms/face-tasks'
import { activeBinding, filingApiOf, onPlatform, PLATFORM_NAME, updateSubmission } from './binding-state'
import { checkedPhoto } from './photo-bytes'
import { moveStage } from './stage'
import type { FaceView, SubmissionView, SubmitOutcome } from './views'

/** The owner's filing, its binding and its platform's filing API. */
async function ownerContext(ctx: Ctx, id: string) {
  const filing = await loadFilingForWrite(ctx, id)
  return bindingContext(ctx, filing)
}

async function bindingContext(ctx: Ctx, filing: FilingRecord) {
  const platform = connectorPlatformOf(filing.profile.platform)
  if (!platform) throw new AppError('INVALID', '只有微信和抖音小程序可以通过备案助手在线提交')
  const c = await activeBinding(ctx, filing)
  return { filing, c, platform, api: filingApiOf(ctx.deps, platform) }
}

export const prepareSubmission = defineAction(
  submissionSchemas.prepare,
  async (ctx, input): Promise<SubmissionView> => {
    const { filing, c, api } = await ownerContext(ctx, input.id)
    return submissionView(ctx.deps.keys, filing, c, await assemble(ctx, filing, c, api), api, ctx.now)
  }
)

export const uploadSubmissionMedia = defineAction(
  submissionSchemas.uploadMedia,
  async (ctx, input): Promise<{ slot: string; uploadedAt: string }> => {
    const { filing, c, platform, api } = await ownerContext(ctx, input.id)
    const { slots } = await assemble(ctx, filing, c, api)
    const spec = slots.find((s) => s.slot === input.slot)
    if (!spec) throw new AppError('INVALID', '这份备案不需要这张照片', { slot: ['不是这份备案需要的照片'] })
    // decoded in memory, sent on, dropped: nothing of the photo is written or logged
    const bytes = checkedPhoto(input.dataBase64, input.mimeType)
    const { mediaId } = await onPlatform(platform, () =>
      api.uploadMedia(c.appId, {
        slot: spec.slot,
        platformType: spec.platformType,
        ...(spec.certificateType ? { certificateType: spec.certificateType } : {}),
        bytes,
        fileName: input.fileName,
        mimeType: input.mimeType
      })
    )
    const uploadedAt = ctx.now.toISOString()
    await updateSubmission(ctx, c, (s) => ({
      ...s,
      consentAt: s.consentAt ?? uploadedAt,
      // a new photo for a slot replaces the old one
      media: { ...s.media, [spec.slot]: { mediaId, uploadedAt } }
    }))
    return { slot: spec.slot, uploadedAt }
  }
)

export const startFaceCheck = defineAction(submissionSchemas.startFace, async (ctx, input): Promise<FaceView> => {
  const { filing, c, platform, api } = await ownerContext(ctx, input.id)
  const { face, form } = await assemble(ctx, filing, c, api)
  const current = faceView(platform, face, 'owner', ctx.now)
  if (current.status === 'pending' || current.status === 'passed')
    throw new AppError(
      'CONFLICT',
      current.status === 'passed' ? '人脸核身已通过，无需重新发起' : '人脸核身正在进行，等它完成或过期后再重新发起'
    )
  const provinceCode = `${filing.profile.province}0000`
  const smsPhone = input.via === 'sms' && platform === 'douyin' ? form.appPrincipal.mobile : undefined
  if (input.via === 'sms' && platform === 'douyin' && !smsPhone)
    throw new AppError('INVALID', '先在信息自检里填写小程序负责人的手机号码', { via: ['没有负责人手机号码'] })
  const started = await onPlatform(platform, () =>
    startFaceTask(ctx.deps, api, c.appId, { provinceCode, ...(smsPhone ? { smsPhone } : {}) }, filing._id)
  )
  return faceView(platform, started, 'owner', ctx.now)
})

/** The owner and the invited principals: the task's status, looked up on the platform now (pushes move it too). */
export const faceCheckStatus = defineAction(submissionSchemas.faceStatus, async (ctx, input): Promise<FaceView> => {
  const { record, access } = await loadVisibleFiling(ctx, input.id)
  const { c, platform, api } = await bindingContext(ctx, record)
  const face = await faceTaskFor(ctx, api, c.appId, 0)
  return faceView(platform, face, access === 'owner' ? 'owner' : access, ctx.now)
})

export const submitFiling = defineAction(submissionSchemas.submit, async (ctx, input): Promise<SubmitOutcome> => {
  const { filing, c, platform, api } = await ownerContext(ctx, input.id)
  const a = await assemble(ctx, filing, c, api)
  if (!a.readiness.ready || !a.mapResult.ok)
    throw new AppError('INVALID', `还不能提交：${a.readiness.blockers[0]?.message ?? '请先完成检查'}`)
  const mode = filing.profile.filingType === 'change' ? 'change' : 'new'
  const payload = a.mapResult.payload
  const result = await onPlatform(platform, () => api.submit(c.appId, payload, mode))
  if (!result.ok) {
    const findings = findingsFromHints(
      platform,
      result.hints.map((h) => ({ errField: h.errField, errMsg: h.errMsg }))
    )
    await updateSubmission(ctx, c, (s) => ({ ...s, platformFindings: findings }))
    const said = result.message ? `：${result.message}` : ''
    return { submitted: false, message: `${PLATFORM_NAME[platform]}退回了申请（${result.errcode}）${said}`, findings }
  }
  const at = ctx.now.toISOString()
  await updateSubmission(ctx, c, (s) => ({ ...s, platformFindings: [], submittedAt: at }))
  const stage = await moveStage(ctx, filing, c, { type: 'submit' })
  return { submitted: true, stage }
})

export const withdrawFiling = defineAction(
  submissionSchemas.withdraw,
  async (ctx, input): Promise<{ withdrawn: true }> => {
    const { filing, c, platform, api } = await ownerContext(ctx, input.id)
    if (filing.progress.stage !== 'platform_review')
      throw new AppError('STAGE_RULE', '只有平台初审期间可以撤回；现在已不能撤回')
    const result = await onPlatform(platform, () => api.withdraw(c.appId))
    if (!result.ok) throw new AppError('STAGE_RULE', result.message, undefined, result.reason)
    await updateSubmission(ctx, c, (s) => ({ ...s, withdrawnAt: ctx.now.toISOString() }))
    // the stage machine's way back from 平台初审: sent back, with the reason that it was withdrawn
    await moveStage(ctx, filing, c, { type: 'platform_reject', reasons: ['已撤回备案申请（可修改后重新提交）'] })
    return { withdrawn: true }
  }
)

export const cancelFiling = defineAction(submissionSchemas.cancel, async (ctx, input): Promise<{ requested: true }> => {
  const { filing, c, platform, api } = await ownerContext(ctx, input.id)
  if (filing.profile.filingType !== 'cancel')
    throw new AppError('INVALID', '这份备案不是注销备案；要注销，请新建一份“注销备案”')
  const filingNumber = filing.progress.filingNumber ?? ''
  await onPlatform(platform, () => api.cancelFiling(c.appId, input.kind, filingNumber))
  await updateSubmission(ctx, c, (s) => ({ ...s, cancelRequested: { kind: input.kind, at: ctx.now.toISOString() } }))
  await moveStage(ctx, filing, c, { type: 'submit' })
  return { requested: true }
})

/** The facts the platform needs beyond the form (certificate start dates, the legal representative). */
export const saveSubmissionExtras = defineAction(
  submissionSchemas.saveExtras,
  async (ctx, input): Promise<SubmissionView> => {
    const { filing, c, api } = await ownerContext(ctx, input.id)
    const given = input.extras
    await updateSubmission(ctx, c, (s) => {
      const extras = { ...s.extras }
      for (const field of ['ownerPrincipalIdValidFrom', 'appPrincipalIdValidFrom'] as const) {
        const v = given[field]
        if (v !== undefined) extras[field] = v
      }
      for (const field of ['legalPersonName', 'legalPersonIdNumber'] as const) {
        const v = given[field]?.trim()
        if (v !== undefined) extras[field] = sealExtra(ctx.deps.keys, filing._id, field, v)
      }
      return { ...s, extras }
    })
    const fresh = await activeBinding(ctx, filing)
    return submissionView(ctx.deps.keys, filing, fresh, await assemble(ctx, filing, fresh, api), api, ctx.now)
  }
)

export const SUBMISSION_ACTIONS = {
  prepare: prepareSubmission,
  uploadMedia: uploadSubmissionMedia,
  startFace: startFaceCheck,
  faceStatus: faceCheckStatus,
  submit: submitFiling,
  withdraw: withdrawFiling,
  cancel: cancelFiling,
  saveExtras: saveSubmissionExtras
}
