/**
 * 提交备案 through the platform's own API (function `submission`, issue 17): prepare (code tables, mapping,
 * readiness), photo upload (bytes pass straight through), face check, submit, withdraw and 注销. Owner-only, except
 * faceStatus, which the invited principal needs to see what to do on their phone.
 */
import { defineAction } from '../../context'
import { AppError } from '../../envelope'
import { submissionSchemas } from '../../schemas'
import { loadFilingForWrite, loadVisibleFiling } from '../access'
import type { FaceView, SubmissionView, SubmitOutcome } from './views'

const notYet = () => new AppError('UNAVAILABLE', '在线提交备案尚未开通，请稍后再试')

export const prepareSubmission = defineAction(
  submissionSchemas.prepare,
  async (ctx, input): Promise<SubmissionView> => {
    await loadFilingForWrite(ctx, input.id)
    throw notYet()
  }
)

export const uploadSubmissionMedia = defineAction(
  submissionSchemas.uploadMedia,
  async (ctx, input): Promise<{ slot: string; uploadedAt: string }> => {
    await loadFilingForWrite(ctx, input.id)
    throw notYet()
  }
)

export const startFaceCheck = defineAction(submissionSchemas.startFace, async (ctx, input): Promise<FaceView> => {
  await loadFilingForWrite(ctx, input.id)
  throw notYet()
})

export const faceCheckStatus = defineAction(submissionSchemas.faceStatus, async (ctx, input): Promise<FaceView> => {
  await loadVisibleFiling(ctx, input.id)
  throw notYet()
})

export const submitFiling = defineAction(submissionSchemas.submit, async (ctx, input): Promise<SubmitOutcome> => {
  await loadFilingForWrite(ctx, input.id)
  throw notYet()
})

export const withdrawFiling = defineAction(
  submissionSchemas.withdraw,
  async (ctx, input): Promise<{ withdrawn: true }> => {
    await loadFilingForWrite(ctx, input.id)
    throw notYet()
  }
)

export const cancelFiling = defineAction(submissionSchemas.cancel, async (ctx, input): Promise<{ requested: true }> => {
  await loadFilingForWrite(ctx, input.id)
  throw notYet()
})

export const SUBMISSION_ACTIONS = {
  prepare: prepareSubmission,
  uploadMedia: uploadSubmissionMedia,
  startFace: startFaceCheck,
  faceStatus: faceCheckStatus,
  submit: submitFiling,
  withdraw: withdrawFiling,
  cancel: cancelFiling
}
