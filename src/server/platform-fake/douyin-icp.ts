/**
 * The Douyin fake's ICP APIs for an authorised mini-program (douyin-icp-api.md §5–§8, checklist §9): option lists
 * from the fixtures, upload_image (image_type 1/2/3 → 6020, format → 6021, size cap → 6022), the 人证核验 link or
 * SMS (≤ 10 a day → 6025; link 2 h, passed result 72 h), submit / alter validated by validateDouyinRecord, the
 * status through the one UNCONFIRMED table, the history and the masked detail.
 */
import { DOUYIN_FACE_SMS_LIMITED } from '../../cloud/platforms/douyin/icp-filing'
import type { PlatformResponse, PlatformUpload } from '../../cloud/platforms/shared/http'
import { UNCONFIRMED, type DouyinSymbolicStatus } from '../../cloud/platforms/shared/unconfirmed'
import {
  douyinCorpTypeList,
  douyinInchargeCredentialTypes,
  douyinPreApprovalItems,
  douyinRegionList,
  douyinServiceContentTypes,
  fakeCodeTables
} from './code-fixtures'
import { chinaDay, dyAnswer, dyOk, tok, type DyApp, type DyFace, type FakeMediaStore, type Json } from './fake-state'
import type { FakeFaceCheck } from './validate-shared'
import { DOUYIN_FIELD_ERROR, validateDouyinRecord } from './validate-douyin'

export const DY_FACE_LINK_MS = 2 * 3_600_000
export const DY_FACE_RESULT_MS = 72 * 3_600_000
/** Upload cap of the fake (the real limit is UNCONFIRMED, douyin §6.1). */
export const DY_UPLOAD_MAX_BYTES = 5 * 1024 * 1024
const IMAGE_TYPES = ['image/jpeg', 'image/png', 'image/bmp', 'image/gif']
const OPEN_FOR_SUBMIT: DouyinSymbolicStatus[] = ['not_filed', 'platform_rejected', 'admin_rejected']

const OPTION_LISTS: Record<string, [string, () => unknown[]]> = {
  query_region_list: ['region_list', douyinRegionList],
  query_corp_type_list: ['corp_type_list', douyinCorpTypeList],
  query_incharge_people_credentials_type_list: ['credentials_type_list', douyinInchargeCredentialTypes],
  query_service_content_type_list: ['service_content_type_list', douyinServiceContentTypes],
  query_pre_approval_item_type_list: ['pre_approval_item_type_list', douyinPreApprovalItems]
}

export class DouyinIcpFake {
  constructor(
    private readonly media: FakeMediaStore,
    private readonly now: () => number,
    /** Moves the app's status (and opens a history record for a new review). */
    private readonly setStatus: (app: DyApp, status: DouyinSymbolicStatus, registrationType?: number) => void
  ) {}

  private faceState(f: DyFace): DyFace['state'] | 'expired' {
    if (f.expired) return 'expired'
    if (f.state === 'pending' && this.now() - f.createdAt > DY_FACE_LINK_MS) return 'expired'
    if (f.state === 'passed' && this.now() - (f.decidedAt ?? f.createdAt) > DY_FACE_RESULT_MS) return 'expired'
    return f.state
  }

  faceCheck(app: DyApp, token: string): FakeFaceCheck | undefined {
    const f = app.faces.get(token)
    if (!f) return undefined
    const state = this.faceState(f)
    return { passed: state === 'passed', expired: state === 'expired', provinceCode: f.provinceCode }
  }

