/** Shared set-up of the self-check tests: the sample filing as the server returns it, and typing into NutUI inputs. */
import { act, fireEvent } from '@testing-library/react'
import { allowedActionsFor } from '../../../src/domain'
import { SAMPLE_FILING } from '../../../src/domain/samples'
import type { FilingForm } from '../../../src/domain/types'
import type { FilingView } from '../../../src/services/api-types'
import { fieldSlug } from '../../../src/filing/self-check/fields'
import { toBase64 } from '../../../src/services/draft-crypto'

export const FILING_ID = SAMPLE_FILING.id

/** The sample filing as its owner sees it with `reveal: true`. */
export function ownerView(overrides: Partial<FilingView> = {}): FilingView {
  return {
    ...(JSON.parse(JSON.stringify(SAMPLE_FILING)) as typeof SAMPLE_FILING),
    access: 'owner',
    revealed: true,
    actions: allowedActionsFor(SAMPLE_FILING.progress, 'owner'),
    ...overrides
  }
}

export function withForm(view: FilingView, patch: (form: FilingForm) => void): FilingView {
  const form = JSON.parse(JSON.stringify(view.form)) as FilingForm
  patch(form)
  return { ...view, form }
}

/** A fixed 32-byte draft key, as `filings.draftKey` would answer. */
export const DRAFT_KEY_B64 = toBase64(Uint8Array.from({ length: 32 }, (_, i) => (i * 37 + 11) % 256))

export function fieldBlock(container: HTMLElement, path: string): HTMLElement {
  const el = container.querySelector<HTMLElement>(`.self-check-field--${fieldSlug(path)}`)
  if (!el) throw new Error(`no field block for ${path}`)
  return el
}

/** The Taro input element (taro-input-core / taro-textarea-core) of a field, or null when there is none. */
export function inputOf(container: HTMLElement, path: string): HTMLElement | null {
  return fieldBlock(container, path).querySelector<HTMLElement>('taro-input-core, taro-textarea-core')
}

function requireInput(container: HTMLElement, path: string): HTMLElement & { value?: string } {
  const input = inputOf(container, path)
  if (!input) throw new Error(`no input in ${path}`)
  return input
}

export function focusField(container: HTMLElement, path: string): void {
  fireEvent.focus(requireInput(container, path))
}

/** Types a whole new value the way Taro's H5 input reports it (an `input` event with `detail.value`). */
export function typeInto(container: HTMLElement, path: string, value: string): void {
  const input = requireInput(container, path)
  act(() => {
    fireEvent.focus(input)
  })
  act(() => {
    input.value = value
    input.dispatchEvent(new CustomEvent('input', { detail: { value }, bubbles: true }))
  })
}

export function blurField(container: HTMLElement, path: string): void {
  const input = requireInput(container, path)
  act(() => {
    fireEvent.blur(input)
  })
}

export function fill(container: HTMLElement, path: string, value: string): void {
  typeInto(container, path, value)
  blurField(container, path)
}

export function shownValue(container: HTMLElement, path: string): string {
  const input = requireInput(container, path)
  return String(input.value ?? input.getAttribute('value') ?? '')
}

export function findingsText(container: HTMLElement, path: string, severity = 'error'): string {
  return Array.from(fieldBlock(container, path).querySelectorAll(`.form-field__finding--${severity}`))
    .map((e) => e.textContent)
    .join('\n')
}

/** Everything the app wrote to device storage (localStorage on H5), as one string. */
export function everythingOnDevice(): string {
  const parts: string[] = []
  for (let i = 0; i < localStorage.length; i++) {
    const key = localStorage.key(i)!
    parts.push(key, localStorage.getItem(key) ?? '')
  }
  return parts.join('\n')
}
