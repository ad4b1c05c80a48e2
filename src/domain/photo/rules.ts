import type { PlatformId } from '../types'

export type PhotoFormat = 'jpg' | 'png'

/** What a platform's filing page accepts as a certificate or face photo. */
export interface PlatformPhotoRules {
  platform: PlatformId
  formats: readonly PhotoFormat[]
  /** Largest file, in bytes (2 MB read as 2 × 1024 × 1024). */
  maxBytes: number
  /**
   * Minimum pixel size, orientation-free: the short side at least minShortSide and the long side at least
   * minLongSide. The guides write "720×1280" without saying which way round, and a certificate is naturally
   * photographed in landscape (1280×720), so either orientation passes.
   */
  minShortSide: number
  minLongSide: number
  source: string
  checkedOn: string
  /** Set when the numbers are not published for this platform and were taken over from another one. */
  assumption?: string
}

const WEAPP: PlatformPhotoRules = {
  platform: 'weapp',
  formats: ['jpg', 'png'],
  maxBytes: 2 * 1024 * 1024,
  minShortSide: 720,
  minLongSide: 1280,
  source: '微信公众平台 小程序备案 证件上传要求（filing-knowledge.md §8：JPG/PNG，不超过 2 MB，不低于 720×1280）',
  checkedOn: '2026-11-23'
}

export const PHOTO_RULES: Record<PlatformId, PlatformPhotoRules> = {
  weapp: WEAPP,
  tt: {
    ...WEAPP,
    platform: 'tt',
    source: '按微信小程序备案的图片要求（filing-knowledge.md 未给出抖音开放平台的数值）',
    assumption: '抖音开放平台的图片格式、大小和尺寸要求未核实，暂按微信的要求检查'
  },
  alipay: {
    ...WEAPP,
    platform: 'alipay',
    source: '按微信小程序备案的图片要求（filing-knowledge.md 未给出支付宝开放平台的数值）',
    assumption: '支付宝开放平台的图片格式、大小和尺寸要求未核实，暂按微信的要求检查'
  }
}

export function photoRulesFor(platform: PlatformId): PlatformPhotoRules {
  return PHOTO_RULES[platform]
}
