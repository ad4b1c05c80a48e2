/**
 * From stored filing records to what callers see, and from what callers send to what is stored:
 * decryption, masking (with the domain's masks), and the server-side field checks (the domain's validators).
 */
import { allowedActionsFor, emptyFilingForm, identityFieldErrors, maskSensitiveField } from '../domain'
import {
  SENSITIVE_FIELD_PATHS,
  type Filing,
  type FilingForm,
  type FilingProfile,
  type FilingProgress,
  type StageAction
} from '../domain/types'
import { decryptForm, encryptForm } from './crypto'
import { AppError, type FieldErrors } from './envelope'
import type { KeyProvider } from './ports'
import type { Access, FilingRecord } from './records'

export interface FilingView extends Filing {
  /** How the caller may use it: the owner edits, invited principals read a masked copy. */
  access: Access
  /** Whether sensitive values are shown in full (owner + `reveal: true` only). */
  revealed: boolean
  /** The stage actions this caller may take now (an invited principal: only the SMS steps). */
  actions: StageAction['type'][]
}

export interface FilingSummary {
  id: string
  title: string
  platform: FilingProfile['platform']
  /** An individual's filing has no principal to invite (the owner is the principal). */
  ownerType: FilingProfile['ownerType']
  stage: FilingProgress['stage']
  smsDeadline?: string
  filingNumber?: string
  updatedAt: string
  version: number
  access: Access
}

type Sections = Record<string, Record<string, unknown> | undefined>

export function maskForm(plain: FilingForm): FilingForm {
  const out = JSON.parse(JSON.stringify(plain)) as Sections
  for (const p of SENSITIVE_FIELD_PATHS) {
    const [section, field] = p.split('.')
    const v = out[section]?.[field]
    if (typeof v === 'string' && v) out[section]![field] = maskSensitiveField(p, v, plain)
  }
  return out as unknown as FilingForm
}

/** The form without any sensitive value: what reminder planning gets, so no personal data can reach a message. */
export function withoutSensitive(form: FilingForm): FilingForm {
  const out = JSON.parse(JSON.stringify(form)) as Sections
  for (const p of SENSITIVE_FIELD_PATHS) {
    const [section, field] = p.split('.')
    if (out[section]) delete out[section]![field]
  }
  return out as unknown as FilingForm
}

export function toDomainFiling(record: FilingRecord, form: FilingForm): Filing {
  return {
    id: record._id,
    title: record.title,
    profile: record.profile,
    form,
    progress: record.progress,
    materials: record.materials,
    createdAt: record.createdAt,
    updatedAt: record.updatedAt,
    version: record.version
  }
}

export function filingView(keys: KeyProvider, record: FilingRecord, access: Access, reveal: boolean): FilingView {
  const plain = decryptForm(keys, record.form, record._id)
  const revealed = reveal && access === 'owner'
  return {
    ...toDomainFiling(record, revealed ? plain : maskForm(plain)),
    access,
    revealed,
    actions: allowedActionsFor(record.progress, access)
  }
}

export function filingSummary(record: FilingRecord, access: Access): FilingSummary {
  return {
    id: record._id,
    title: record.title,
    platform: record.profile.platform,
    ownerType: record.profile.ownerType,
    stage: record.progress.stage,
    smsDeadline: record.progress.smsDeadline,
    filingNumber: record.progress.filingNumber,
    updatedAt: record.updatedAt,
    version: record.version,
    access
  }
}

/**
 * Merges an incoming form with the stored plain one. A sensitive value the client got masked and sent back
 * unchanged keeps the stored value; any other value containing '*' is refused (it would overwrite real data).
 */
export function mergeIncomingForm(stored: FilingForm | undefined, incoming: FilingForm): FilingForm {
  const out = JSON.parse(JSON.stringify(incoming)) as Sections
  const errors: FieldErrors = {}
  for (const p of SENSITIVE_FIELD_PATHS) {
    const [section, field] = p.split('.')
    const v = out[section]?.[field]
    if (typeof v !== 'string' || !v.includes('*')) continue
    const old = (stored as unknown as Sections | undefined)?.[section]?.[field]
    if (typeof old === 'string' && old && maskSensitiveField(p, old, stored) === v) out[section]![field] = old
    else errors[p] = ['请填写完整的真实信息']
  }
  if (Object.keys(errors).length) throw new AppError('INVALID', undefined, errors)
  return out as unknown as FilingForm
}

/** The server's own check of every filled-in identity field, with the domain's validators. */
export function checkFormFields(form: FilingForm): void {
  const errors = identityFieldErrors(form)
  if (Object.keys(errors).length) throw new AppError('INVALID', '部分信息格式不正确', errors)
}

export function storeForm(keys: KeyProvider, form: FilingForm, filingId: string): FilingForm {
  return encryptForm(keys, form, filingId)
}

export const EMPTY_FORM: FilingForm = emptyFilingForm()
