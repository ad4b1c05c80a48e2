import { useState } from 'react'
import { Text, View } from '@tarojs/components'
import { useRouter } from '../../services/page-hooks'
import { Button, Dialog } from '@nutui/nutui-react-taro'
import FilingGate from '../../components/filing-gate'
import PageShell from '../../components/page-shell'
import { ROUTES, withQuery } from '../../constants/routes'
import { useCurrentFiling } from '../../hooks/use-current-filing'
import { connectorPlatformOf } from '../../services/connector'
import { openPage } from '../../services/navigation'
import { CANCEL_KINDS, PLATFORM_NAMES, type CancelKind } from '../../services/submission'
import { sectionOfPath } from '../self-check/fields'
import ConsentCard from './consent-card'
import ExtrasCard from './extras-card'
import FaceCard from './face-card'
import FindingsCard from './findings-card'
import PhotoSlot from './photo-slot'
import SubmitCard from './submit-card'
import { useSubmission } from './use-submission'
import './index.scss'

const openField = (field: string) => openPage(withQuery(ROUTES.selfCheck, { section: sectionOfPath(field), field }))

/**
 * 提交备案: the checked filing goes to the platform through its own API — consent, photos (checked on the phone,
 * then uploaded), the principal's face check, then 提交备案; afterwards 撤回 while the platform reviews, and 注销
 * for a cancel filing. An invited principal sees only the face check: what to do on their phone, by when.
 */
export default function SubmitPage() {
  const router = useRouter()
  const current = useCurrentFiling({ id: router.params?.id || undefined })
  const filing = current.filing
  const provider = filing ? connectorPlatformOf(filing.profile.platform) : undefined
  const owner = filing?.access === 'owner'
  const s = useSubmission(provider ? filing?.id : undefined, owner)
  const [agreed, setAgreed] = useState(false)
  const [cancelKind, setCancelKind] = useState<CancelKind | undefined>()

  if (!filing) return <FilingGate current={current} className='submit' emptyDescription='先新建一份备案，再提交。' />
  if (!provider)
    return (
      <PageShell className='submit'>
        <View className='card'>
          <Text className='submit__title'>这个平台不能在线提交</Text>
          <Text className='submit__text'>目前只有微信和抖音小程序可以通过备案助手提交，请在平台的备案页面提交。</Text>
        </View>
      </PageShell>
    )

  const name = PLATFORM_NAMES[provider]
  const view = s.view
  const consented = agreed || !!view?.consentAt
  const notConnected = s.error.includes('连接')
  const status = (
    <>
      {s.error ? (
        <View className='card submit__error' role='alert'>
          <Text>{s.error}</Text>
          {notConnected && owner ? (
            <Button
              type='primary'
              block
              className='submit__connect'
              onClick={() => openPage(withQuery(ROUTES.connect, { id: filing.id }))}
            >
              去连接小程序
            </Button>
          ) : null}
        </View>
      ) : null}
      {s.notice ? (
        <View className='card submit__notice' role='status'>
          {s.notice}
        </View>
      ) : null}
    </>
  )

  if (!owner)
    return (
      <PageShell className='submit'>
        {s.face ? (
          <FaceCard face={s.face} platform={provider} owner={false} busy={s.busy} onRefresh={s.refreshFace} />
        ) : null}
        {status}
      </PageShell>
    )

  const cancelling = filing.profile.filingType === 'cancel'
  return (
    <PageShell className='submit'>
      <View className='card submit__head'>
        <Text className='submit__title'>
          {cancelling ? '注销备案' : '提交备案'}到{name}
        </Text>
        {view ? <Text className='submit__text'>小程序 AppID：{view.appId}</Text> : null}
      </View>
      {status}
      {view && !cancelling ? (
        <>
          <ConsentCard platformName={name} consented={consented} onAgree={() => setAgreed(true)} />
          <View className='card submit__slots'>
            <Text className='submit__title'>
              照片（{view.slots.filter((x) => x.uploaded).length}/{view.slots.length}）
            </Text>
            <Text className='submit__text'>每张照片先在手机上检查格式、大小和清晰度，再上传到{name}。</Text>
            {view.slots.map((slot) => (
              <PhotoSlot
                key={slot.slot}
                filingId={filing.id}
                platform={filing.profile.platform}
                slot={slot}
                enabled={consented && view.stage !== 'platform_review'}
                onUploaded={s.reload}
              />
            ))}
          </View>
          <ExtrasCard findings={view.mappingFindings} extras={view.extras} busy={s.busy} onSave={s.saveExtras} />
          <FindingsCard
            className='submit__mapping'
            title='平台不认识的填写'
            hint={`这些值不能按${name}的要求提交（代码表里找不到，或缺少平台要求的内容），请改正。`}
            findings={view.mappingFindings.filter((f) => !f.field.startsWith('extras.'))}
            onFix={openField}
          />
          <FindingsCard
            className='submit__refusal'
            title={`${name}退回了上次提交`}
            hint={s.refusal?.message ?? '平台指出了下面这些字段，改正后重新提交。'}
            findings={s.refusal?.findings.length ? s.refusal.findings : view.platformFindings}
            onFix={openField}
          />
          <FaceCard
            face={view.face}
            platform={provider}
            owner
            busy={s.busy}
            onStart={s.startFace}
            onRefresh={s.refreshFace}
          />
          <SubmitCard view={view} busy={s.busy} onSubmit={s.submit} onWithdraw={s.withdraw} />
        </>
      ) : null}
      {view && cancelling ? (
        <View className='card submit__cancel'>
          <Text className='submit__text'>选择要注销的内容。提交后工信部会向负责人发送核验短信，须按短信完成核验。</Text>
          {CANCEL_KINDS.map((k) => (
            <Button
              key={k.kind}
              block
              className={`submit__cancel-kind submit__cancel-kind--${k.kind}`}
              disabled={s.busy}
              onClick={() => setCancelKind(k.kind)}
            >
              {k.label}
            </Button>
          ))}
        </View>
      ) : null}
      <Dialog
        className='submit__cancel-confirm'
        visible={!!cancelKind}
        title={CANCEL_KINDS.find((k) => k.kind === cancelKind)?.label ?? ''}
        confirmText='确认注销'
        cancelText='取消'
        onConfirm={() => {
          const kind = cancelKind
          setCancelKind(undefined)
          if (kind) void s.cancel(kind)
        }}
        onCancel={() => setCancelKind(undefined)}
        content={`${CANCEL_KINDS.find((k) => k.kind === cancelKind)?.detail ?? ''}。注销提交后不能撤回。`}
      />
    </PageShell>
  )
}
