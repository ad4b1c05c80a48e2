import { useEffect, useMemo, useState } from 'react'
import { Text, View } from '@tarojs/components'
import { Button } from '@nutui/nutui-react-taro'
import LoadState from '../../components/load-state'
import PageShell from '../../components/page-shell'
import { ROUTES, withQuery } from '../../constants/routes'
import { runSelfCheck } from '../../domain/self-check'
import { todayInShanghai } from '../../domain/time'
import type { Finding, Severity } from '../../domain/types'
import { useCurrentFiling } from '../../hooks/use-current-filing'
import { connectorPlatformOf } from '../../services/connector'
import { currentFilingId } from '../../services/filings'
import { restoreForm, unlockRestored, type RestoredForm } from '../../services/form-draft'
import { goBack, openPage, previousPageRoute } from '../../services/navigation'
import { SEVERITY_LABELS, fullFieldLabel, isSensitivePath, sectionOfPath } from '../self-check/fields'
import { requestFieldFocus } from '../self-check/focus-request'
import { prefilled } from '../self-check/form-answers'
import { findingsForLayout } from '../../domain/filing-form'
import { NewFilingButton } from '../../components/filing-gate'
import './index.scss'

const SEVERITIES: Severity[] = ['error', 'warning', 'info']

/** What no machine can check, said once so that an all-clear is not read as a guarantee. */
const MANUAL_CHECKS = [
  '每一项都与证件原件逐字一致；单位信息与国家企业信用信息公示系统一致',
  '证件照片是原件的彩色照片，清晰、四角完整、没有反光（材料页可以逐张检查照片）',
  '负责人手机保持畅通：平台初审通过后会收到 12381 的核验短信，须在 24 小时内完成核验'
]

/** Back to the open self-check page when there is one (it keeps its state), else a new one at the field. */
function openSelfCheck(finding?: Finding): void {
  const target = finding ? { section: sectionOfPath(finding.field), field: finding.field } : {}
  if (previousPageRoute().includes('filing/self-check')) {
    if (finding) requestFieldFocus(target)
    goBack()
  } else openPage(withQuery(ROUTES.selfCheck, target))
}

