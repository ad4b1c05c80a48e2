/** Per-class figures of one scoring run: detection, false alarms, and the confusion of true class × codes raised. */
import type { Finding } from '../../src/domain/types'
import type { PhotoClass } from './generator'
import { CLASS_DEFINITIONS, PHOTO_CLASSES } from './generator'
import type { ManifestEntry } from './manifest'

export interface PhotoResult {
  entry: ManifestEntry
  findings: Array<Pick<Finding, 'code' | 'severity'>>
}

export interface ClassFigures {
  photoClass: PhotoClass
  expected: string | null
  count: number
  /** Photos where the expected code was raised at error level (defect classes). */
  detected: number
  detectionRate: number | null
  /** Photos with any error-level finding (clean classes) or with an error other than the expected one. */
  falseAlarms: number
  falseAlarmCodes: Record<string, number>
  /** Codes raised (any severity) → number of photos of this class raising it. */
  raised: Record<string, number>
  missedIds: string[]
}

export function figuresFor(results: PhotoResult[]): ClassFigures[] {
  return PHOTO_CLASSES.map((photoClass) => {
    const expected = CLASS_DEFINITIONS[photoClass].expected
    const mine = results.filter((r) => r.entry.photoClass === photoClass)
    const figures: ClassFigures = {
      photoClass,
      expected,
      count: mine.length,
      detected: 0,
      detectionRate: null,
      falseAlarms: 0,
      falseAlarmCodes: {},
      raised: {},
      missedIds: []
    }
    for (const r of mine) {
      const errors = r.findings.filter((f) => f.severity === 'error').map((f) => f.code)
      for (const code of new Set(r.findings.map((f) => f.code))) figures.raised[code] = (figures.raised[code] ?? 0) + 1
      if (expected && errors.includes(expected)) figures.detected++
      else if (expected) figures.missedIds.push(r.entry.id)
      const wrong = errors.filter((c) => c !== expected)
      if (wrong.length > 0) figures.falseAlarms++
      for (const code of new Set(wrong)) figures.falseAlarmCodes[code] = (figures.falseAlarmCodes[code] ?? 0) + 1
    }
    figures.detectionRate = expected && mine.length ? figures.detected / mine.length : null
    return figures
  })
}

const pct = (x: number | null): string => (x === null ? '—' : `${(x * 100).toFixed(1)}%`)
const short = (code: string): string => code.replace(/^PHOTO_/, '').replace('DOCUMENT_', 'DOC_')

/** The text report: a per-class table, then the confusion table (rows = true class, columns = codes raised). */
export function formatReport(split: string, figures: ClassFigures[]): string {
  const lines = [`photo-eval ${split}: ${figures.reduce((s, f) => s + f.count, 0)} photos`, '']
  lines.push('class             n   expected                         detected        false alarms (error codes)')
  for (const f of figures) {
    const detected = f.expected ? `${f.detected}/${f.count} ${pct(f.detectionRate)}` : '—'
    const codes = Object.entries(f.falseAlarmCodes)
      .map(([c, n]) => `${short(c)}×${n}`)
      .join(' ')
    lines.push(
      `${f.photoClass.padEnd(16)} ${String(f.count).padStart(3)}   ${(f.expected ?? '(clean)').padEnd(32)} ${detected.padEnd(15)} ${f.falseAlarms}${codes ? ` (${codes})` : ''}`
    )
  }
  const columns = [...new Set(figures.flatMap((f) => Object.keys(f.raised)))].sort()
  lines.push('', 'confusion: photos of each true class raising each code (any severity)', '')
  lines.push(['true class'.padEnd(16), ...columns.map((c) => short(c).slice(0, 12).padStart(12))].join(' '))
  for (const f of figures) {
    lines.push([f.photoClass.padEnd(16), ...columns.map((c) => String(f.raised[c] ?? 0).padStart(12))].join(' '))
  }
  return lines.join('\n')
}
