/**
 * Where the self-check page is looking: which sections are collapsed, which field is highlighted, and a request to
 * open at a field (from the results page, the 进度 page's rejection reasons, or after the consent screen), which
 * expands its section, highlights and touches its block and scrolls to it once the form is there.
 */
import { useCallback, useEffect, useState } from 'react'
import type { FormSection } from '../../domain/types'
import { fieldDomId, isFormSection, sectionOfPath } from './fields'
import { takeFieldFocus, type FieldTarget } from './focus-request'
import { scrollPageTo } from '../../services/navigation'
import { useDidShow } from '../../services/page-hooks'

const scrollToSelector = (selector: string) => scrollPageTo(selector)

/** The block drawn for a field path: the longest rendered path that is the field or contains it. */
export function blockFor(field: string, renderedPaths: string[]): string | undefined {
  return [...renderedPaths].sort((a, b) => b.length - a.length).find((p) => field === p || field.startsWith(`${p}.`))
}

function without<T>(set: Set<T>, item: T): Set<T> {
  if (!set.has(item)) return set
  const next = new Set(set)
  next.delete(item)
  return next
}

export interface FieldFocusSource {
  ready: boolean
  renderedPaths: string[]
  touch(path: string): void
  initialTarget: FieldTarget | null
}

export interface FieldFocus {
  collapsed: Set<FormSection>
  highlight?: string
  clearHighlight(): void
  open(target: FieldTarget): void
  toggleSection(section: FormSection): void
  expandAll(): void
}

export function useFieldFocus({ ready, renderedPaths, touch, initialTarget }: FieldFocusSource): FieldFocus {
  const [collapsed, setCollapsed] = useState<Set<FormSection>>(() => new Set())
  const [highlight, setHighlight] = useState<string>()
  const [target, setTarget] = useState<FieldTarget | null>(initialTarget)

  useEffect(() => {
    if (!target || !ready) return
    const field = target.field
    const block = field ? blockFor(field, renderedPaths) : undefined
    const section = isFormSection(target.section) ? target.section : field ? sectionOfPath(field) : undefined
    if (section) setCollapsed((c) => without(c, section))
    if (block) {
      setHighlight(block)
      touch(block)
    }
    setTarget(null)
    const selector = block ? `#${fieldDomId(block)}` : section ? `#self-check-section-${section}` : undefined
    if (selector) setTimeout(() => scrollToSelector(selector), 150)
  }, [target, ready, renderedPaths, touch])

  const toggleSection = useCallback((section: FormSection) => {
    setCollapsed((c) => {
      const next = new Set(c)
      if (next.has(section)) next.delete(section)
      else next.add(section)
      return next
    })
  }, [])
  const clearHighlight = useCallback(() => setHighlight(undefined), [])
  const expandAll = useCallback(() => setCollapsed(new Set()), [])
  return { collapsed, highlight, clearHighlight, open: setTarget, toggleSection, expandAll }
}

/**
 * Each time the page shows, opens the field the user was on the way to: the one that sent them to the consent page
 * (when `recheckConsent` says they agreed), then any field another page asked for (check-result's 去修改).
 */
export function useFocusOnShow(focus: FieldFocus, recheckConsent: () => string | undefined): void {
  useDidShow(() => {
    const agreedField = recheckConsent()
    if (agreedField) focus.open({ field: agreedField })
    const requested = takeFieldFocus()
    if (requested) focus.open(requested)
  })
}
