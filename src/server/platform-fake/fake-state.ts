/**
 * The state the fakes keep per mini-program, and the answer shapes of both platforms (WeChat `errcode/errmsg` with a
 * ` rid: …` suffix, Douyin's `{err_no, err_msg, log_id, data}` envelope, both on HTTP 200).
 */
import { createHash, randomBytes } from 'crypto'
import type { PlatformResponse } from '../../cloud/platforms/shared/http'
import type { DouyinSymbolicStatus } from '../../cloud/platforms/shared/unconfirmed'
import { shanghaiDate } from '../../domain/time'

export type Json = Record<string, unknown>

export interface WxFaceTask {
  taskId: string
  appId: string
  /** §7.2 face_status: 0 未开始, 1 等待中, 2 失败, 3 成功. */
  faceStatus: 0 | 1 | 2 | 3
  createdAt: number
  /** Set by the control page / tests: the task is gone (errcode 1). */
  expired: boolean
}

export interface WxApp {
  appId: string
  granted: boolean
  sets: number[]
  refreshToken: string
  status: number
  sms?: number
  audit: { key_name: string; error: string; suggest: string }[]
  subjectNumber?: string
  appletNumber?: string
  dayCalls: Map<string, number>
  /** The account's subject name (主体名称), when the test or the consent page gave one: apply must match it. */
  subjectName?: string
  /** A 注销 waiting for the principal's SMS (§12). */
  canceling?: { cancelType: number }
  /** The last accepted application, as sent. */
  lastApplication?: Json
}

export interface DyFace {
  state: 'pending' | 'passed' | 'failed'
  provinceCode?: string
  createdAt: number
  decidedAt?: number
  expired?: boolean
}

export interface DyRecord {
  record_id: number
  registration_state: number
  registration_type: number
  launch_time: number
  number?: string
}

export interface DyApp {
  appId: string
  faceSmsByDay: Map<string, number>
  granted: boolean
  permissions: number[]
  refreshToken: string
  status: DouyinSymbolicStatus
  records: DyRecord[]
  faces: Map<string, DyFace>
  subjectName?: string
  lastApplication?: Json
}

/** One uploaded photo: which app, which field / image type, and a hash of its bytes (the bytes are not kept). */
export interface FakeMedia {
  id: string
  appId: string
  kind: string
  sha256: string
  size: number
}

/** How the next upload of an app fails: refused by the platform, dropped before it arrives, or answered into the void. */
export type UploadFailure = 'refuse' | 'drop' | 'lost_answer'

/** Uploads of both platforms; an identical upload (same app, kind and bytes) returns the first one's id. */
export class FakeMediaStore {
  readonly items = new Map<string, FakeMedia>()
  readonly failNext = new Map<string, UploadFailure>()

  put(appId: string, kind: string, bytes: Uint8Array, newId: () => string): FakeMedia {
    const sha256 = createHash('sha256').update(bytes).digest('hex')
    const same = [...this.items.values()].find((m) => m.appId === appId && m.kind === kind && m.sha256 === sha256)
    if (same) return same
    const media = { id: newId(), appId, kind, sha256, size: bytes.length }
    this.items.set(media.id, media)
    return media
  }

  belongs(appId: string, id: string): boolean {
    return this.items.get(id)?.appId === appId
  }

  countOf(appId: string): number {
    return [...this.items.values()].filter((m) => m.appId === appId).length
  }
}

export const chinaDay = (ms: number) => shanghaiDate(ms)

export const tok = (prefix: string) => `${prefix}${randomBytes(12).toString('hex')}`

export function wxAnswer(errcode: number, errmsg: string, extra: Json = {}): PlatformResponse {
  return { status: 200, body: { errcode, errmsg: `${errmsg} rid: ${randomBytes(4).toString('hex')}`, ...extra } }
}

export const wxOk = (data: Json): PlatformResponse => ({ status: 200, body: { errcode: 0, errmsg: 'ok', ...data } })

let logSeq = 0
const logId = () => `${Date.now()}${logSeq++}`

export const dyAnswer = (err_no: number, err_msg: string): PlatformResponse => ({
  status: 200,
  body: { err_no, err_msg, log_id: logId(), data: {} }
})

export const dyOk = (data: Json): PlatformResponse => ({
  status: 200,
  body: { err_no: 0, err_msg: '', log_id: logId(), data }
})
