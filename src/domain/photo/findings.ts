import type { Finding, Severity } from '../types'

/** Every finding the photo pre-check can give, with the wording a user sees. */
export type PhotoFindingCode =
  | 'PHOTO_FORMAT_UNSUPPORTED'
  | 'PHOTO_FILE_TOO_LARGE'
  | 'PHOTO_RESOLUTION_TOO_LOW'
  | 'PHOTO_BLURRY'
  | 'PHOTO_GLARE'
  | 'PHOTO_TOO_DARK'
  | 'PHOTO_TOO_BRIGHT'
  | 'PHOTO_LOW_CONTRAST'
  | 'PHOTO_GREYSCALE'
  | 'PHOTO_DOCUMENT_CUT_OFF'
  | 'PHOTO_DOCUMENT_FILLS_FRAME'
  | 'PHOTO_DOCUMENT_NOT_FOUND'
  | 'PHOTO_FACE_BACKGROUND_NOT_WHITE'
  | 'PHOTO_FACE_TOO_DARK'

interface FindingText {
  severity: Severity
  message: string
  fix: string
}

export const PHOTO_FINDING_TEXT: Record<PhotoFindingCode, FindingText> = {
  PHOTO_FORMAT_UNSUPPORTED: {
    severity: 'error',
    message: '图片格式不符合平台要求（只接受 {formats}）',
    fix: '用手机截图或在相册里导出为 JPG/PNG 后再上传'
  },
  PHOTO_FILE_TOO_LARGE: {
    severity: 'error',
    message: '图片文件 {size}，超过平台上限 {limit}',
    fix: '在相册里裁掉多余背景或压缩图片，控制在 {limit} 以内再上传'
  },
  PHOTO_RESOLUTION_TOO_LOW: {
    severity: 'error',
    message: '图片尺寸 {width}×{height} 像素，低于平台要求的 {minShort}×{minLong}',
    fix: '用手机原相机重新拍摄，不要用截图或缩略图'
  },
  PHOTO_BLURRY: {
    severity: 'error',
    message: '照片模糊，证件上的文字可能看不清，审核会退回',
    fix: '手机拿稳、对准证件对焦（点一下屏幕上的证件）后再拍，光线不足时靠近窗边'
  },
  PHOTO_GLARE: {
    severity: 'error',
    message: '证件上有反光，反光处的内容看不清',
    fix: '关闭闪光灯，换个角度或避开灯光直射再拍，证件有塑封时稍微倾斜手机'
  },
  PHOTO_TOO_DARK: {
    severity: 'error',
    message: '照片太暗，证件内容看不清',
    fix: '到光线充足的地方（如白天窗边）重新拍摄，不要用闪光灯'
  },
  PHOTO_TOO_BRIGHT: {
    severity: 'error',
    message: '照片过曝，证件内容发白看不清',
    fix: '避开强光直射，在屏幕上点一下证件再把亮度调低后拍摄'
  },
  PHOTO_LOW_CONTRAST: {
    severity: 'warning',
    message: '照片发灰、对比度低，文字可能不够清楚',
    fix: '擦净镜头，在均匀的光线下重新拍摄，不要隔着玻璃或塑料袋拍'
  },
  PHOTO_GREYSCALE: {
    severity: 'error',
    message: '图片是黑白的，像是复印件或黑白扫描件；备案要求原件的彩色照片或彩色扫描件',
    fix: '拿证件原件拍摄彩色照片，或用彩色模式扫描原件'
  },
  PHOTO_DOCUMENT_CUT_OFF: {
    severity: 'error',
    message: '证件没有完整拍进画面，有边角被裁掉；审核要求四角完整可见',
    fix: '把证件平放在深色桌面上，四周留出一点背景，让四个角都在画面内'
  },
  PHOTO_DOCUMENT_FILLS_FRAME: {
    severity: 'warning',
    message: '证件铺满了整张图片，无法确认四个角都完整',
    fix: '如是裁剪过的图片，请确认四个角没有被裁掉；拍照时在证件四周留出一点背景更稳妥'
  },
  PHOTO_DOCUMENT_NOT_FOUND: {
    severity: 'warning',
    message: '没能从背景中分辨出证件',
    fix: '把证件放在颜色与证件不同的平整桌面上，正对证件拍摄'
  },
  PHOTO_FACE_BACKGROUND_NOT_WHITE: {
    severity: 'error',
    message: '人像背景不是白色或不够亮，人脸核验要求纯白背景',
    fix: '站在白墙前拍摄，背景里不要有其他物品，光线要均匀'
  },
  PHOTO_FACE_TOO_DARK: {
    severity: 'error',
    message: '脸部太暗，或半边脸在阴影里（侧光），可能无法通过人脸核验',
    fix: '面向光源（如窗户）站立，让光线均匀照在整张脸上，不要背光或只从一侧照明，必要时打开室内灯'
  }
}

/** Builds a finding for the photo field, filling {placeholders} in the message and fix. */
export function photoFinding(code: PhotoFindingCode, values: Record<string, string | number> = {}): Finding {
  const text = PHOTO_FINDING_TEXT[code]
  const fill = (s: string): string => s.replace(/\{(\w+)\}/g, (whole, key: string) => String(values[key] ?? whole))
  return { field: 'photo', severity: text.severity, code, message: fill(text.message), fix: fill(text.fix) }
}
