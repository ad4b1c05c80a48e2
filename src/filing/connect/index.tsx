import { View } from '@tarojs/components'
import { useRouter } from '../../services/page-hooks'
import FilingGate, { PageNotice } from '../../components/filing-gate'
import PageShell from '../../components/page-shell'
import { useCurrentFiling } from '../../hooks/use-current-filing'
import { PLATFORM_NAMES, connectorPlatformOf } from '../../services/connector'
import AuthCard from './auth-card'
import IntroCard from './intro-card'
import NoticesCard from './notices-card'
import StatusCard, { DisconnectDialog } from './status-card'
import { useConnection } from './use-connection'
import './index.scss'

/**
 * 连接小程序: the owner authorises the assistant (acting as the WeChat third-party platform / Douyin service provider)
 * to read the filing's status, by scanning the QR code with the administrator's WeChat (a link on H5); then this page
 * shows what the connection sees and when it looks next.
 */
export default function ConnectPage() {
  const router = useRouter()
  const current = useCurrentFiling({ id: router.params?.id || undefined })
  const filing = current.filing
  const provider = filing ? connectorPlatformOf(filing.profile.platform) : undefined
  // only the owner of a WeChat / Douyin filing has a connection to look at
  const filingId = filing?.access === 'owner' && provider ? filing.id : undefined
  const connection = useConnection(filingId)
  const { view, start, error, notice, busy } = connection

  if (!filing)
    return <FilingGate current={current} className='connect' emptyDescription='先新建一份备案，再连接小程序。' />
  if (filing.access !== 'owner')
    return (
      <PageNotice
        className='connect'
        title='只有备案的创建者可以连接小程序'
        text='连接后进度会自动同步，你在进度页就能看到。'
      />
    )
  if (!provider)
    return (
      <PageNotice
        className='connect'
        title='这个平台暂不支持自动同步'
        text='目前只有微信和抖音小程序可以连接；请在进度页手动记录每个阶段。'
      />
    )

  const platformName = PLATFORM_NAMES[provider]
  return (
    <PageShell className='connect'>
      {view?.connected ? (
        <StatusCard
          view={view}
          platformName={platformName}
          filingId={filingId}
          busy={busy}
          onDisconnect={() => connection.setConfirming(true)}
        />
      ) : (
        <IntroCard
          view={view}
          provider={provider}
          platformName={platformName}
          started={!!start}
          busy={busy}
          onBegin={connection.begin}
        />
      )}
      {start && !view?.connected ? (
        <AuthCard
          start={start}
          platformName={platformName}
          busy={busy}
          onCopyLink={connection.copyLink}
          onRefresh={connection.refresh}
        />
      ) : null}
      {error ? (
        <View className='card connect__error' role='alert'>
          {error}
        </View>
      ) : null}
      {notice ? (
        <View className='card connect__notice-line' role='status'>
          {notice}
        </View>
      ) : null}
      {view ? <NoticesCard notices={view.notices} onReadAll={connection.readAll} /> : null}
      <DisconnectDialog
        visible={connection.confirming}
        onConfirm={connection.confirmDisconnect}
        onCancel={() => connection.setConfirming(false)}
      />
    </PageShell>
  )
}
