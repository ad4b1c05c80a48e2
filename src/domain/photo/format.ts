import { photoFinding } from './findings'
import { photoRulesFor, type PhotoFormat } from './rules'
import type { PlatformId } from '../types'
import type { AnalyserResult, PhotoFileInfo } from './types'

const FORMAT_ALIASES: Record<string, PhotoFormat | 'other'> = {
  jpg: 'jpg',
  jpeg: 'jpg',
  jpe: 'jpg',
  jfif: 'jpg',
  pjpeg: 'jpg',
  png: 'png'
}

/**
 * Normalises what a picker reports — a MIME type ('image/jpeg'), an extension ('.JPG'), a file name or a temp path
 * ('wxfile://tmp_a1.jpeg') — to 'jpg' / 'png', to 'other' for any other image format, or undefined when it names
 * nothing.
 */
export function normalisePhotoFormat(format: string | undefined): PhotoFormat | 'other' | undefined {
  if (!format) return undefined
  let name = format.trim().toLowerCase()
  if (!name) return undefined
  name = name.split(/[?#]/)[0]
  if (name.startsWith('image/')) name = name.slice('image/'.length)
  const dot = name.lastIndexOf('.')
  if (dot >= 0) name = name.slice(dot + 1)
  if (!name || name.includes('/')) return undefined
  return FORMAT_ALIASES[name] ?? 'other'
}

function formatBytes(bytes: number): string {
  if (bytes >= 1024 * 1024) return `${(bytes / 1024 / 1024).toFixed(1)} MB`
  return `${Math.ceil(bytes / 1024)} KB`
}

/**
 * File format, byte size and pixel size against the platform's rules. Each is checked only when known: the
 * picker does not always report the format or the size.
 */
export function checkFormat(input: {
  platform: PlatformId
  width?: number
  height?: number
  file?: PhotoFileInfo
}): AnalyserResult {
  const rules = photoRulesFor(input.platform)
  const findings = []
  const format = normalisePhotoFormat(input.file?.format)
  if (format && !rules.formats.includes(format as PhotoFormat)) {
    findings.push(
      photoFinding('PHOTO_FORMAT_UNSUPPORTED', { formats: rules.formats.map((f) => f.toUpperCase()).join('/') })
    )
  }
  const bytes = input.file?.byteSize
  if (bytes !== undefined && bytes > rules.maxBytes) {
    findings.push(
      photoFinding('PHOTO_FILE_TOO_LARGE', { size: formatBytes(bytes), limit: formatBytes(rules.maxBytes) })
    )
  }
  const width = input.file?.width ?? input.width
  const height = input.file?.height ?? input.height
  if (width !== undefined && height !== undefined) {
    const short = Math.min(width, height)
    const long = Math.max(width, height)
    if (short < rules.minShortSide || long < rules.minLongSide) {
      findings.push(
        photoFinding('PHOTO_RESOLUTION_TOO_LOW', {
          width,
          height,
          minShort: rules.minShortSide,
          minLong: rules.minLongSide
        })
      )
    }
  }
  return { findings, metrics: {} }
}
