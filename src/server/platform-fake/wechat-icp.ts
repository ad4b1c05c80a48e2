/**
 * The WeChat fake's ICP APIs for an authorised mini-program (wechat-icp-api.md §5–§12, checklist §16): code tables
 * from the fixtures, upload_icp_media, the face task (0 → 1 → 3 / 2, notification 24 h, task id 3 days),
 * apply_icp_filing validated by validateWechatApplication (86202 + hints), the entrance status, withdrawal only in
 * status 2, 注销 only when filed, and the filed order with its numbers.
 */
import type { PlatformResponse, PlatformUpload } from '../../cloud/platforms/shared/http'
import { REGION_BY_CODE } from '../../domain/rules/regions'
import {
  wechatCertificateTypeItems,
  wechatDistrictItems,
  wechatNrlxItems,
  wechatServiceContentItems,
  wechatSubjectTypeItems,
  fakeCodeTables
} from './code-fixtures'
import { tok, wxAnswer, wxOk, type FakeMediaStore, type Json, type WxApp, type WxFaceTask } from './fake-state'
import type { FakeFaceCheck } from './validate-shared'
import { validateWechatApplication } from './validate-wechat'

export const WX_FACE_NOTICE_MS = 24 * 3_600_000
export const WX_FACE_TASK_MS = 3 * 24 * 3_600_000
/** Apply refused because of the state (status not 1024-family / 3 / 5): the real code is UNCONFIRMED, ours. */
export const WX_APPLY_NOT_ALLOWED = 86360
const PERSONAL_FIELD = /principal_info\.certificate_photo_(front|back)$/

const CODE_TABLES: Record<string, () => unknown[]> = {
  query_icp_district_code: wechatDistrictItems,
  query_icp_subject_types: wechatSubjectTypeItems,
  query_icp_certificate_types: wechatCertificateTypeItems,
  query_icp_service_content_types: wechatServiceContentItems,
  query_icp_nrlx_types: wechatNrlxItems
}

/**
 * The province abbreviation a filed number starts with: the accepted application's province, so a filing of any
 * province syncs to 已备案 (the sync refuses another province's number); 粤 when nothing was applied for.
 */
export function wechatNumberAbbr(app: WxApp): string {
  const base = (app.lastApplication?.icp_subject as Json | undefined)?.base_info as Json | undefined
  return REGION_BY_CODE[String(base?.province ?? '').slice(0, 2)]?.abbr ?? '粤'
}

export class WechatIcpFake {
  readonly faceTasks = new Map<string, WxFaceTask>()

  constructor(
    private readonly media: FakeMediaStore,
    private readonly now: () => number
  ) {}

  /** The face task as apply sees it (absent: not this app's). */
  faceCheck(appId: string, taskId: string): FakeFaceCheck | undefined {
    const t = this.faceTasks.get(taskId)
    if (!t || t.appId !== appId) return undefined
    return { passed: t.faceStatus === 3, expired: this.isGone(t) }
  }

  private isGone(t: WxFaceTask): boolean {
    const age = this.now() - t.createdAt
    return t.expired || age > WX_FACE_TASK_MS || (t.faceStatus !== 3 && age > WX_FACE_NOTICE_MS)
  }

