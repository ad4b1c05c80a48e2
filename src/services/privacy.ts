import Taro from '@tarojs/taro'

/**
 * The platform privacy handshake (WeChat and Douyin `onNeedPrivacyAuthorization`): when a privacy API such
 * as chooseMedia or setClipboardData is called before the user agreed, the platform parks it and asks us to
 * show our consent popup. H5 has no such gate.
 */
type Resolve = (option: { event: 'exposureAuthorization' | 'agree' | 'disagree'; buttonId?: string }) => void

export const PRIVACY_AGREE_BUTTON_ID = 'privacy-agree-btn'

let pending: Resolve | null = null
const listeners = new Set<(open: boolean) => void>()

function notify(): void {
  listeners.forEach((fn) => fn(pending !== null))
}

export function isMiniProgram(): boolean {
  return process.env.TARO_ENV === 'weapp' || process.env.TARO_ENV === 'tt'
}

/** Installs the global handler once, at launch. */
export function installPrivacyHandler(): void {
  const api = Taro as unknown as { onNeedPrivacyAuthorization?: (listener: (resolve: Resolve) => void) => void }
  if (!isMiniProgram() || typeof api.onNeedPrivacyAuthorization !== 'function') return
  api.onNeedPrivacyAuthorization((resolve) => {
    pending = resolve
    resolve({ event: 'exposureAuthorization' })
    notify()
  })
}

/** Pages' popups listen here; returns the unsubscribe function. */
export function onPrivacyRequest(fn: (open: boolean) => void): () => void {
  listeners.add(fn)
  fn(pending !== null)
  return () => listeners.delete(fn)
}

/** Called from the `agreePrivacyAuthorization` button's event: the parked API call goes on. */
export function agreePrivacy(): void {
  pending?.({ event: 'agree', buttonId: PRIVACY_AGREE_BUTTON_ID })
  pending = null
  notify()
}

/** The parked call fails; everything that needs no private API keeps working. */
export function declinePrivacy(): void {
  pending?.({ event: 'disagree' })
  pending = null
  notify()
}

export function openPrivacyContract(fallback: () => void): void {
  const api = Taro as unknown as { openPrivacyContract?: (o: { fail: () => void }) => void }
  if (isMiniProgram() && typeof api.openPrivacyContract === 'function') api.openPrivacyContract({ fail: fallback })
  else fallback()
}
