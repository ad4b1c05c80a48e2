/** The self-check page's pieces, top to bottom: intro, notices, one card per form section, and the footer. */
import { Text, View } from '@tarojs/components'
import { Button, NoticeBar } from '@nutui/nutui-react-taro'
import LoadState from '../../components/load-state'
import { NewFilingButton } from '../../components/filing-gate'
import PageShell from '../../components/page-shell'
import { ROUTES } from '../../constants/routes'
import type { Finding, Severity } from '../../domain/types'
import type { useCurrentFiling } from '../../hooks/use-current-filing'
import type { SensitiveConsent } from '../../services/consent'
import type { DraftWriteResult, SealedState } from '../../services/form-draft'
import { openPage } from '../../services/navigation'
import { FieldBlock, type BlockContext } from './field-block'
import type { FieldSpec } from './field-specs'
import { sectionOfPath, type SectionInfo } from './fields'
import type { SyncStatus } from './use-form-editor'

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

/** Loading, failed, or no filing yet (then 新建备案). */
export function SelfCheckLoadState({ current }: { current: ReturnType<typeof useCurrentFiling> }) {
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

export function SyncFooter(props: { status: SyncStatus; onStart(): void; onResults(): void }) {
  const { status } = props
  const statusText = STATUS_TEXT[status.kind]
  return (
    <View className='self-check__footer'>
      {statusText ? (
        <Text className={`self-check__sync-status self-check__sync-status--${status.kind}`}>
          {statusText}
          {status.kind === 'failed' ? `（${status.message}）` : ''}
        </Text>
      ) : null}
      <View className='self-check__actions'>
        <Button className='self-check__start' onClick={props.onStart}>
          开始自检
        </Button>
        <Button className='self-check__results' type='primary' onClick={props.onResults}>
          查看自检结果
        </Button>
      </View>
    </View>
  )
}

export function IntroCard(props: { title?: string; readOnly: boolean; counts?: Record<Severity, number> }) {
  const { counts } = props
  return (
    <View className='card self-check__intro'>
      <Text className='self-check__title'>{props.title ?? '信息自检'}</Text>
      <Text className='muted'>
        按平台备案表单的顺序逐项填写，填完一项就按备案规则检查一项。每次修改都会先加密保存在手机上，再同步到云端。
      </Text>
      {props.readOnly ? null : (
        <Text className='self-check__link self-check__consent-link' onClick={() => openPage(ROUTES.consent)}>
          敏感个人信息处理说明 ›
        </Text>
      )}
      {counts ? (
        <Text className='self-check__counts'>
          错误 {counts.error} · 警告 {counts.warning} · 提示 {counts.info}
        </Text>
      ) : null}
    </View>
  )
}

function Notice({ kind, content }: { kind: string; content: string }) {
  return <NoticeBar className={`self-check__notice self-check__notice--${kind}`} wrap content={content} />
}

export function EditorNotices(props: {
  readOnly: boolean
  consent?: SensitiveConsent
  sealed: SealedState
  lastWrite?: DraftWriteResult
}) {
  const { readOnly, consent, sealed, lastWrite } = props
  return (
    <>
      {readOnly ? (
        <Notice kind='readonly' content='你是受邀的负责人：这里只显示打码后的信息，只有创建这份备案的人能修改。' />
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
      {sealed === 'locked' ? (
        <Notice kind='locked' content='已恢复上次未同步的修改。其中的敏感信息加密保存在手机上，联网后自动解密恢复。' />
      ) : null}
      {sealed === 'unreadable' ? (
        <Notice
          kind='unreadable'
          content='手机上有一份无法解密的敏感信息草稿（可能属于其他账号），已忽略；其余修改已恢复。'
        />
      ) : null}
      {lastWrite && !lastWrite.stored ? (
        <Notice kind='storage' content='手机存储空间不足，最新的修改没能保存在手机上。请联网同步，或清理存储空间。' />
      ) : null}
      {lastWrite?.sensitive === 'memory' ? (
        <Notice kind='memory' content='敏感信息要联网取得密钥后才能加密保存在手机上；联网前请不要关闭小程序。' />
      ) : null}
    </>
  )
}

function FindingNote({ finding }: { finding: Finding }) {
  return (
    <View className={`form-field__finding form-field__finding--${finding.severity}`}>
      <Text className='form-field__message'>{finding.message}</Text>
      <Text className='form-field__fix'>{finding.fix}</Text>
    </View>
  )
}

export function FormSectionCard(props: {
  section: SectionInfo
  fields: FieldSpec[]
  collapsed: boolean
  onToggle(): void
  /** Visible findings no rendered block claims: shown at the top of their section. */
  unclaimed: Finding[]
  ctx: BlockContext
}) {
  const { section, fields, collapsed, ctx } = props
  const errorCount = fields.flatMap((f) => ctx.findingsFor(f.path)).filter((f) => f.severity === 'error').length
  return (
    <View
      id={`self-check-section-${section.key}`}
      className={`card self-check__section self-check__section--${section.key}`}
    >
      <View className='self-check__section-head' onClick={props.onToggle}>
        <Text className='self-check__section-title'>{section.title}</Text>
        {errorCount ? <Text className='self-check__section-count'>{errorCount} 个错误</Text> : null}
        <Text className='self-check__section-toggle'>{collapsed ? '展开' : '收起'}</Text>
      </View>
      {collapsed ? null : (
        <View className='self-check__section-body'>
          <Text className='self-check__section-hint'>{section.hint}</Text>
          {props.unclaimed
            .filter((f) => sectionOfPath(f.field) === section.key)
            .map((f) => (
              <FindingNote key={`${f.field}:${f.code}`} finding={f} />
            ))}
          {fields.map((spec) => (
            <FieldBlock key={spec.path} spec={spec} ctx={ctx} />
          ))}
        </View>
      )}
    </View>
  )
}