  api(app: DyApp, api: string, q: Record<string, string>, body: Json): PlatformResponse {
    const list = OPTION_LISTS[api]
    if (list) return dyOk({ [list[0]]: list[1]() })
    switch (api) {
      case 'query_record_status': {
        const code = Object.entries(UNCONFIRMED.douyinRecordStatus.value).find(([, v]) => v === app.status)?.[0]
        return dyOk({ status: Number(code) })
      }
      case 'get_register_history': {
        const page = Number(q.page)
        const size = Number(q.page_size)
        if (!(page >= 1) || !(size >= 1 && size <= 20)) return dyAnswer(9998, '请求参数错误')
        const items = app.records.slice((page - 1) * size, page * size).map(({ number: _n, ...r }) => r)
        return dyOk({ page, page_size: size, total: app.records.length, register_history_list: items })
      }
      case 'get_register_detail': {
        const r = app.records.find((x) => String(x.record_id) === q.record_id)
        if (!r) return dyAnswer(9998, '请求参数错误')
        return dyOk({
          sensitive_info: {
            app_incharge_man: { name: '*四', id_number: '11**************2X', mobile_phone: '139****9000' }
          },
          registration_app_info_ext: { app_language_name: ['中文'] },
          registration_corp_info_ext: { corp_name: '**科技有限公司', ...(r.number ? { icp_number: r.number } : {}) }
        })
      }
      case 'get_facial_recognition_url':
      case 'send_facial_recognition_notify':
        return this.startFace(app, api, q, body)
      case 'query_facial_recognition_status': {
        const f = app.faces.get(q.facial_recognition_token ?? '')
        if (!f) return dyAnswer(9998, '请求参数错误')
        const state = this.faceState(f)
        const code = Object.entries(UNCONFIRMED.douyinFaceStatus.value).find(([, v]) => v === state)?.[0]
        return dyOk({ facial_recognition_status: Number(code) })
      }
      case 'submit_record_info':
      case 'alter_record_info':
        return this.submit(app, api === 'alter_record_info', body)
      default:
        return dyAnswer(9999, '系统错误')
    }
  }

  private startFace(app: DyApp, api: string, q: Record<string, string>, body: Json): PlatformResponse {
    const sms = api === 'send_facial_recognition_notify'
    const province = sms ? String(body.province_code ?? '') : q.province_code
    if (!province || (sms && !body.app_incharge_people_phone)) return dyAnswer(9998, '请求参数错误')
    if (sms) {
      // at most 10 SMS per mini-program per day
      const day = `face-sms:${chinaDay(this.now())}`
      const sent = (app.faceSmsByDay.get(day) ?? 0) + 1
      app.faceSmsByDay.set(day, sent)
      if (sent > 10) return dyAnswer(DOUYIN_FACE_SMS_LIMITED, '触发频控')
    }
    const token = tok('face')
    app.faces.set(token, { state: 'pending', provinceCode: province, createdAt: this.now() })
    return dyOk({
      facial_recognition_token: token,
      ...(sms ? {} : { facial_recognition_url: `https://fake.douyin.com/face?t=${token}` })
    })
  }

  private submit(app: DyApp, alter: boolean, body: Json): PlatformResponse {
    const allowed = alter ? app.status === 'filed' : OPEN_FOR_SUBMIT.includes(app.status)
    if (!allowed) return dyAnswer(DOUYIN_FIELD_ERROR, alter ? '小程序尚未备案，不能变更' : '当前备案状态不可提交')
    const result = validateDouyinRecord(body, {
      tables: fakeCodeTables('douyin'),
      ...(app.subjectName !== undefined ? { accountSubjectName: app.subjectName } : {}),
      mediaExists: (id) => this.media.belongs(app.appId, id),
      faceCheck: (token) => this.faceCheck(app, token)
    })
    if (!result.ok) {
      return dyAnswer(
        DOUYIN_FIELD_ERROR,
        `参数不合法: ${result.hints.map((h) => `${h.field} ${h.message}`).join('; ')}`
      )
    }
    app.lastApplication = body
    this.setStatus(app, 'platform_review', alter ? 2 : 1)
    return dyOk({})
  }

  upload(app: DyApp, req: PlatformUpload): PlatformResponse {
    const type = req.fields.image_type ?? ''
    if (req.file.field !== 'image' || !req.file.bytes.length) return dyAnswer(9998, '请求参数错误')
    if (!['1', '2', '3'].includes(type)) return dyAnswer(6020, '图片类型无效')
    if (!IMAGE_TYPES.includes(req.file.mimeType)) return dyAnswer(6021, '图片格式无效')
    if (req.file.bytes.length > DY_UPLOAD_MAX_BYTES) return dyAnswer(6022, '图片大小超过限制')
    const media = this.media.put(app.appId, type, req.file.bytes, () => `icp/${tok('img')}.jpg`)
    return dyOk({ path: media.id })
  }

  /** Control: the principal passed or failed the check (a token the fake never issued is created, as before). */
  finishFace(app: DyApp, token: string, result: 'passed' | 'failed' | 'expired'): void {
    const f = app.faces.get(token) ?? { state: 'pending' as const, createdAt: this.now() }
    if (result === 'expired') f.expired = true
    else Object.assign(f, { state: result, decidedAt: this.now() })
    app.faces.set(token, f)
  }
}
