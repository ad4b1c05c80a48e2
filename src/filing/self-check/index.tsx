import { useCallback, useEffect, useMemo, useRef, useState } from 'react'
import { Text, View } from '@tarojs/components'
import Taro, { useDidShow, useRouter } from '@tarojs/taro'
import { Button, NoticeBar } from '@nutui/nutui-react-taro'
import ConflictDialog from '../../components/conflict-dialog'
import LoadState from '../../components/load-state'
import PageShell from '../../components/page-shell'
import { ROUTES } from '../../constants/routes'
import { runSelfCheck } from '../../domain/selfCheck'
import { todayInShanghai } from '../../domain/time'
import type { Finding, FormSection } from '../../domain/types'
import { useCurrentFiling } from '../../hooks/use-current-filing'
import { readSensitiveConsent } from '../../services/consent'
import { currentFilingId } from '../../services/filings'
import { diffForms } from '../../services/form-draft'
import { openPage } from '../../services/navigation'
import { SECTIONS, fieldDomId, findingsByField, fullFieldLabel, getPath, isFormSection, sectionOfPath } from './fields'
import { takeFieldFocus, type FieldTarget } from './focus-request'
import { FieldBlock, describeValue, sectionSpecs, type BlockContext } from './sections'
import { useFormEditor, type SyncStatus } from './use-form-editor'
import { NewFilingButton } from '../../components/filing-gate'
import './index.scss'

const STATUS_TEXT: Record<SyncStatus['kind'], string> = {
  idle: '',
  'saved-locally': '已保存在手机上',
  syncing: '正在同步到云端…',
  synced: '已保存到云端',
  offline: '已保存在手机上，联网后同步',
  invalid: '已保存在手机上；有信息格式不正确，改正后自动同步',
  conflict: '这份备案在别处被修改过，请选择保留哪一份',
  failed: '已保存在手机上，暂时没能同步'
}

function hasValue(value: unknown): boolean {
  return Array.isArray(value) ? value.length > 0 : typeof value === 'string' ? value.trim() !== '' : value != null
}

function scrollToSelector(selector: string): void {
  try {
    Promise.resolve(Taro.pageScrollTo({ selector, duration: 300, offsetTop: -80 })).catch(() => undefined)
  } catch {
    // scrolling is a nicety: the highlighted field is still there
  }
}

