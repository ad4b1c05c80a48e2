/**
 * The separate consent to process sensitive personal information (ID numbers, phones, credit codes, addresses),
 * asked before the first such field is filled in. Separate from the app's privacy popup (services/privacy), as
 * the Personal Information Protection Law asks for sensitive information. The decision is kept on the device
 * with the version of the text the user read and the date; a new version of the text asks again.
 */
import { toUtcIso } from '../domain/time'
import { readJson, writeJson } from './storage'

/** Bump when the consent text (src/filing/consent) changes in substance: everyone is asked again. */
export const SENSITIVE_CONSENT_VERSION = '2025-01-v1'

const CONSENT_KEY = 'consent:sensitive-info'

export interface SensitiveConsent {
  version: string
  agreed: boolean
  /** ISO instant of the decision. */
  decidedAt: string
}

/** The decision on the current text, or undefined when the user has not decided (or read an older text). */
export function readSensitiveConsent(): SensitiveConsent | undefined {
  const saved = readJson<SensitiveConsent>(CONSENT_KEY)
  if (!saved || saved.version !== SENSITIVE_CONSENT_VERSION || typeof saved.agreed !== 'boolean') return undefined
  return saved
}

export function recordSensitiveConsent(agreed: boolean, now: Date = new Date()): SensitiveConsent {
  const decision: SensitiveConsent = { version: SENSITIVE_CONSENT_VERSION, agreed, decidedAt: toUtcIso(now.getTime()) }
  writeJson(CONSENT_KEY, decision)
  return decision
}
