/**
 * Which fields show their findings yet: what was already filled in when the page opened is checked at once, the rest
 * once the user has been there (touched it) or asked for the whole check.
 */
import { useCallback, useRef, useState } from 'react'
import type { FilingForm } from '../../domain/types'
import { getPath } from './fields'

export function hasValue(value: unknown): boolean {
  return Array.isArray(value) ? value.length > 0 : typeof value === 'string' ? value.trim() !== '' : value != null
}

export interface CheckVisibility {
  /** The user asked for the whole check (开始自检): every finding shows. */
  showAll: boolean
  showEverything(): void
  visible(path: string): boolean
  touch(path: string): void
}

export function useCheckVisibility(form: FilingForm | undefined, renderedPaths: string[]): CheckVisibility {
  const [touched, setTouched] = useState<Set<string>>(() => new Set())
  const [showAll, setShowAll] = useState(false)
  const filledAtOpen = useRef<Set<string> | null>(null)

  if (form && !filledAtOpen.current) {
    filledAtOpen.current = new Set(renderedPaths.filter((p) => hasValue(getPath(form, p))))
  }
  const visible = useCallback(
    (path: string) => showAll || touched.has(path) || !!filledAtOpen.current?.has(path),
    [showAll, touched]
  )
  const touch = useCallback((path: string) => {
    setTouched((t) => (t.has(path) ? t : new Set(t).add(path)))
  }, [])
  const showEverything = useCallback(() => setShowAll(true), [])
  return { showAll, showEverything, visible, touch }
}
