/**
 * The principal's face check (人脸核身 / 人证核验) as the owner and the invited principal see it: who must do what,
 * where, and by when. WeChat sends the mini-program administrator a WeChat notification (valid 24 h); Douyin gives a
 * link to open in the Douyin app (a QR code), or sends it by SMS (link valid 2 h). Both screens show the same words,
 * addressed to whoever reads them.
 */
import { formatShanghai, parseInstant } from '../time'
import type { RecipientRole } from '../types'
import type { SubmissionPlatform } from './code-tables'

/** A face task as the platform clients report it (structurally the cloud port's FaceTask). */
export interface FaceTaskState {
  taskId: string
  status: 'pending' | 'passed' | 'failed' | 'expired'
  /** ISO instant after which the notification / link no longer works. */
  expiresAt?: string
  /** Douyin: the recognition link, to show as a QR code. */
  url?: string
  /** Douyin: the link went out by SMS to this (masked) number. */
  smsTo?: string
  /** How the principal was reached (the cloud port's FaceTask.channel). */
  channel?: 'wechat_notice' | 'douyin_link' | 'douyin_sms'
}

export type FaceTaskStatus = 'none' | 'pending' | 'passed' | 'failed' | 'expired'

export interface FaceTaskView {
  status: FaceTaskStatus
  expiresAt?: string
  /** Who does the check, in Chinese (小程序负责人 …). */
  who: string
  /** What to do, where and by when, addressed to the reader. */
  instruction: string
  /** The owner may start a new task (none yet, failed, or expired). */
  canRestart: boolean
}

const WHO = '小程序负责人'

/** The task's status at `now`: a pending task past its deadline is expired even before the platform says so. */
export function faceTaskStatusAt(task: FaceTaskState | undefined, now?: string): FaceTaskStatus {
  if (!task) return 'none'
  if (task.status === 'pending' && now && task.expiresAt && parseInstant(now) >= parseInstant(task.expiresAt)) {
    return 'expired'
  }
  return task.status
}

function deadlineText(expiresAt: string | undefined): string {
  return expiresAt ? `，请在${formatShanghai(expiresAt, 'M月D日 HH:mm')}前完成` : ''
}

function pendingInstruction(platform: SubmissionPlatform, task: FaceTaskState, self: boolean): string {
  const you = self ? '你' : WHO
  const by = deadlineText(task.expiresAt)
  if (platform === 'wechat') {
    return (
      `微信已向小程序管理员的微信发送人脸核身通知${by}。` +
      `${self ? '请' : `请${WHO}`}打开该通知，按提示录制人脸视频：纯白或浅色背景，不戴帽子、耳机和口罩。` +
      `${you}须是该小程序的管理员；没有收到通知的，检查微信“服务通知”。`
    )
  }
  const bySms = task.channel === 'douyin_sms' || (!!task.smsTo && task.channel !== 'douyin_link')
  const how = bySms
    ? `抖音已向${task.smsTo ?? `${self ? '你' : WHO}的手机`}发送人证核验短信，请${self ? '' : WHO}点开短信中的链接`
    : `请${self ? '' : WHO}用抖音App扫描页面上的二维码`
  return `${how}，按提示完成人脸识别和身份证核验${by}。链接2小时内有效，过期后请主办方重新发起。`
}

/** The face check as `role` sees it. `now` (ISO instant) lets a pending task past its deadline show as expired. */
export function faceTaskInstruction(
  platform: SubmissionPlatform,
  task: FaceTaskState | undefined,
  role: RecipientRole,
  now?: string
): FaceTaskView {
  const status = faceTaskStatusAt(task, now)
  const self = role === 'app_principal'
  const owner = role === 'owner'
  const base = { status, who: WHO, canRestart: status === 'none' || status === 'failed' || status === 'expired' }
  const expiresAt = task?.expiresAt ? { expiresAt: task.expiresAt } : {}
  const platformName = platform === 'wechat' ? '微信' : '抖音'
  switch (status) {
    case 'none':
      return {
        ...base,
        instruction: owner
          ? `照片上传完成后，发起${WHO}的人脸核身：${platformName}会通知${WHO}本人完成。`
          : `主办方还没有发起人脸核身；发起后，这里会告诉你怎么做。`
      }
    case 'pending':
      return { ...base, ...expiresAt, instruction: pendingInstruction(platform, task!, self) }
    case 'passed':
      return { ...base, ...expiresAt, instruction: `${WHO}已完成人脸核身，可以提交备案。` }
    case 'failed':
      return {
        ...base,
        instruction: owner
          ? `人脸核身未通过。请${WHO}在白色背景、光线充足处重试；如通知已失效，重新发起。`
          : `人脸核身未通过：请在白色背景、光线充足处重试，或请主办方重新发起。`
      }
    case 'expired':
      return {
        ...base,
        ...expiresAt,
        instruction: owner
          ? `人脸核身已过期，${WHO}没有在有效期内完成。请重新发起，并提醒${WHO}及时完成。`
          : `人脸核身已过期。请联系主办方重新发起，收到通知后尽快完成。`
      }
  }
}
