/**
 * The user's decision on sensitive personal data, re-read whenever the page shows again; a field that sent the user
 * to the consent screen is handed back once they agreed, so the page can open at it.
 */
import { useCallback, useRef, useState } from 'react'
import { ROUTES } from '../../constants/routes'
import { readSensitiveConsent } from '../../services/consent'
import { openPage } from '../../services/navigation'

export function useSensitiveConsent() {
  const [consent, setConsent] = useState(() => readSensitiveConsent())
  const fieldAwaitingConsent = useRef<string>()

  /** Sends the user to the consent screen from a sensitive field. */
  const needConsent = useCallback((path: string) => {
    fieldAwaitingConsent.current = path
    openPage(ROUTES.consent)
  }, [])

  /** Call when the page shows: re-reads the decision; returns the field that asked for it if the user agreed. */
  const recheck = useCallback((): string | undefined => {
    const decision = readSensitiveConsent()
    setConsent(decision)
    const field = decision?.agreed ? fieldAwaitingConsent.current : undefined
    fieldAwaitingConsent.current = undefined
    return field
  }, [])

  return { consent, consented: consent?.agreed === true, needConsent, recheck }
}
