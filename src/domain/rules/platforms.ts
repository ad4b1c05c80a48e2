/** The platforms a mini-program can be filed on, with the numbers that differ between them. */
import type { PlatformId } from '../types'
import { RULES_CHECKED_ON, SOURCE } from './sources'

export interface DayRange {
  min: number
  /** What we show as the expected duration. */
  typical: number
  max: number
  /** True when no official figure exists and the range is our estimate. */
  estimated: boolean
}

export interface PlatformRules {
  id: PlatformId
  name: string
  /** 微信 / 抖音 / 支付宝, for reasons like “微信要求：…”. */
  shortName: string
  /** Where the filing is started, in the platform's own menu words. */
  whereToFile: string
  /**
   * A certificate must remain valid for this many months after the submission: `strict` = more than (WeChat: more
   * than 1 month), otherwise at least (Douyin and the cloud providers: at least 3 months).
   */
  certificateMargin: { months: number; strict: boolean; published: boolean }
  /** Certificate photo limits, when published. */
  photo?: { formats: string[]; maxBytes: number; minWidth: number; minHeight: number }
  /** 平台初审 duration in working days. */
  platformReviewDays: DayRange
  /** 备注 / service description length in characters; `published` = the platform states it (else adopted from WeChat). */
  descriptionLength: { min: number; max: number; published: boolean }
  maxServiceTypes: number
  /** The platform requires a 授权书 whenever a principal is not the legal representative. */
  authorizationWhenNotLegalRep: boolean
  /** The platform asks every out-of-province individual for a residence permit. */
  residencePermitForOutOfProvince: boolean
  /** How a cancellation (注销) is requested. */
  cancellation: string
  subscriptionMessages: boolean
  source: string
  checkedOn: string
}

export const PLATFORMS: Record<PlatformId, PlatformRules> = {
  weapp: {
    id: 'weapp',
    name: '微信小程序',
    shortName: '微信',
    whereToFile:
      '微信公众平台 → 设置 → 小程序备案 → 去备案（未上架的小程序在首页点“去备案”；已上架的会看到“小程序需补充备案信息”横幅）',
    certificateMargin: { months: 1, strict: true, published: true },
    photo: { formats: ['jpg', 'png'], maxBytes: 2 * 1024 * 1024, minWidth: 720, minHeight: 1280 },
    platformReviewDays: { min: 1, typical: 2, max: 2, estimated: false },
    descriptionLength: { min: 20, max: 200, published: true },
    maxServiceTypes: 5,
    authorizationWhenNotLegalRep: true,
    residencePermitForOutOfProvince: true,
    cancellation: '在微信公众平台按注销指引操作，或联系微信客服',
    subscriptionMessages: true,
    source: SOURCE.wechatGuide,
    checkedOn: RULES_CHECKED_ON
  },
  tt: {
    id: 'tt',
    name: '抖音小程序',
    shortName: '抖音',
    whereToFile: '抖音开放平台 → 控制台 → 选择小程序 → 设置 → 基础设置 → 备案信息 → 去填写',
    certificateMargin: { months: 3, strict: false, published: true },
    platformReviewDays: { min: 1, typical: 3, max: 5, estimated: false },
    descriptionLength: { min: 20, max: 200, published: false },
    maxServiceTypes: 5,
    authorizationWhenNotLegalRep: false,
    residencePermitForOutOfProvince: false,
    cancellation: '在抖音开放平台提交注销申请，或按平台要求发送邮件（写明小程序名称、AppID、主体信息和注销原因）',
    subscriptionMessages: true,
    source: SOURCE.douyinGuide,
    checkedOn: RULES_CHECKED_ON
  },
  alipay: {
    id: 'alipay',
    name: '支付宝小程序',
    shortName: '支付宝',
    whereToFile: '支付宝开放平台 → 小程序管理后台 → 备案',
    // Not published for Alipay: we apply the cloud providers' stricter margin so nobody is rejected for it
    certificateMargin: { months: 3, strict: false, published: false },
    platformReviewDays: { min: 1, typical: 3, max: 5, estimated: true },
    descriptionLength: { min: 20, max: 200, published: false },
    maxServiceTypes: 5,
    authorizationWhenNotLegalRep: false,
    residencePermitForOutOfProvince: false,
    cancellation: '在支付宝开放平台后台申请注销，或联系平台客服',
    subscriptionMessages: false,
    source: SOURCE.alipayGuide,
    checkedOn: RULES_CHECKED_ON
  }
}

/** MIIT's SMS check: the 12381 text must be answered within this many hours. */
export const SMS_WINDOW_HOURS = 24
/** The legal maximum of the provincial review, in working days. */
export const ADMIN_REVIEW_LEGAL_MAX_DAYS = 20

export interface RemarkRule {
  min: number
  max: number
  /** false: the platform has not published a length; WeChat's 20–200 is applied as the safe choice. */
  published: boolean
}

/** The 备注 (service description) length a platform accepts, for the self-check and the page's counter. */
export function remarkRule(platform: PlatformId): RemarkRule {
  const { min, max, published } = PLATFORMS[platform].descriptionLength
  return { min, max, published }
}
