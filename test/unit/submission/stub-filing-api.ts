/** An in-memory PlatformFilingApi for the actions' unit tests: records every call, answers as told. */
import type {
  CancelKind,
  FaceCheckTarget,
  FaceTask,
  MediaUpload,
  PlatformCodeTables,
  PlatformFilingApi,
  SubmitResult,
  WithdrawResult
} from '../../../src/cloud/platforms/filing-api'
import { FilingApiUnsupported } from '../../../src/cloud/platforms/filing-api'
import { fakeCodeTables } from '../../../src/server/platform-fake/code-fixtures'

export class StubFilingApi implements PlatformFilingApi {
  readonly capabilities: PlatformFilingApi['capabilities']
  uploads: { slot: string; platformType: string; size: number; mimeType: string }[] = []
  faceStarts: FaceCheckTarget[] = []
  faceTask: FaceTask | undefined
  submitted: { payload: object; mode?: string }[] = []
  submitAnswer: SubmitResult = { ok: true }
  withdrawAnswer: WithdrawResult = { ok: true }
  cancels: { kind: CancelKind; filingNumber: string }[] = []
  failNextUpload = false
  private next = 0

  constructor(readonly platform: 'wechat' | 'douyin') {
    this.capabilities = {
      withdraw: platform === 'wechat',
      cancel: platform === 'wechat',
      faceSms: platform === 'douyin'
    }
  }

  async codeTables(): Promise<PlatformCodeTables> {
    return fakeCodeTables(this.platform)
  }

  async uploadMedia(_appId: string, media: MediaUpload) {
    if (this.failNextUpload) {
      this.failNextUpload = false
      throw new Error('socket hang up')
    }
    this.uploads.push({
      slot: media.slot,
      platformType: media.platformType,
      size: media.bytes.length,
      mimeType: media.mimeType
    })
    return { mediaId: `media-${++this.next}` }
  }

  async startFaceCheck(_appId: string, who: FaceCheckTarget): Promise<FaceTask> {
    this.faceStarts.push(who)
    this.faceTask = {
      taskId: `task-${++this.next}`,
      status: 'pending',
      expiresAt: '2025-03-04T01:00:00.000Z',
      channel: this.platform === 'wechat' ? 'wechat_notice' : who.smsPhone ? 'douyin_sms' : 'douyin_link',
      ...(this.platform === 'douyin' && !who.smsPhone ? { url: 'https://douyin.example/face?t=1' } : {})
    }
    return this.faceTask
  }

  async faceCheckStatus(): Promise<FaceTask> {
    if (!this.faceTask) throw new Error('no task')
    return this.faceTask
  }

  async submit(_appId: string, payload: object, mode?: 'new' | 'change'): Promise<SubmitResult> {
    this.submitted.push({ payload, mode })
    return this.submitAnswer
  }

  async withdraw(): Promise<WithdrawResult> {
    return this.withdrawAnswer
  }

  async cancelFiling(_appId: string, kind: CancelKind, filingNumber: string) {
    if (!this.capabilities.cancel) throw new FilingApiUnsupported(this.platform, 'cancel')
    this.cancels.push({ kind, filingNumber })
  }
}
