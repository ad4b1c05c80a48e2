/**
 * Shared pieces of the 材料 / 检查照片 page tests: the sample filing as the server's owner view (sensitive values
 * masked, as `filings.get` without `reveal` returns them) and envelopes the mocked API answers with.
 */
import { readFileSync } from 'fs'
import { allowedActionsFor } from '../../../src/domain'
import { join } from 'path'
import * as jpeg from 'jpeg-js'
import { SAMPLE_FILING } from '../../../src/domain/samples'
import { maskAddress, maskEmail, maskIdNumber, maskMobile, maskUscc } from '../../../src/domain/masking'
import type { RgbaImage } from '../../../src/domain/photo'
import type { Filing } from '../../../src/domain/types'
import type { ErrorEnvelope, FilingSummary, FilingView } from '../../../src/services/api-types'

type Overrides = Partial<Omit<FilingView, 'profile' | 'form'>> & {
  profile?: Partial<Filing['profile']>
  form?: Partial<Filing['form']>
}

/** The sample filing as its owner sees it: sensitive values masked. */
export function sampleView(overrides: Overrides = {}): FilingView {
  const f = SAMPLE_FILING.form
  const masked: Filing['form'] = {
    owner: {
      ...f.owner,
      certificateNumber: maskUscc(f.owner.certificateNumber ?? ''),
      address: maskAddress(f.owner.address ?? ''),
      certificateAddress: maskAddress(f.owner.certificateAddress ?? '')
    },
    ownerPrincipal: {
      ...f.ownerPrincipal,
      idNumber: maskIdNumber(f.ownerPrincipal.idNumber ?? ''),
      mobile: maskMobile(f.ownerPrincipal.mobile ?? ''),
      email: maskEmail(f.ownerPrincipal.email ?? '')
    },
    miniProgram: { ...f.miniProgram },
    appPrincipal: {
      ...f.appPrincipal,
      idNumber: maskIdNumber(f.appPrincipal.idNumber ?? ''),
      mobile: maskMobile(f.appPrincipal.mobile ?? ''),
      email: maskEmail(f.appPrincipal.email ?? '')
    },
    emergencyContact: { ...f.emergencyContact, mobile: maskMobile(f.emergencyContact.mobile ?? '') }
  }
  const { profile, form, ...rest } = overrides
  return {
    ...SAMPLE_FILING,
    materials: { ...SAMPLE_FILING.materials },
    access: 'owner',
    revealed: false,
    actions: allowedActionsFor(rest.progress ?? SAMPLE_FILING.progress, rest.access ?? 'owner'),
    ...rest,
    profile: { ...SAMPLE_FILING.profile, ...profile },
    form: { ...masked, ...form }
  }
}

export function summaryOf(view: FilingView): FilingSummary {
  return {
    id: view.id,
    title: view.title,
    platform: view.profile.platform,
    ownerType: view.profile.ownerType,
    stage: view.progress.stage,
    updatedAt: view.updatedAt,
    version: view.version,
    access: view.access
  }
}

export const ok = <T>(data: T) => ({ ok: true as const, data })

export const fail = (code: ErrorEnvelope['code'], message = '出错了'): ErrorEnvelope => ({
  ok: false,
  code,
  message,
  fieldErrors: {}
})

/** The plain values the masked view must never leak into anything the page produces. */
export const SAMPLE_SECRETS = [
  SAMPLE_FILING.form.owner.certificateNumber!,
  SAMPLE_FILING.form.ownerPrincipal.idNumber!,
  SAMPLE_FILING.form.appPrincipal.idNumber!
]

const PHOTOS = join(__dirname, '../../fixtures/photos')

/** A committed fixture decoded with jpeg-js, as the page's canvas would hand it over. */
export function decodeFixture(file: string): RgbaImage & { bytes: number } {
  const bytes = readFileSync(join(PHOTOS, file))
  const image = jpeg.decode(bytes, { useTArray: true, formatAsRGBA: true })
  return { width: image.width, height: image.height, data: image.data, bytes: bytes.length }
}
