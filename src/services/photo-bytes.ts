/**
 * Reading a chosen photo's file as base64, for the upload to the platform at submission. The app reads
 * the file only when the user taps 上传 after the consent; it keeps no copy.
 */
import Taro from '@tarojs/taro'
import { photoError } from './photo-picker'

/** The picture's MIME type from what the picker said (H5: a MIME type; mini-programs: the temp path). */
export function photoMimeType(format: string | undefined): 'image/jpeg' | 'image/png' | undefined {
  const f = (format ?? '').toLowerCase()
  if (/png$/.test(f) || f === 'image/png') return 'image/png'
  if (/jpe?g$/.test(f) || f === 'image/jpeg') return 'image/jpeg'
  return undefined
}

/** Base64 of bytes, in chunks (a 2 MB photo in one String.fromCharCode call would overflow the stack). */
export function bytesToBase64(bytes: Uint8Array): string {
  let binary = ''
  for (let i = 0; i < bytes.length; i += 0x8000) {
    binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000))
  }
  return btoa(binary)
}

async function readInBrowser(path: string): Promise<string> {
  const res = await fetch(path)
  if (!res.ok) throw photoError('unreadable')
  return bytesToBase64(new Uint8Array(await res.arrayBuffer()))
}

async function readInMiniProgram(path: string): Promise<string> {
  const fs = Taro.getFileSystemManager()
  return new Promise((resolve, reject) => {
    fs.readFile({
      filePath: path,
      encoding: 'base64',
      success: (r) => resolve(String(r.data)),
      fail: () => reject(photoError('unreadable'))
    })
  })
}

/** The photo's file at `path` (temp path or blob: URL) as base64; rejects with a PhotoError ('unreadable'). */
export async function readPhotoBase64(path: string): Promise<string> {
  try {
    return process.env.TARO_ENV === 'h5' ? await readInBrowser(path) : await readInMiniProgram(path)
  } catch {
    throw photoError('unreadable')
  }
}
