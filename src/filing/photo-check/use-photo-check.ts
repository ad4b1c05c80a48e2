/**
 * One photo check: choose → read the pixels → analyse, on the phone. A newer run makes an older one's late results
 * void; backing out of the picker keeps whatever result is on screen.
 */
import { useRef, useState } from 'react'
import { analysePhoto, normalisePhotoFormat, photoRulesFor, type PhotoKind, type PhotoReport } from '../../domain/photo'
import type { PlatformId } from '../../domain/types'
import {
  choosePhoto,
  MAX_DECODE_BYTES,
  photoError,
  PhotoError,
  readPhotoPixels,
  READ_MAX_SIDE,
  type ChosenPhoto
} from '../../services/photo-picker'
import { fileSizeText } from './photo-kinds'

export type CheckState =
  | { step: 'idle' }
  | { step: 'reading' | 'analysing'; photo: ChosenPhoto }
  | { step: 'done'; photo: ChosenPhoto; report: PhotoReport }
  | { step: 'failed'; photo?: ChosenPhoto; message: string }

/** Lets the progress bar paint before the (synchronous) analysis takes the thread. */
const nextFrame = () => new Promise((resolve) => setTimeout(resolve, 30))

/** Why reading or analysing a chosen photo failed, in words the user can act on. */
function analysisFailure(e: unknown, photo: ChosenPhoto, platform: PlatformId): string {
  if (!(e instanceof PhotoError)) return '分析时出了问题，请换一张照片再试'
  if (normalisePhotoFormat(photo.format) !== 'other') return e.message
  const formats = photoRulesFor(platform)
    .formats.map((f) => f.toUpperCase())
    .join('/')
  return `这张照片的格式手机读取不了，平台也只接受 ${formats}：请在相册里导出为 JPG 后重新选择`
}

export function usePhotoCheck(kind: PhotoKind, platform: PlatformId) {
  const [check, setCheck] = useState<CheckState>({ step: 'idle' })
  const [hint, setHint] = useState('')
  const latestRun = useRef(0)

  async function analyse(photo: ChosenPhoto, isCurrent: () => boolean) {
    setCheck({ step: 'reading', photo })
    try {
      const pixels = await readPhotoPixels(photo.path, READ_MAX_SIDE)
      if (!isCurrent()) return
      setCheck({ step: 'analysing', photo })
      await nextFrame()
      const report = analysePhoto({
        image: { width: pixels.width, height: pixels.height, data: pixels.data },
        kind,
        platform,
        file: { format: photo.format, byteSize: photo.size, width: pixels.originalWidth, height: pixels.originalHeight }
      })
      if (!isCurrent()) return
      setCheck({ step: 'done', photo, report })
    } catch (e) {
      if (!isCurrent()) return
      setCheck({ step: 'failed', photo, message: analysisFailure(e, photo, platform) })
    }
  }

  async function run() {
    const runId = ++latestRun.current
    const isCurrent = () => runId === latestRun.current
    setHint('')
    let photo: ChosenPhoto
    try {
      // first thing in the tap handler: H5 opens the file chooser only during the user's gesture
      photo = await choosePhoto()
    } catch (e) {
      if (!isCurrent()) return
      const error = e instanceof PhotoError ? e : photoError('failed')
      if (error.reason === 'cancelled') setHint('没有选择照片，之前的结果仍然保留')
      else setCheck({ step: 'failed', message: error.message })
      return
    }
    if (!isCurrent()) return
    if (photo.size > MAX_DECODE_BYTES) {
      const message = `照片文件有 ${fileSizeText(photo.size)}，${photoError('too_large').message}`
      setCheck({ step: 'failed', photo, message })
      return
    }
    await analyse(photo, isCurrent)
  }

  const busy = check.step === 'reading' || check.step === 'analysing'
  return { check, hint, busy, run }
}
