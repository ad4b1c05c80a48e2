/**
 * Choosing a photo and reading its pixels on the device, for the photo pre-check. Nothing leaves the phone: the
 * file is drawn on an offscreen canvas (WeChat, Douyin) or a detached DOM canvas (H5) and read back as RGBA.
 */
import Taro from '@tarojs/taro'
import type { RgbaImage } from '../domain/photo/types'

/** What the picker tells about the chosen file. */
export interface ChosenPhoto {
  /** Temp path (wxfile://…, ttfile://…) or, on H5, a blob: URL. Usable as an <Image> src. */
  path: string
  /** File size in bytes. */
  size: number
  /** Anything naming the format (MIME type on H5, the temp path's extension on the mini-programs). */
  format?: string
  /** Pixel size, when the picker reports it (H5 does). */
  width?: number
  height?: number
}

/** The pixels drawn at most `maxSide` on the longest side, plus the original size for the format check. */
export interface PhotoPixels extends RgbaImage {
  originalWidth: number
  originalHeight: number
}

export type PhotoErrorReason = 'cancelled' | 'denied' | 'too_large' | 'unreadable' | 'failed'

/** A failure the page can show as is: `message` is Chinese and says what to do. */
export class PhotoError extends Error {
  constructor(
    readonly reason: PhotoErrorReason,
    message: string
  ) {
    super(message)
    this.name = 'PhotoError'
  }
}

/**
 * Files above this are not decoded: a canvas that size can exhaust a phone's memory. A filing photo may be at most
 * 2 MB anyway; the user is told to compress it first.
 */
export const MAX_DECODE_BYTES = 30 * 1024 * 1024

/**
 * Longest side a photo is drawn at for the checks. The analysers work at 512 px; drawing at twice that and letting
 * them average down keeps the browser's or WeChat's own resampling from smearing or aliasing what they look for.
 */
export const READ_MAX_SIDE = 1024

const MESSAGES: Record<PhotoErrorReason, string> = {
  cancelled: '没有选择照片',
  denied: '没有相册或相机的使用权限：请在设置里允许本小程序使用相册和相机后再试',
  too_large: '照片文件太大，手机上无法分析。请先在相册里压缩或裁剪到 2 MB 以内（平台上传也要求不超过 2 MB）再选择',
  unreadable:
    '这张照片读取不了：可能是 HEIC 等手机专用格式，或文件已损坏。请在相册里把它导出为 JPG 后重新选择，或直接拍一张',
  failed: '没能打开相册或相机，请稍后重试'
}

export function photoError(reason: PhotoErrorReason, message = MESSAGES[reason]): PhotoError {
  return new PhotoError(reason, message)
}

function errMsg(e: unknown): string {
  if (typeof e === 'string') return e
  if (e && typeof e === 'object' && 'errMsg' in e) return String((e as { errMsg: unknown }).errMsg)
  if (e instanceof Error) return e.message
  return ''
}

/** Sorts a picker failure into cancelled / denied / failed by its errMsg (wx, tt and Taro H5 word them alike). */
export function pickerFailure(e: unknown): PhotoError {
  const msg = errMsg(e).toLowerCase()
  if (/cancel|abort/.test(msg)) return photoError('cancelled')
  if (/auth|deny|denied|permission|privacy/.test(msg)) return photoError('denied')
  return photoError('failed')
}

/**
 * Lets the user take or pick one photo, in full size ('original': a compressed copy would hide blur and change the
 * byte size the platform checks). Rejects with a PhotoError; `reason: 'cancelled'` when the user backed out.
 *
 * Called straight from a tap handler: on H5 the browser opens the file chooser only during a user gesture.
 */
