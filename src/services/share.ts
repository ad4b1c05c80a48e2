/**
 * Handing something to another app: the clipboard, the photo album, and the H5 link of a page. Each answers
 * plainly whether it worked, so the page can say what to do instead.
 */
import Taro from '@tarojs/taro'
import { runtimePlatform } from './platform'

export async function copyText(data: string): Promise<boolean> {
  try {
    await Taro.setClipboardData({ data })
    return true
  } catch {
    return false
  }
}

/** The browser link that opens an app route (H5, hash router), e.g. the invite landing page. */
export function h5Link(route: string): string {
  const loc = (globalThis as { location?: { origin: string; pathname: string } }).location
  const base = loc ? `${loc.origin}${loc.pathname || '/'}` : ''
  return `${base}#${route.startsWith('/') ? route : `/${route}`}`
}

const EXTENSIONS: Record<string, string> = { 'image/png': 'png', 'image/jpeg': 'jpg', 'image/jpg': 'jpg' }

/**
 * Writes a base64 image (the invite's mini-program code) to the app's own files: an image from a local file can be
 * long-pressed to recognise the code and saved to the album. Falls back to a data URI where files are unavailable.
 */
export function imageFromBase64(base64: string, contentType: string, name: string): string {
  const dataUri = `data:${contentType};base64,${base64}`
  if (runtimePlatform() !== 'weapp') return dataUri
  try {
    const dir = (Taro as unknown as { env?: { USER_DATA_PATH?: string } }).env?.USER_DATA_PATH
    if (!dir) return dataUri
    const filePath = `${dir}/${name}.${EXTENSIONS[contentType] ?? 'jpg'}`
    Taro.getFileSystemManager().writeFileSync(filePath, base64, 'base64')
    return filePath
  } catch {
    return dataUri
  }
}

export type SaveImageResult = 'saved' | 'denied' | 'failed'

/** Saves a local image to the photo album; `denied` when the user refused the album permission. */
export async function saveImageToAlbum(filePath: string): Promise<SaveImageResult> {
  if (runtimePlatform() === 'h5' || filePath.startsWith('data:')) return 'failed'
  try {
    await Taro.saveImageToPhotosAlbum({ filePath })
    return 'saved'
  } catch (err) {
    const message = String((err as { errMsg?: string })?.errMsg ?? err)
    return /auth|deny|denied|authorize/i.test(message) ? 'denied' : 'failed'
  }
}

/** The mini-program's settings page, where a refused album permission can be granted again. */
export function openAppSettings(): void {
  Taro.openSetting({}).catch(() => undefined)
}

export function canSaveToAlbum(): boolean {
  return runtimePlatform() === 'weapp'
}
