/**
 * One photo slot: choose through the real picker → the photo check on the phone (format, size, pixels) → upload to
 * the platform through our server. A photo the check finds errors in waits for the user's 仍然上传.
 */
import { useState } from 'react'
import { analysePhoto } from '../../domain/photo'
import type { Finding, PlatformId } from '../../domain/types'
import { photoMimeType, readPhotoBase64 } from '../../services/photo-bytes'
import {
  choosePhoto,
  MAX_DECODE_BYTES,
  PhotoError,
  readPhotoPixels,
  READ_MAX_SIDE,
  type ChosenPhoto
} from '../../services/photo-picker'
import { uploadPhoto } from '../../services/submission'

export type SlotState =
  | { step: 'idle' }
  | { step: 'checking' | 'uploading'; photo: ChosenPhoto }
  | { step: 'flagged'; photo: ChosenPhoto; findings: Finding[] }
  | { step: 'uploaded'; photo: ChosenPhoto; warnings: Finding[] }
  | { step: 'failed'; message: string; photo?: ChosenPhoto }

function fileNameOf(photo: ChosenPhoto, mime: string): string {
  const last = photo.path.split(/[/\\]/).pop() ?? ''
  return /\.(jpe?g|png)$/i.test(last) ? last.slice(-100) : mime === 'image/png' ? 'photo.png' : 'photo.jpg'
}

export function useSlotUpload(filingId: string, slot: string, platform: PlatformId, onUploaded: () => void) {
  const [state, setState] = useState<SlotState>({ step: 'idle' })

  async function upload(photo: ChosenPhoto, warnings: Finding[]) {
    const mimeType = photoMimeType(photo.format)
    if (!mimeType) return setState({ step: 'failed', photo, message: '平台只接受 JPG 或 PNG 照片，请换一张' })
    setState({ step: 'uploading', photo })
    try {
      const dataBase64 = await readPhotoBase64(photo.path)
      const result = await uploadPhoto(filingId, slot, { fileName: fileNameOf(photo, mimeType), mimeType, dataBase64 })
      if (!result.ok) return setState({ step: 'failed', photo, message: result.message })
      setState({ step: 'uploaded', photo, warnings })
      onUploaded()
    } catch (e) {
      setState({ step: 'failed', photo, message: e instanceof PhotoError ? e.message : '上传没有完成，请重试' })
    }
  }

  async function choose() {
    let photo: ChosenPhoto
    try {
      // first thing in the tap handler: H5 opens the file chooser only during the user's gesture
      photo = await choosePhoto()
    } catch (e) {
      if (e instanceof PhotoError && e.reason === 'cancelled') return
      return setState({ step: 'failed', message: e instanceof PhotoError ? e.message : '没能打开相册或相机' })
    }
    if (photo.size > MAX_DECODE_BYTES) return setState({ step: 'failed', photo, message: '照片文件太大，请换一张' })
    setState({ step: 'checking', photo })
    try {
      const pixels = await readPhotoPixels(photo.path, READ_MAX_SIDE)
      const report = analysePhoto({
        image: { width: pixels.width, height: pixels.height, data: pixels.data },
        kind: 'document',
        platform,
        file: { format: photo.format, byteSize: photo.size, width: pixels.originalWidth, height: pixels.originalHeight }
      })
      const errors = report.findings.filter((f) => f.severity === 'error')
      if (errors.length) return setState({ step: 'flagged', photo, findings: errors })
      await upload(
        photo,
        report.findings.filter((f) => f.severity === 'warning')
      )
    } catch (e) {
      setState({ step: 'failed', photo, message: e instanceof PhotoError ? e.message : '照片读取失败，请换一张' })
    }
  }

  /** The user looked at the check's findings and sends the photo anyway (the format and size still hold on the server). */
  const uploadAnyway = () => (state.step === 'flagged' ? upload(state.photo, state.findings) : Promise.resolve())

  return { state, choose, uploadAnyway }
}
