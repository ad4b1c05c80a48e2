/**
 * The bodies of WeChat `apply_icp_filing` and Douyin `submit_record_info` / `alter_record_info`, field for field as
 * the references give them (shared/platform/wechat-icp-api.md §8, douyin-icp-api.md §7), and what the mappers take.
 */
import type { FilingForm, FilingProfile, Finding } from '../types'
import type { MediaSlot } from './media-slots'

/**
 * Facts the platforms ask for that the filing form does not hold (yet): the submit page asks for them when the
 * mapper reports them missing.
 */
export interface SubmissionExtras {
  /** 'YYYY-MM-DD' start of the principal's certificate validity; derived from an ID card's rules when absent. */
  ownerPrincipalIdValidFrom?: string
  appPrincipalIdValidFrom?: string
  /** 法定代表人, when the owner principal is not the legal representative (WeChat legal_person_info). */
  legalPerson?: { name?: string; idNumber?: string }
}

export interface SubmissionInput {
  form: FilingForm
  profile: FilingProfile
  /** Media id (WeChat) or path (Douyin) returned by the platform's upload, per slot. */
  media: Partial<Record<MediaSlot, string>>
  /** WeChat face task_id / Douyin facial_recognition_token, once started. */
  faceTaskId?: string
  extras?: SubmissionExtras
  /** 'YYYY-MM-DD' in Shanghai, for derived dates (default: today). */
  today?: string
}

export type MapResult<T> = { ok: true; payload: T } | { ok: false; findings: Finding[] }

// ---- WeChat apply_icp_filing ----

export interface WechatPrincipalInfo {
  name: string
  mobile: string
  email: string
  emergency_contact: string
  certificate_type: number
  certificate_number: string
  /** YYYYmmdd */
  certificate_validity_date_start: string
  /** YYYYmmdd or 长期 */
  certificate_validity_date_end: string
  certificate_photo_front: string
  certificate_photo_back: string
  authorization_letter?: string
  /** Only the mini-program principal: the face task id. */
  verify_task_id?: string
}

export interface WechatNrlxDetail {
  type: number
  code?: string
  media?: string
}

export interface WechatApplyPayload {
  icp_subject: {
    base_info: {
      type: number
      name: string
      province: string
      city: string
      district: string
      address: string
      comment?: string
    }
    personal_info?: { residence_permit?: string }
    organize_info: {
      certificate_type: number
      certificate_number: string
      certificate_address: string
      certificate_photo?: string
    }
    principal_info: WechatPrincipalInfo
    legal_person_info?: { name: string; certificate_number: string }
  }
  icp_applets: {
    base_info: {
      service_content_types: number[]
      nrlx_details: WechatNrlxDetail[]
      comment: string
    }
    principal_info: WechatPrincipalInfo
  }
  icp_materials: {
    commitment_letter?: string[]
    subject_other_materials?: string[]
    applets_other_materials?: string[]
  }
}

// ---- Douyin submit_record_info ----

export interface DouyinMaterial {
  path: string
}

export interface DouyinCorpInfo {
  corp_type: number
  credentials_type: number
  /** The name on the certificate: 主办单位名称. */
  credentials_name: string
  credentials_number: string
  credentials_pic: DouyinMaterial
  credentials_address: string
  province_code: string
  province_name: string
  city_code: string
  city_name: string
  region_code: string
  region_name: string
  communication_address: string
  incharge_people_name: string
  incharge_people_credentials_type: number
  incharge_people_credentials_number: string
  incharge_people_credentials_front: DouyinMaterial
  incharge_people_credentials_back: DouyinMaterial
  incharge_people_credentials_has_end_time: boolean
  /** Unix seconds, 00:00 Asia/Shanghai. */
  incharge_people_credentials_valid_start_time: number
  incharge_people_credentials_valid_end_time?: number
  incharge_people_email: string
  incharge_people_phone: string
  incharge_people_emergency_phone: string
  corp_authority_letter?: DouyinMaterial[]
  corp_commitment?: DouyinMaterial[]
  corp_other_materials?: DouyinMaterial[]
  remark?: string
}

export interface DouyinPreApproval {
  pre_approval_item_id: number
  pre_approval_number: string
  pre_approval_files: DouyinMaterial[]
}

export interface DouyinAppInfo {
  app_language: number[]
  service_content_type_list: number[]
  involve_pre_approval: boolean
  pre_approval_list: DouyinPreApproval[]
  facial_recognition_token: string
  incharge_people_email: string
  incharge_people_phone: string
  incharge_people_emergency_phone: string
  app_authority_letter?: DouyinMaterial[]
  app_other_materials?: DouyinMaterial[]
  remark: string
}

export interface DouyinRecordPayload {
  corp_info: DouyinCorpInfo
  app_info: DouyinAppInfo
}
