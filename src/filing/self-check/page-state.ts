/**
 * What the 信息自检 page computes from its form: the findings and the fields drawn for them, the block context every
 * field block reads, the conflict rows, and the field a link asks to focus. Kept apart so the page reads as layout.
 */
import { useCallback, useMemo, useState } from 'react'
import { findingsForLayout } from '../../domain/filing-form'
import { runSelfCheck } from '../../domain/self-check'
import { todayInShanghai } from '../../domain/time'
import type { FilingForm, FilingProfile, Finding, Severity } from '../../domain/types'
import type { FieldErrors, FilingView } from '../../services/api-types'
import { diffForms } from '../../services/form-draft'
import type { BlockContext } from './field-block'
import { describeValue } from './field-specs'
import { findingsByField, fullFieldLabel } from './fields'
import type { FieldTarget } from './focus-request'
import { pageSections } from './layout'
import type { CheckVisibility } from './use-check-visibility'
import type { FieldFocus } from './use-field-focus'
import type { FormEditor } from './use-form-editor'
import type { useSensitiveConsent } from './use-sensitive-consent'

export function parseTarget(params: Record<string, string | undefined>): FieldTarget | null {
  const section = params.section ? decodeURIComponent(params.section) : undefined
  const field = params.field ? decodeURIComponent(params.field) : undefined
  return section || field ? { section, field } : null
}

/** The findings, the fields drawn for them, and which finding goes under which field. */
export function useFindings(form: FilingForm | undefined, profile: FilingProfile | undefined) {
  const today = useMemo(() => todayInShanghai(), [])
  // an individual's principals are copies of the person: their findings show on the fields the person typed
  const findings = useMemo(
    () => (form ? findingsForLayout(runSelfCheck(form, { profile, today }), profile?.ownerType) : []),
    [form, profile, today]
  )
  const specs = useMemo(() => (form ? pageSections(form, profile) : []), [form, profile])
  const renderedPaths = useMemo(() => specs.flatMap((s) => s.fields.map((f) => f.path)), [specs])
  const byField = useMemo(() => findingsByField(findings, renderedPaths), [findings, renderedPaths])
  const counts = useMemo(() => {
    const out: Record<Severity, number> = { error: 0, warning: 0, info: 0 }
    for (const f of findings) out[f.severity]++
    return out
  }, [findings])
  return { findings, specs, renderedPaths, byField, counts }
}

/** The server's message only where the self-check itself sees no error (else it would say it twice). */
function serverErrorsAt(path: string, own: Finding[], serverErrors: FieldErrors): string[] {
  if (own.some((f) => f.severity === 'error')) return []
  return Object.entries(serverErrors)
    .filter(([p]) => p === path || p.startsWith(`${path}.`))
    .flatMap(([, messages]) => messages)
}

export function conflictRowsFor(mine: FilingForm | undefined, latest: FilingView | null) {
  if (!latest || !mine) return []
  return diffForms(mine, latest.form).map((d) => ({
    label: fullFieldLabel(d.path),
    mine: describeValue(d.path, d.mine, mine),
    theirs: describeValue(d.path, d.theirs, latest.form)
  }))
}

interface BlockContextSource {
  editor: FormEditor
  check: CheckVisibility
  focus: FieldFocus
  consent: ReturnType<typeof useSensitiveConsent>
  byField: Map<string, Finding[]>
}

/** What every field block needs from the page; undefined until the form is there. */
export function useBlockContext({
  editor,
  check,
  focus,
  consent,
  byField
}: BlockContextSource): BlockContext | undefined {
  const [provincePickerOpen, setProvincePickerOpen] = useState(false)
  const { clearHighlight } = focus
  const edit = useCallback(
    (path: string, value: unknown) => {
      clearHighlight()
      editor.edit(path, value)
    },
    [editor, clearHighlight]
  )
  const form = editor.form
  if (!editor.ready || !form) return undefined
  return {
    form,
    readOnly: editor.readOnly,
    consented: consent.consented,
    sealedLocked: editor.sealed === 'locked',
    highlight: focus.highlight,
    provincePickerOpen,
    toggleProvincePicker: () => setProvincePickerOpen((o) => !o),
    findingsFor: (path) => (check.visible(path) ? (byField.get(path) ?? []) : []),
    serverErrorsFor: (path) => serverErrorsAt(path, byField.get(path) ?? [], editor.serverErrors),
    edit,
    touch: check.touch,
    needConsent: consent.needConsent
  }
}
