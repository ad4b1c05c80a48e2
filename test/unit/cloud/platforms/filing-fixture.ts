/** Set-up of the filing-API tests: a connected mini-program on each fake, its filing API, and valid bodies. */
import { DouyinFilingApi } from '../../../../src/cloud/platforms/douyin/icp-filing'
import type { MediaUpload } from '../../../../src/cloud/platforms/filing-api'
import { openWechatPush } from '../../../../src/cloud/platforms/wechat/push'
import { WechatFilingApi } from '../../../../src/cloud/platforms/wechat/icp-filing'
import { makeConnectorEnv, WX_SECRETS, type ConnectorEnv } from './fixture'

export const WX_APP = 'wxmerchant000001'
export const DY_APP = 'ttmerchant000001'
export const SUBJECT = '天津云帆数字科技有限公司'

export async function wechatFilingEnv(): Promise<ConnectorEnv & { api: WechatFilingApi }> {
  const env = makeConnectorEnv()
  const push = env.fake.wechatTicketPush()
  const fields = await openWechatPush(env.deps, WX_SECRETS, push.query, push.body)
  await env.wechat.saveVerifyTicket(fields.ComponentVerifyTicket)
  const { preAuthCode } = await env.wechat.preAuthCode()
  const consent = env.fake.wechatConsent(preAuthCode, WX_APP, [156])
  if ('error' in consent) throw new Error(consent.error)
  await env.wechat.exchangeAuthCode(consent.authCode)
  env.fake.setSubjectName('wechat', WX_APP, SUBJECT)
  return { ...env, api: new WechatFilingApi(env.wechat, env.clock) }
}

/** Jumps the clock; tickets come every 10 minutes in life, so a fresh one is handed over after the jump. */
export async function advance(env: ConnectorEnv, ms: number): Promise<void> {
  env.clock.advance(ms)
  env.fake.wechatTicketPush()
  await env.wechat.saveVerifyTicket(env.fake.latestWechatTicket())
  env.fake.douyinTicketPush()
  await env.douyin.saveTicket(env.fake.latestDouyinTicket())
}

export async function douyinFilingEnv(): Promise<ConnectorEnv & { api: DouyinFilingApi }> {
  const env = makeConnectorEnv()
  env.fake.douyinTicketPush()
  await env.douyin.saveTicket(env.fake.latestDouyinTicket())
  await env.douyin.exchangeAuthCode(env.fake.douyinConsent(DY_APP).authCode)
  env.fake.setSubjectName('douyin', DY_APP, SUBJECT)
  return { ...env, api: new DouyinFilingApi(env.douyin, env.clock) }
}

/** A small "photo": the bytes only need to be non-empty and distinct per slot. */
export function photo(slot: string, platformType: string, certificateType?: string): MediaUpload {
  return {
    slot,
    platformType,
    ...(certificateType ? { certificateType } : {}),
    bytes: new TextEncoder().encode(`jpeg-bytes-of-${slot}`),
    fileName: `${slot}.jpg`,
    mimeType: 'image/jpeg'
  }
}

export const WX_PHOTOS = {
  licence: photo('owner_certificate', 'icp_subject.organize_info.certificate_photo', '1'),
  ownerFront: photo('owner_principal_id_front', 'icp_subject.principal_info.certificate_photo_front', '2'),
  ownerBack: photo('owner_principal_id_back', 'icp_subject.principal_info.certificate_photo_back', '2'),
  appFront: photo('app_principal_id_front', 'icp_applets.principal_info.certificate_photo_front', '2'),
  appBack: photo('app_principal_id_back', 'icp_applets.principal_info.certificate_photo_back', '2')
}

const person = (name: string, mobile: string, front: string, back: string) => ({
  name,
  mobile,
  email: 'someone@example.com',
  emergency_contact: '13812340003',
  certificate_type: 2,
  certificate_number: '120101198503127034',
  certificate_validity_date_start: '20150312',
  certificate_validity_date_end: '20350312',
  certificate_photo_front: front,
  certificate_photo_back: back
})

export function wechatPayload(m: Record<keyof typeof WX_PHOTOS, string>, taskId: string) {
  return {
    icp_subject: {
      base_info: {
        type: 4,
        name: SUBJECT,
        province: '120000',
        city: '120100',
        district: '120116',
        address: '海川路88号云帆大厦3层'
      },
      organize_info: {
        certificate_type: 1,
        certificate_number: '91120116MA05K8QR23',
        certificate_address: '天津市滨海新区海川路88号云帆大厦3层',
        certificate_photo: m.licence
      },
      principal_info: person('李明远', '13612340001', m.ownerFront, m.ownerBack)
    },
    icp_applets: {
      base_info: {
        service_content_types: [201, 101],
        nrlx_details: [{ type: 24 }],
        comment: '为园区入驻企业提供会议室在线预订服务：查看空闲时段、预约与取消、到场签到。'
      },
      principal_info: { ...person('王若溪', '13712340002', m.appFront, m.appBack), verify_task_id: taskId }
    },
    icp_materials: {}
  }
}

export async function uploadWechatPhotos(env: { api: WechatFilingApi }) {
  const ids = {} as Record<keyof typeof WX_PHOTOS, string>
  for (const [k, p] of Object.entries(WX_PHOTOS)) {
    ids[k as keyof typeof WX_PHOTOS] = (await env.api.uploadMedia(WX_APP, p)).mediaId
  }
  return ids
}

export const DY_PHOTOS = {
  licence: photo('owner_certificate', '1'),
  front: photo('owner_principal_id_front', '2'),
  back: photo('owner_principal_id_back', '2')
}

export function douyinPayload(m: Record<keyof typeof DY_PHOTOS, string>, token: string) {
  return {
    corp_info: {
      corp_type: 4,
      credentials_type: 1,
      credentials_name: SUBJECT,
      credentials_number: '91120116MA05K8QR23',
      credentials_pic: { path: m.licence },
      credentials_address: '天津市滨海新区海川路88号云帆大厦3层',
      province_code: '120000',
      province_name: '天津市',
      city_code: '120100',
      city_name: '市辖区',
      region_code: '120116',
      region_name: '滨海新区',
      communication_address: '海川路88号云帆大厦3层',
      incharge_people_name: '李明远',
      incharge_people_credentials_type: 2,
      incharge_people_credentials_number: '120101198503127034',
      incharge_people_credentials_front: { path: m.front },
      incharge_people_credentials_back: { path: m.back },
      incharge_people_credentials_has_end_time: true,
      incharge_people_credentials_valid_start_time: 1426089600,
      incharge_people_credentials_valid_end_time: 2057241600,
      incharge_people_phone: '13612340001',
      remark: ''
    },
    app_info: {
      app_language: [1],
      service_content_type_list: [201, 101],
      involve_pre_approval: false,
      facial_recognition_token: token,
      incharge_people_phone: '13712340002',
      remark: '为园区入驻企业提供会议室在线预订服务：查看空闲时段、预约与取消、到场签到。'
    }
  }
}

export async function uploadDouyinPhotos(env: { api: DouyinFilingApi }) {
  const ids = {} as Record<keyof typeof DY_PHOTOS, string>
  for (const [k, p] of Object.entries(DY_PHOTOS)) {
    ids[k as keyof typeof DY_PHOTOS] = (await env.api.uploadMedia(DY_APP, p)).mediaId
  }
  return ids
}
