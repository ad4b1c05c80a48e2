/** A photo's bytes from the upload call: decoded in memory and checked to be what it says, never stored. */
import { AppError } from '../../envelope'
import { MAX_MEDIA_BYTES } from '../../schemas'

const SIGNATURES: Record<'image/jpeg' | 'image/png', number[]> = {
  'image/jpeg': [0xff, 0xd8, 0xff],
  'image/png': [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]
}

export function checkedPhoto(dataBase64: string, mimeType: 'image/jpeg' | 'image/png'): Uint8Array {
  const bytes = new Uint8Array(Buffer.from(dataBase64, 'base64'))
  if (bytes.length > MAX_MEDIA_BYTES)
    throw new AppError('INVALID', '照片不能超过 2 MB，请压缩后重新选择', { dataBase64: ['照片不能超过 2 MB'] })
  if (!SIGNATURES[mimeType].every((b, i) => bytes[i] === b))
    throw new AppError('INVALID', '照片不是有效的 JPG 或 PNG 文件，请重新选择', { dataBase64: ['不是有效的图片'] })
  return bytes
}