function parseTarget(params: Record<string, string | undefined>): FieldTarget | null {
  const section = params.section ? decodeURIComponent(params.section) : undefined
  const field = params.field ? decodeURIComponent(params.field) : undefined
  return section || field ? { section, field } : null
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

  const [consent, setConsent] = useState(() => readSensitiveConsent())
  const consented = consent?.agreed === true
  const [touched, setTouched] = useState<Set<string>>(() => new Set())
  const [showAll, setShowAll] = useState(false)
  const [collapsed, setCollapsed] = useState<Set<FormSection>>(() => new Set())
  const [highlight, setHighlight] = useState<string>()
  const [provincePickerOpen, setProvincePickerOpen] = useState(false)
  const [target, setTarget] = useState<FieldTarget | null>(() => parseTarget(params))
  const filledAtOpen = useRef<Set<string> | null>(null)
  const fieldAwaitingConsent = useRef<string>()

  useDidShow(() => {
    const decision = readSensitiveConsent()
    setConsent(decision)
    if (decision?.agreed && fieldAwaitingConsent.current) setTarget({ field: fieldAwaitingConsent.current })
    fieldAwaitingConsent.current = undefined
    const requested = takeFieldFocus()
    if (requested) setTarget(requested)
  })

  const today = useMemo(() => todayInShanghai(), [])
  const findings = useMemo(() => (form ? runSelfCheck(form, { profile, today }) : []), [form, profile, today])
  const specs = useMemo(
    () => (form ? SECTIONS.map((s) => ({ section: s, fields: sectionSpecs(s.key, form, profile) })) : []),
    [form, profile]
  )
  const renderedPaths = useMemo(() => specs.flatMap((s) => s.fields.map((f) => f.path)), [specs])
  const byField = useMemo(() => findingsByField(findings, renderedPaths), [findings, renderedPaths])

  // What was already filled in when the page opened is checked at once; the rest once the user has been there
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

  const edit = useCallback(
    (path: string, value: unknown) => {
      setHighlight(undefined)
      editor.edit(path, value)
    },
    [editor]
  )

  const needConsent = useCallback((path: string) => {
    fieldAwaitingConsent.current = path
    openPage(ROUTES.consent)
  }, [])

  // Open at a field (from the results page, the 进度 page's rejection reasons, or after the consent screen)
  useEffect(() => {
    if (!target || !editor.ready) return
    const field = target.field
    const block = field
      ? [...renderedPaths].sort((a, b) => b.length - a.length).find((p) => field === p || field.startsWith(`${p}.`))
      : undefined
    const section = isFormSection(target.section) ? target.section : field ? sectionOfPath(field) : undefined
    if (section)
      setCollapsed((c) => {
        if (!c.has(section)) return c
        const next = new Set(c)
        next.delete(section)
        return next
      })
    if (block) {
      setHighlight(block)
      touch(block)
    }
    setTarget(null)
    const selector = block ? `#${fieldDomId(block)}` : section ? `#self-check-section-${section}` : undefined
    if (selector) setTimeout(() => scrollToSelector(selector), 150)
  }, [target, editor.ready, renderedPaths, touch])

  const blockContext: BlockContext | undefined = form
    ? {
        form,
        readOnly,
        consented,
        sealedLocked: editor.sealed === 'locked',
        highlight,
        provincePickerOpen,
        toggleProvincePicker: () => setProvincePickerOpen((o) => !o),
        findingsFor: (path) => (visible(path) ? (byField.get(path) ?? []) : []),
        // the server's message only where the self-check itself sees no error (else it would say it twice)
        serverErrorsFor: (path) =>
          (byField.get(path) ?? []).some((f) => f.severity === 'error')
            ? []
            : Object.entries(editor.serverErrors)
                .filter(([p]) => p === path || p.startsWith(`${path}.`))
                .flatMap(([, messages]) => messages),
        edit,
        touch,
        needConsent
      }
    : undefined

  const counts = useMemo(() => {
    const out = { error: 0, warning: 0, info: 0 }
    for (const f of findings) out[f.severity]++
    return out
  }, [findings])

  function startCheck() {
    setShowAll(true)
    setCollapsed(new Set())
    const first = findings.find((f) => f.severity === 'error')
    if (first) setTarget({ field: first.field })
  }

  function openResults() {
    editor.flushNow()
    openPage(ROUTES.checkResult)
  }

  const conflictRows = useMemo(() => {
    if (!editor.conflict || !form) return []
    const theirs = editor.conflict.form
    return diffForms(form, theirs).map((d) => ({
      label: fullFieldLabel(d.path),
      mine: describeValue(d.path, d.mine, form),
      theirs: describeValue(d.path, d.theirs, theirs)
    }))
  }, [editor.conflict, form])

  if (!editor.ready || !form || !blockContext) {
    return (
      <PageShell className='self-check'>
        <LoadState
          state={current.state === 'ready' ? 'loading' : current.state}
          error={current.state === 'error' ? current.error : undefined}
          onRetry={current.reload}
          emptyTitle='还没有备案'
          emptyDescription='先用向导建立一份备案，再来逐项自检'
          emptyAction={<NewFilingButton className='self-check__new' />}
        />
      </PageShell>
    )
  }

  const statusText = STATUS_TEXT[editor.status.kind]
  const unclaimed = (byField.get('') ?? []).filter((f) => visible(f.field))

  return (
    <PageShell
      className='self-check'
      footer={
        readOnly ? undefined : (
          <View className='self-check__footer'>
            {statusText ? (
              <Text className={`self-check__sync-status self-check__sync-status--${editor.status.kind}`}>
                {statusText}
                {editor.status.kind === 'failed' ? `（${editor.status.message}）` : ''}
              </Text>
            ) : null}
            <View className='self-check__actions'>
              <Button className='self-check__start' onClick={startCheck}>
                开始自检
              </Button>
              <Button className='self-check__results' type='primary' onClick={openResults}>
                查看自检结果
              </Button>
            </View>
          </View>
        )
      }
    >
      <View className='card self-check__intro'>
        <Text className='self-check__title'>{current.filing?.title ?? '信息自检'}</Text>
        <Text className='muted'>
          按平台备案表单的顺序逐项填写，填完一项就按备案规则检查一项。每次修改都会先加密保存在手机上，再同步到云端。
        </Text>
        {readOnly ? null : (
          <Text className='self-check__link self-check__consent-link' onClick={() => openPage(ROUTES.consent)}>
            敏感个人信息处理说明 ›
          </Text>
        )}
        {showAll ? (
          <Text className='self-check__counts'>
            错误 {counts.error} · 警告 {counts.warning} · 提示 {counts.info}
          </Text>
        ) : null}
      </View>

      {readOnly ? (
        <NoticeBar
          className='self-check__notice self-check__notice--readonly'
          wrap
          content='你是受邀的负责人：这里只显示打码后的信息，只有创建这份备案的人能修改。'
        />
      ) : null}
      {!readOnly && consent && !consent.agreed ? (
        <View className='card self-check__notice self-check__notice--declined'>
          <Text className='self-check__notice-text'>
            你没有同意处理敏感个人信息：证件号码、手机号码、地址等不能在这里填写，其他信息仍可填写和自检。
          </Text>
          <Text className='self-check__link' onClick={() => openPage(ROUTES.consent)}>
            重新查看说明 ›
          </Text>
        </View>
      ) : null}
      {editor.sealed === 'locked' ? (
        <NoticeBar
          className='self-check__notice self-check__notice--locked'
          wrap
          content='已恢复上次未同步的修改。其中的敏感信息加密保存在手机上，联网后自动解密恢复。'
        />
      ) : null}
      {editor.sealed === 'unreadable' ? (
        <NoticeBar
          className='self-check__notice self-check__notice--unreadable'
          wrap
          content='手机上有一份无法解密的敏感信息草稿（可能属于其他账号），已忽略；其余修改已恢复。'
        />
      ) : null}
      {editor.lastWrite && !editor.lastWrite.stored ? (
        <NoticeBar
          className='self-check__notice self-check__notice--storage'
          wrap
          content='手机存储空间不足，最新的修改没能保存在手机上。请联网同步，或清理存储空间。'
        />
      ) : null}
      {editor.lastWrite?.sensitive === 'memory' ? (
        <NoticeBar
          className='self-check__notice self-check__notice--memory'
          wrap
          content='敏感信息要联网取得密钥后才能加密保存在手机上；联网前请不要关闭小程序。'
        />
      ) : null}

      {specs.map(({ section, fields }) => {
        const isCollapsed = collapsed.has(section.key)
        const sectionFindings: Finding[] = fields
          .flatMap((f) => blockContext.findingsFor(f.path))
          .filter((f) => f.severity === 'error')
        return (
          <View
            key={section.key}
            id={`self-check-section-${section.key}`}
            className={`card self-check__section self-check__section--${section.key}`}
          >
            <View
              className='self-check__section-head'
              onClick={() =>
                setCollapsed((c) => {
                  const next = new Set(c)
                  if (next.has(section.key)) next.delete(section.key)
                  else next.add(section.key)
                  return next
                })
              }
            >
              <Text className='self-check__section-title'>{section.title}</Text>
              {sectionFindings.length ? (
                <Text className='self-check__section-count'>{sectionFindings.length} 个错误</Text>
              ) : null}
              <Text className='self-check__section-toggle'>{isCollapsed ? '展开' : '收起'}</Text>
            </View>
            {isCollapsed ? null : (
              <View className='self-check__section-body'>
                <Text className='self-check__section-hint'>{section.hint}</Text>
                {unclaimed
                  .filter((f) => sectionOfPath(f.field) === section.key)
                  .map((f) => (
                    <View
                      key={`${f.field}:${f.code}`}
                      className={`form-field__finding form-field__finding--${f.severity}`}
                    >
                      <Text className='form-field__message'>{f.message}</Text>
                      <Text className='form-field__fix'>{f.fix}</Text>
                    </View>
                  ))}
                {fields.map((spec) => (
                  <FieldBlock key={spec.path} spec={spec} ctx={blockContext} />
                ))}
              </View>
            )}
          </View>
        )
      })}

      <ConflictDialog
        visible={!!editor.conflict}
        rows={conflictRows}
        onUseMine={editor.keepMine}
        onUseTheirs={editor.takeTheirs}
      />
    </PageShell>
  )
}
