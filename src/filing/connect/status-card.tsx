import { Text, View } from '@tarojs/components'
import { Button, Dialog } from '@nutui/nutui-react-taro'
import { ROUTES, withQuery } from '../../constants/routes'
import { platformStatusText, type ConnectionView } from '../../services/connector'
import { openPage } from '../../services/navigation'
import { when } from './when'

function Fact({ label, value }: { label: string; value: string }) {
  return (
    <View className='connect__fact'>
      <Text className='connect__fact-label'>{label}</Text>
      <Text className='connect__fact-value'>{value}</Text>
    </View>
  )
}

interface StatusCardProps {
  view: ConnectionView
  platformName: string
  filingId?: string
  busy: boolean
  onDisconnect: () => void
}

/** What a live connection sees and when it looks next. */
export default function StatusCard({ view, platformName, filingId, busy, onDisconnect }: StatusCardProps) {
  return (
    <View className='card connect__status'>
      <Text className='connect__title'>已连接 {platformName}小程序</Text>
      <View className='connect__facts'>
        <Fact label='小程序 AppID' value={view.appId ?? '—'} />
        <Fact label='平台状态' value={platformStatusText(view.platform, view.platformStatus, view.smsVerifyStatus)} />
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
        <Button block className='connect__disconnect' disabled={busy} onClick={onDisconnect}>
          断开连接
        </Button>
      </View>
    </View>
  )
}

/** 断开连接 asks first: without the connection the SMS window's reminder no longer comes by itself. */
export function DisconnectDialog({
  visible,
  onConfirm,
  onCancel
}: {
  visible: boolean
  onConfirm(): void
  onCancel(): void
}) {
  return (
    <Dialog
      className='connect__confirm'
      visible={visible}
      title='断开连接？'
      confirmText='断开'
      cancelText='取消'
      onConfirm={onConfirm}
      onCancel={onCancel}
      content='断开后备案进度不再自动同步，短信核验开始时也不会自动提醒；需要时可以重新连接。'
    />
  )
}