export async function choosePhoto(): Promise<ChosenPhoto> {
  let result: Taro.chooseMedia.SuccessCallbackResult
  try {
    result = await Taro.chooseMedia({
      count: 1,
      mediaType: ['image'],
      sourceType: ['album', 'camera'],
      sizeType: ['original']
    })
  } catch (e) {
    throw pickerFailure(e)
  }
  const file = result?.tempFiles?.[0]
  // Taro H5 resolves with no file when the image could not be loaded at all
  if (!file || !file.tempFilePath) throw photoError('unreadable')
  // H5 gives the MIME type; the mini-programs say only 'image', and the temp path carries the extension
  const format = /^image\//.test(file.fileType ?? '') ? file.fileType : file.tempFilePath
  return {
    path: file.tempFilePath,
    size: file.size,
    format,
    width: file.width || undefined,
    height: file.height || undefined
  }
}

/** The size to draw at: the whole picture, longest side at most `maxSide`, never enlarged. */
export function drawSize(width: number, height: number, maxSide: number): { width: number; height: number } {
  const scale = Math.min(1, maxSide / Math.max(width, height))
  return { width: Math.max(1, Math.round(width * scale)), height: Math.max(1, Math.round(height * scale)) }
}

interface LoadableImage {
  onload: ((...args: unknown[]) => void) | null
  onerror: ((...args: unknown[]) => void) | null
  src: string
}

function loadInto<T extends LoadableImage>(image: T, src: string): Promise<T> {
  return new Promise((resolve, reject) => {
    image.onload = () => resolve(image)
    image.onerror = () => reject(photoError('unreadable'))
    image.src = src
  })
}

interface Context2d {
  drawImage(image: unknown, x: number, y: number, w: number, h: number): void
  getImageData(x: number, y: number, w: number, h: number): { data: Uint8ClampedArray }
}

async function readInBrowser(path: string, maxSide: number): Promise<PhotoPixels> {
  const image = await loadInto(new Image() as unknown as HTMLImageElement & LoadableImage, path)
  const originalWidth = image.naturalWidth
  const originalHeight = image.naturalHeight
  if (!originalWidth || !originalHeight) throw photoError('unreadable')
  const size = drawSize(originalWidth, originalHeight, maxSide)
  const canvas = document.createElement('canvas')
  canvas.width = size.width
  canvas.height = size.height
  const ctx = canvas.getContext('2d', { willReadFrequently: true })
  if (!ctx) throw photoError('unreadable')
  ctx.drawImage(image, 0, 0, size.width, size.height)
  const { data } = ctx.getImageData(0, 0, size.width, size.height)
  return { ...size, data, originalWidth, originalHeight }
}

async function readInMiniProgram(path: string, maxSide: number): Promise<PhotoPixels> {
  let info: { width: number; height: number }
  try {
    info = await Taro.getImageInfo({ src: path })
  } catch {
    throw photoError('unreadable')
  }
  if (!info.width || !info.height) throw photoError('unreadable')
  const size = drawSize(info.width, info.height, maxSide)
  const canvas = Taro.createOffscreenCanvas({ type: '2d', width: size.width, height: size.height })
  // Douyin's createOffscreenCanvas takes no options: size it afterwards (harmless on WeChat)
  canvas.width = size.width
  canvas.height = size.height
  const ctx = canvas.getContext('2d') as unknown as Context2d | null
  if (!ctx) throw photoError('unreadable')
  const image = await loadInto(canvas.createImage() as unknown as LoadableImage, path)
  ctx.drawImage(image, 0, 0, size.width, size.height)
  const { data } = ctx.getImageData(0, 0, size.width, size.height)
  return { ...size, data, originalWidth: info.width, originalHeight: info.height }
}

/**
 * Decodes the photo at `path`, drawn so that its longest side is at most `maxSide` (a 12-megapixel photo would take
 * ~50 MB as RGBA). Rejects with a PhotoError ('unreadable') when the platform cannot decode it.
 */
export async function readPhotoPixels(path: string, maxSide: number): Promise<PhotoPixels> {
  try {
    return process.env.TARO_ENV === 'h5' ? await readInBrowser(path, maxSide) : await readInMiniProgram(path, maxSide)
  } catch (e) {
    if (e instanceof PhotoError) throw e
    // a canvas that refuses (out of memory, tainted) is, for the user, a photo we cannot read
    throw photoError('unreadable')
  }
}
