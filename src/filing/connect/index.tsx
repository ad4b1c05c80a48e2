import { useCallback, useEffect, useState } from 'react'
import { Text, View } from '@tarojs/components'
import { useDidShow, useRouter } from '../../services/page-hooks'
import { Button, Dialog } from '@nutui/nutui-react-taro'
import FilingGate from '../../components/filing-gate'
import PageShell from '../../components/page-shell'
import { formatDateTime } from '../../components/stage-timeline/format'
import { ROUTES, withQuery } from '../../constants/routes'
import { useCurrentFiling } from '../../hooks/use-current-filing'
import { copyText } from '../../services/clipboard'
import {
  PLATFORM_NAMES,
  connectionStatus,
  connectorPlatformOf,
  disconnect,
  markNoticesRead,
  openAuthorisationLink,
  platformStatusText,
  startConnection,
  type AuthorisationStart,
  type ConnectionView
} from '../../services/connector'
import { openPage } from '../../services/navigation'
import { runtimePlatform } from '../../services/platform'
import QrCode from './qr-code'
import './index.scss'

const platform = runtimePlatform()

const STATE_TEXT: Record<string, string> = {
  active: '已连接',
  permission_missing: '缺少备案权限',
  revoked: '已取消授权'
}

function Fact({ label, value }: { label: string; value: string }) {
  return (
    <View className='connect__fact'>
      <Text className='connect__fact-label'>{label}</Text>
      <Text className='connect__fact-value'>{value}</Text>
    </View>
  )
}

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
  const [view, setView] = useState<ConnectionView | undefined>()
  const [start, setStart] = useState<AuthorisationStart | undefined>()
  const [error, setError] = useState('')
  const [busy, setBusy] = useState(false)
  const [confirming, setConfirming] = useState(false)
  const [notice, setNotice] = useState('')

  const loadStatus = useCallback(async () => {
    if (!filingId) return
    const result = await connectionStatus(filingId)
    if (result.ok) {
      setView(result.data)
      if (result.data.connected) setStart(undefined)
    } else setError(result.message)
  }, [filingId])

  useEffect(() => {
    void loadStatus()
  }, [loadStatus])
  // back from the consent page (another tab, or WeChat after the scan): the binding may be there now
  useDidShow(() => void loadStatus())

  if (!filing)
    return <FilingGate current={current} className='connect' emptyDescription='先新建一份备案，再连接小程序。' />

  if (filing.access !== 'owner')
    return (
      <PageShell className='connect'>
        <View className='card'>
          <Text className='connect__title'>只有备案的创建者可以连接小程序</Text>
          <Text className='connect__text'>连接后进度会自动同步，你在进度页就能看到。</Text>
        </View>
      </PageShell>
    )

  if (!provider)
    return (
      <PageShell className='connect'>
        <View className='card'>
          <Text className='connect__title'>这个平台暂不支持自动同步</Text>
          <Text className='connect__text'>目前只有微信和抖音小程序可以连接；请在进度页手动记录每个阶段。</Text>
        </View>
      </PageShell>
    )

  const platformName = PLATFORM_NAMES[provider]

  async function begin() {
    if (!filingId) return
    setBusy(true)
    setError('')
    setNotice('')
    const result = await startConnection(filingId)
    setBusy(false)
    if (result.ok) setStart(result.data)
    else setError(result.message)
  }

  async function refresh() {
    setBusy(true)
    await loadStatus()
    setBusy(false)
  }

  async function confirmDisconnect() {
    if (!filingId) return
    setConfirming(false)
    setBusy(true)
    const result = await disconnect(filingId)
    setBusy(false)
    if (result.ok) {
      setNotice('已断开连接：进度不再自动同步，可以在进度页手动记录')
      await loadStatus()
    } else setError(result.message)
  }

  async function readAll() {
    if (!filingId) return
    const result = await markNoticesRead(filingId)
    if (result.ok) await loadStatus()
  }

  async function copyLink(link: string) {
    setNotice((await copyText(link)) ? '链接已复制，请在浏览器中打开' : '没能复制，请长按链接手动复制')
  }

  const when = (iso?: string) => (iso ? formatDateTime(iso) : '—')
  const unread = view?.notices.filter((n) => !n.read) ?? []

  return (
    <PageShell className='connect'>
      {view?.connected ? (
        <View className='card connect__status'>
          <Text className='connect__title'>已连接 {platformName}小程序</Text>
          <View className='connect__facts'>
            <Fact label='小程序 AppID' value={view.appId ?? '—'} />
            <Fact
              label='平台状态'
              value={platformStatusText(view.platform, view.platformStatus, view.smsVerifyStatus)}
            />
            <Fact label='最近一次读取' value={when(view.lastObservedAt)} />
            <Fact label='下次同步' value={view.nextSyncAt ? when(view.nextSyncAt) : '已备案，不再同步'} />
            <Fact label='连接时间' value={when(view.connectedAt)} />
          </View>
          {view.pendingFilingNumber ? (
            <Text className='connect__text'>平台显示已备案，备案号还没读到，稍后会自动再试。</Text>
          ) : null}
          {view.lastErrorCode !== undefined ? (
            <Text className='connect__text'>上次读取失败（平台错误码 {view.lastErrorCode}），会自动稍后重试。</Text>
          ) : null}
          <Text className='connect__text'>
            进度会按平台的状态自动前进：平台审核和短信核验期间每 5 分钟看一次，管局审核期间每 30 分钟一次。
          </Text>
          <View className='connect__actions'>
            <Button
              type='primary'
              block
              className='connect__progress'
              onClick={() => openPage(withQuery(ROUTES.progress, { id: filingId }))}
            >
              查看进度
            </Button>
            <Button block className='connect__disconnect' disabled={busy} onClick={() => setConfirming(true)}>
              断开连接
            </Button>
          </View>
        </View>
      ) : (
        <View className='card connect__intro'>
          <Text className='connect__title'>连接{platformName}小程序，进度自动同步</Text>
          {view?.state && view.state !== 'active' ? (
            <Text className='connect__text'>
              上次的连接：{STATE_TEXT[view.state]}（{view.appId}）。重新授权即可恢复同步。
            </Text>
          ) : null}
          <Text className='connect__text'>
            由小程序的管理员授权备案助手读取备案状态（
            {provider === 'wechat'
              ? '微信第三方平台，权限集“小程序备案”或“开发与数据分析”'
              : '抖音服务商，基本信息设置权限'}
            ）。之后平台审核、12381 短信核验、管局审核的每一步都会自动记录，短信核验开始时立即提醒。
          </Text>
          <Text className='connect__text'>备案助手只读取备案状态和备案号，不会修改小程序，也拿不到你的账号密码。</Text>
          {!start ? (
            <Button type='primary' block className='connect__start' loading={busy} disabled={busy} onClick={begin}>
              开始连接
            </Button>
          ) : null}
        </View>
      )}

      {start && !view?.connected ? (
        <View className='card connect__auth'>
          <Text className='connect__title'>
            {platform === 'h5' ? '打开授权页面' : `用管理员的${platformName}扫码授权`}
          </Text>
          <Text className='connect__text'>
            {start.platform === 'wechat'
              ? '请小程序的管理员用微信扫描下面的二维码，确认授权（勾选备案相关权限）。'
              : '请小程序的管理员在抖音里扫描下面的二维码，确认授权。'}
            授权链接 {formatDateTime(start.expiresAt)} 前有效。
          </Text>
          <View className='connect__qr'>
            <QrCode content={start.qrContent} />
          </View>
          {platform !== 'weapp' ? (
            <View className='connect__link'>
              <Text className='connect__link-text' userSelect>
                {start.link}
              </Text>
            </View>
          ) : null}
          <View className='connect__actions'>
            {platform === 'h5' ? (
              <Button type='primary' block className='connect__open' onClick={() => openAuthorisationLink(start.link)}>
                在新页面打开授权链接
              </Button>
            ) : platform === 'tt' ? (
              <Button type='primary' block className='connect__copy' onClick={() => copyLink(start.link)}>
                复制授权链接
              </Button>
            ) : null}
            <Button block className='connect__refresh' loading={busy} disabled={busy} onClick={refresh}>
              我已授权，刷新状态
            </Button>
          </View>
        </View>
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

      {view?.notices.length ? (
        <View className='card connect__notices'>
          <Text className='connect__title'>通知</Text>
          {view.notices.map((n) => (
            <Text key={n.id} className={`connect__notice ${n.read ? '' : 'connect__notice--unread'}`}>
              {when(n.createdAt)} · {n.text}
            </Text>
          ))}
          {unread.length ? (
            <Button size='small' className='connect__read' onClick={readAll}>
              全部标为已读
            </Button>
          ) : null}
        </View>
      ) : null}

      <Dialog
        className='connect__confirm'
        visible={confirming}
        title='断开连接？'
        confirmText='断开'
        cancelText='取消'
        onConfirm={confirmDisconnect}
        onCancel={() => setConfirming(false)}
        content='断开后备案进度不再自动同步，短信核验开始时也不会自动提醒；需要时可以重新连接。'
      />
    </PageShell>
  )
}
