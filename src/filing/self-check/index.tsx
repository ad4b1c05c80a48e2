import { useMemo } from 'react'
import { useRouter } from '../../services/page-hooks'
import ConflictDialog from '../../components/conflict-dialog'
import PageShell from '../../components/page-shell'
import { ROUTES } from '../../constants/routes'
import { useCurrentFiling } from '../../hooks/use-current-filing'
import { currentFilingId } from '../../services/filings'
import { openPage } from '../../services/navigation'
import { filingTitle } from './form-answers'
import { EditorNotices, FormSectionCard, IntroCard, SelfCheckLoadState, SyncFooter } from './page-parts'
import { conflictRowsFor, parseTarget, useBlockContext, useFindings } from './page-state'
import { useCheckVisibility } from './use-check-visibility'
import { useFieldFocus, useFocusOnShow } from './use-field-focus'
import { useFormEditor } from './use-form-editor'
import { useSensitiveConsent } from './use-sensitive-consent'
import './index.scss'

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

  useFocusOnShow(focus, consent.recheck)

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
