/**
 * What the 检查照片 page says about each kind of photo: what the reviewers reject, what this check looks at, and what
 * it cannot see (so a clean result is never read as "the photo will pass").
 */
import { photoRulesFor, type PhotoKind } from '../../domain/photo'
import type { PlatformId, Severity } from '../../domain/types'

/** The face-check photo is judged on background and light; every other photo material is a document. */
export function photoKindFor(materialId: string | undefined, title = ''): PhotoKind {
  return /face/.test(materialId ?? '') || title.includes('人脸') ? 'face' : 'document'
}

function formatRule(platform: PlatformId): string {
  const rules = photoRulesFor(platform)
  const mb = rules.maxBytes / 1024 / 1024
  return `${rules.formats.map((f) => f.toUpperCase()).join('/')} 格式，不超过 ${mb} MB，尺寸不低于 ${rules.minShortSide}×${rules.minLongSide}（横拍竖拍都可以）`
}

/** Why reviewers send such a photo back (filing-knowledge §6, §8 and the providers' rejection lists). */
export function rejectionReasons(kind: PhotoKind, platform: PlatformId): string[] {
  if (kind === 'face')
    return [
      '背景不是纯白色，或背景里有其他物品',
      '光线太暗、逆光，脸部看不清',
      '照片模糊',
      '戴帽子、口罩、墨镜，或头发遮挡脸部；闭眼、表情夸张、衣着不得体',
      `图片不符合平台要求：${formatRule(platform)}`
    ]
  return [
    '复印件、黑白扫描件或翻拍屏幕（要求原件的彩色照片或彩色扫描件）',
    '反光、模糊，文字看不清',
    '证件没有拍全，四个角不完整',
    '太暗或过曝',
    '加了与备案无关的水印，或关键信息被遮挡',
    `图片不符合平台要求：${formatRule(platform)}`
  ]
}

/** What analysePhoto looks at for the kind (mirrors its analysers). */
export const CHECKED: Record<PhotoKind, string[]> = {
  document: ['格式、大小和尺寸', '清晰度', '反光', '亮度和对比度', '彩色原件（不是复印件）', '四角是否完整'],
  face: ['格式、大小和尺寸', '清晰度', '彩色照片', '背景是否纯白', '脸部亮度']
}

/** What no pixel check can tell: the user confirms these themselves. */
export const NOT_CHECKED: Record<PhotoKind, string[]> = {
  document: ['证件上的文字是否与填写的信息一致', '证件是否在有效期内', '是否有无关水印或遮挡'],
  face: ['是否戴帽子、口罩或眼镜，头发是否遮挡脸部', '表情是否自然、是否睁眼']
}

export const SEVERITY_GROUPS: { severity: Severity; title: string; hint: string }[] = [
  { severity: 'error', title: '需要重拍或更换', hint: '审核很可能因此驳回' },
  { severity: 'warning', title: '建议改进', hint: '不一定驳回，改了更稳妥' },
  { severity: 'info', title: '提示', hint: '' }
]

export function fileSizeText(bytes: number): string {
  if (bytes >= 1024 * 1024) return `${(bytes / 1024 / 1024).toFixed(1)} MB`
  return `${Math.max(1, Math.round(bytes / 1024))} KB`
}
