import { useState } from 'react'
import { Text, View } from '@tarojs/components'
import { useRouter } from '../../services/page-hooks'
import FilingGate from '../../components/filing-gate'
import PageShell from '../../components/page-shell'
import { ROUTES, withQuery } from '../../constants/routes'
import { useCurrentFiling } from '../../hooks/use-current-filing'
import { connectorPlatformOf } from '../../services/connector'
import { openPage } from '../../services/navigation'
import { PLATFORM_NAMES } from '../../services/submission'
import { sectionOfPath } from '../self-check/fields'
import CancelCard from './cancel-card'
import ConsentCard from './consent-card'
import ExtrasCard from './extras-card'
import FaceCard from './face-card'
import FindingsCard from './findings-card'
import NoApiPage from './no-api-page'
import PhotosCard from './photos-card'
import StatusBlock from './status-block'
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

  if (!filing) return <FilingGate current={current} className='submit' emptyDescription='先新建一份备案，再提交。' />
  if (!provider) return <NoApiPage />

  const name = PLATFORM_NAMES[provider]
  const view = s.view
  const consented = agreed || !!view?.consentAt
  const status = <StatusBlock filingId={filing.id} error={s.error} notice={s.notice} owner={owner} />

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
          <PhotosCard
            filingId={filing.id}
            platform={filing.profile.platform}
            platformName={name}
            view={view}
            consented={consented}
            onUploaded={s.reload}
          />
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
      {view && cancelling ? <CancelCard busy={s.busy} onCancel={(kind) => void s.cancel(kind)} /> : null}
    </PageShell>
  )
}
