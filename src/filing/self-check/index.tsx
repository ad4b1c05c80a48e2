import { useCallback, useMemo, useState } from 'react'
import { useDidShow, useRouter } from '../../services/page-hooks'
import ConflictDialog from '../../components/conflict-dialog'
import PageShell from '../../components/page-shell'
import { ROUTES } from '../../constants/routes'
import { runSelfCheck } from '../../domain/self-check'
import { todayInShanghai } from '../../domain/time'
import type { FilingForm, FilingProfile, Finding, Severity } from '../../domain/types'
import { useCurrentFiling } from '../../hooks/use-current-filing'
import type { FieldErrors, FilingView } from '../../services/api-types'
import { currentFilingId } from '../../services/filings'
import { diffForms } from '../../services/form-draft'
import { openPage } from '../../services/navigation'
import type { BlockContext } from './field-block'
import { findingsForLayout } from '../../domain/filing-form'
import { describeValue } from './field-specs'
import { findingsByField, fullFieldLabel } from './fields'
import { filingTitle } from './form-answers'
import { pageSections } from './layout'
import { takeFieldFocus, type FieldTarget } from './focus-request'
import { EditorNotices, FormSectionCard, IntroCard, SelfCheckLoadState, SyncFooter } from './page-parts'
import { useCheckVisibility, type CheckVisibility } from './use-check-visibility'
import { useFieldFocus, type FieldFocus } from './use-field-focus'
import { useFormEditor, type FormEditor } from './use-form-editor'
import { useSensitiveConsent } from './use-sensitive-consent'
import './index.scss'

function parseTarget(params: Record<string, string | undefined>): FieldTarget | null {
  const section = params.section ? decodeURIComponent(params.section) : undefined
  const field = params.field ? decodeURIComponent(params.field) : undefined
  return section || field ? { section, field } : null
}

/** The findings, the fields drawn for them, and which finding goes under which field. */
function useFindings(form: FilingForm | undefined, profile: FilingProfile | undefined) {
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

function conflictRowsFor(mine: FilingForm | undefined, latest: FilingView | null) {
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
function useBlockContext({ editor, check, focus, consent, byField }: BlockContextSource): BlockContext | undefined {
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

export default function SelfCheckPage() {
  const params = useRouter()?.params ?? {}
  const current = useCurrentFiling({ reveal: true })
  const filingId = current.filing?.id ?? (current.state === 'error' ? currentFilingId() : undefined)
  const editor = useFormEditor({
    filingId,
    server: current.filing,
    loadFailed: current.state === 'error',
    onReplace: current.replace
  })
  const { form, profile, readOnly } = editor
  const { findings, specs, renderedPaths, byField, counts } = useFindings(form, profile)
  const check = useCheckVisibility(form, renderedPaths)
  const focus = useFieldFocus({
    ready: editor.ready,
    renderedPaths,
    touch: check.touch,
    initialTarget: parseTarget(params)
  })
  const consent = useSensitiveConsent()
  const conflictRows = useMemo(() => conflictRowsFor(form, editor.conflict), [editor.conflict, form])

  useDidShow(() => {
    const agreedField = consent.recheck()
    if (agreedField) focus.open({ field: agreedField })
    const requested = takeFieldFocus()
    if (requested) focus.open(requested)
  })

  const blockContext = useBlockContext({ editor, check, focus, consent, byField })

  if (!editor.ready || !form || !blockContext) return <SelfCheckLoadState current={current} />

  function startCheck() {
    check.showEverything()
    focus.expandAll()
    const first = findings.find((f) => f.severity === 'error')
    if (first) focus.open({ field: first.field })
  }

  function openResults() {
    editor.flushNow()
    openPage(ROUTES.checkResult)
  }

  return (
    <PageShell
      className='self-check'
      footer={readOnly ? undefined : <SyncFooter status={editor.status} onStart={startCheck} onResults={openResults} />}
    >
      <IntroCard
        title={profile ? filingTitle(profile) : current.filing?.title}
        readOnly={readOnly}
        counts={check.showAll ? counts : undefined}
      />
      <EditorNotices
        readOnly={readOnly}
        consent={consent.consent}
        sealed={editor.sealed}
        lastWrite={editor.lastWrite}
      />
      {specs.map(({ section, fields }) => (
        <FormSectionCard
          key={section.key}
          section={section}
          fields={fields}
          collapsed={focus.collapsed.has(section.key)}
          onToggle={() => focus.toggleSection(section.key)}
          unclaimed={(byField.get('') ?? []).filter((f) => check.visible(f.field))}
          ctx={blockContext}
        />
      ))}
      <ConflictDialog
        visible={!!editor.conflict}
        rows={conflictRows}
        onUseMine={editor.keepMine}
        onUseTheirs={editor.takeTheirs}
      />
    </PageShell>
  )
}