export default function CheckResultPage() {
  const current = useCurrentFiling({ reveal: true })
  const filing = current.filing
  const filingId = filing?.id ?? (current.state === 'error' ? currentFilingId() : undefined)
  const [restored, setRestored] = useState<RestoredForm>()
  const [settled, setSettled] = useState(false)

  // The filing as the user last left it: the server's copy with the device draft (not yet synced) laid over it
  useEffect(() => {
    if (!filingId || current.state === 'loading') return
    let alive = true
    const owner = !filing || filing.access === 'owner'
    const server = filing ? { form: filing.form, version: filing.version, profile: filing.profile } : undefined
    const next = owner
      ? restoreForm(filingId, server)
      : server && { ...server, baseVersion: server.version, fromDraft: false, sealed: 'none' as const }
    setRestored(next)
    setSettled(true)
    if (next?.sealed === 'locked')
      void unlockRestored(filingId, next).then((opened) => {
        if (alive) setRestored(opened)
      })
    return () => {
      alive = false
    }
  }, [filingId, filing, current.state])

  const masked = !!filing && !filing.revealed
  const today = useMemo(() => todayInShanghai(), [])
  const findings = useMemo(() => {
    if (!restored) return []
    // the form as self-check shows it: the wizard's answers filled in, an individual's findings on the person's fields
    const form = prefilled(restored.form, restored.profile)
    const all = findingsForLayout(runSelfCheck(form, { profile: restored.profile, today }), restored.profile?.ownerType)
    // masked values would fail their own format checks: an invited principal sees the rest
    return masked ? all.filter((f) => !isSensitivePath(f.field)) : all
  }, [restored, today, masked])
  const groups = useMemo(
    () => SEVERITIES.map((severity) => ({ severity, list: findings.filter((f) => f.severity === severity) })),
    [findings]
  )
  const count = (s: Severity) => groups.find((g) => g.severity === s)!.list.length

  if (!restored) {
    // an error shows once it is clear that there is no device draft to check instead
    const state =
      current.state === 'error' && (settled || !filingId) ? 'error' : current.state === 'empty' ? 'empty' : 'loading'
    return (
      <PageShell className='check-result'>
        <LoadState
          state={state}
          error={current.state === 'error' ? current.error : undefined}
          onRetry={current.reload}
          emptyTitle='还没有备案'
          emptyDescription='先用向导建立一份备案，再来自检'
          emptyAction={<NewFilingButton />}
        />
      </PageShell>
    )
  }

  const errors = count('error')
  // a WeChat or Douyin filing of the owner can go to the platform from here (issue 17)
  const onlineSubmit = filing?.access === 'owner' && !!connectorPlatformOf(filing.profile.platform)
  const warnings = count('warning')

  return (
    <PageShell
      className='check-result'
      footer={
        <View className='check-result__actions'>
          <Button className='check-result__edit' onClick={() => openSelfCheck()}>
            返回填写
          </Button>
          {errors === 0 ? (
            <Button className='check-result__next' type='primary' onClick={() => openPage(ROUTES.progress)}>
              去进度页提交
            </Button>
          ) : null}
        </View>
      }
    >
      <View
        className={`card check-result__summary check-result__summary--${errors ? 'error' : warnings ? 'warning' : 'ok'}`}
      >
        <Text className='check-result__title'>
          {errors ? `发现 ${errors} 个错误` : warnings ? '没有错误，还有几条提醒' : '没有发现问题'}
        </Text>
        <View className='check-result__counts'>
          {SEVERITIES.map((s) => (
            <Text key={s} className={`check-result__count check-result__count--${s}`}>
              {SEVERITY_LABELS[s]} {count(s)}
            </Text>
          ))}
        </View>
        <Text className='check-result__lead'>
          {errors
            ? '错误会导致平台初审驳回，请逐条改正；点一条可直接回到对应的填写项。'
            : warnings
              ? '警告不一定会被驳回，但值得逐条确认。确认无误后就可以去平台提交了。'
              : '所有能自动检查的项目都通过了。对照下方清单再核对一遍，然后去平台提交，并在进度页记下提交时间。'}
        </Text>
        {errors === 0 && onlineSubmit ? (
          <Button
            className='check-result__submit'
            type='primary'
            fill='outline'
            block
            onClick={() => openPage(withQuery(ROUTES.submit, { id: filing?.id }))}
          >
            通过备案助手在线提交
          </Button>
        ) : null}
        {restored.fromDraft ? <Text className='check-result__note'>已包含手机上尚未同步的修改。</Text> : null}
        {restored.sealed === 'locked' ? (
          <Text className='check-result__note'>手机上加密保存的敏感信息修改联网后才能计入，当前按云端的版本检查。</Text>
        ) : null}
        {masked ? (
          <Text className='check-result__note'>你看到的是打码后的信息，证件号码、手机号等只有备案创建者能检查。</Text>
        ) : null}
      </View>

      {groups.map(({ severity, list }) =>
        list.length ? (
          <View key={severity} className={`check-result__group check-result__group--${severity}`}>
            <Text className='section-title'>
              {SEVERITY_LABELS[severity]}（{list.length}）
            </Text>
            {list.map((f) => (
              <View
                key={`${f.field}:${f.code}`}
                className={`card check-result__item check-result__item--${severity}`}
                data-field={f.field}
                onClick={() => openSelfCheck(f)}
              >
                <View className='check-result__item-head'>
                  <Text className='check-result__field'>{fullFieldLabel(f.field)}</Text>
                  <Text className='check-result__go'>去修改 ›</Text>
                </View>
                <Text className='check-result__message'>{f.message}</Text>
                <Text className='check-result__fix'>怎么改：{f.fix}</Text>
              </View>
            ))}
          </View>
        ) : null
      )}

      <View className='card check-result__manual'>
        <Text className='check-result__manual-title'>自检查不到的，请自己确认</Text>
        {MANUAL_CHECKS.map((item) => (
          <Text key={item} className='check-result__manual-item'>
            · {item}
          </Text>
        ))}
      </View>
    </PageShell>
  )
}