  api(app: WxApp, api: string, body: Json): PlatformResponse {
    const table = CODE_TABLES[api]
    if (table) return wxOk({ items: table() })
    switch (api) {
      case 'get_icp_entrance_info':
        return wxOk({
          info: {
            status: app.status,
            is_canceling: !!app.canceling,
            available: app.status >= 1024 || app.status === 3 || app.status === 5 ? 1 : 0,
            ...(app.status === 4 && app.sms !== undefined ? { sms_verify_status: app.sms } : {}),
            ...(app.audit.length ? { audit_data: app.audit } : {})
          }
        })
      case 'create_icp_verifytask': {
        const taskId = tok('R5Pq')
        this.faceTasks.set(taskId, { taskId, appId: app.appId, faceStatus: 1, createdAt: this.now(), expired: false })
        return wxOk({ task_id: taskId })
      }
      case 'query_icp_verifytask': {
        const t = this.faceTasks.get(String(body.task_id ?? ''))
        if (!t || t.appId !== app.appId || this.isGone(t)) return wxAnswer(1, 'code过期或不存在')
        return wxOk({ is_finish: t.faceStatus === 2 || t.faceStatus === 3, face_status: t.faceStatus })
      }
      case 'apply_icp_filing':
        return this.apply(app, body)
      case 'cancel_apply_icp_filing':
        if (app.status === 2) {
          app.status = 1024 // status after a withdrawal: UNCONFIRMED (wechat §10), read as not filed
          return wxOk({})
        }
        return app.status === 4
          ? wxAnswer(86330, '备案审核订单未处于可以撤回的状态')
          : wxAnswer(86368, '不存在可撤回的审核订单')
      case 'cancel_icp_filing': {
        if (app.canceling) return wxAnswer(86324, '当前正在审核中,请勿重复提交')
        if (app.status !== 6) return wxAnswer(86353, '小程序未备案,不支持注销')
        const cancelType = Number(body.cancel_type)
        if (![1, 2, 3].includes(cancelType)) return wxAnswer(40097, 'invalid args')
        app.canceling = { cancelType }
        return wxOk({})
      }
      case 'get_online_icp_order':
        if (app.status !== 6) return wxAnswer(-1, 'system error')
        return wxOk({
          icp_subject: { base_info: { type: 4, name: '**科技有限公司', record_number: app.subjectNumber } },
          icp_applets: { base_info: { appid: app.appId, name: '示例小程序', record_number: app.appletNumber } }
        })
      default:
        return wxAnswer(-1, 'system error')
    }
  }

  private apply(app: WxApp, body: Json): PlatformResponse {
    if (!(app.status >= 1024 || app.status === 3 || app.status === 5) || app.canceling) {
      return wxAnswer(WX_APPLY_NOT_ALLOWED, '当前备案状态不允许提交')
    }
    const result = validateWechatApplication(body, {
      tables: fakeCodeTables('wechat'),
      ...(app.subjectName !== undefined ? { accountSubjectName: app.subjectName } : {}),
      mediaExists: (id) => this.media.belongs(app.appId, id),
      faceCheck: (id) => this.faceCheck(app.appId, id)
    })
    if (!result.ok) {
      const hints = result.hints.map((h) => ({ errcode: h.code, errmsg: h.message, err_field: h.field }))
      return wxAnswer(86202, 'apply icp filing fail', { hints })
    }
    Object.assign(app, { status: 2, sms: undefined, audit: [], lastApplication: body })
    return wxOk({})
  }

  /** upload_icp_media: `type` image/video (40004), `icp_order_field` (40097), certificate_type fitting the field (86201). */
  upload(app: WxApp, req: PlatformUpload): PlatformResponse {
    const type = req.fields.type
    const field = req.fields.icp_order_field ?? ''
    if (req.file.field !== 'media' || !req.file.bytes.length) return wxAnswer(40097, 'invalid args')
    if (type !== 'image' && type !== 'video') return wxAnswer(40004, 'invalid media type')
    if (!field.startsWith('icp_')) return wxAnswer(40097, 'invalid args')
    const cert = req.fields.certificate_type
    const personal = fakeCodeTables('wechat').certificateTypes.find((c) => c.code === cert)?.parentCode === '5'
    if (PERSONAL_FIELD.test(field) && !personal) return wxAnswer(86201, 'upload icp media fail')
    if (field.endsWith('organize_info.certificate_photo') && (!cert || personal)) {
      return wxAnswer(86201, 'upload icp media fail')
    }
    const media = this.media.put(app.appId, field, req.file.bytes, () => tok('wxmedia'))
    return wxOk({ type, media_id: media.id, created_at: Math.floor(this.now() / 1000) })
  }

  /** Control: the administrator finished (3) or failed (2) the face check; the push to send. */
  finishFace(taskId: string, passed: boolean): WxFaceTask | undefined {
    const t = this.faceTasks.get(taskId)
    if (t && !this.isGone(t)) t.faceStatus = passed ? 3 : 2
    return t
  }

  /** Control: the principal's 注销 SMS was answered (→ not filed) or ignored (→ still filed). */
  finishCancel(app: WxApp, confirmed: boolean): void {
    if (!app.canceling) return
    if (confirmed) Object.assign(app, { status: 1024, subjectNumber: undefined, appletNumber: undefined })
    app.canceling = undefined
  }
}
