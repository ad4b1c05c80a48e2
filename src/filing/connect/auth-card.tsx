import { Text, View } from '@tarojs/components'
import { Button } from '@nutui/nutui-react-taro'
import { formatDateTime } from '../../components/stage-timeline/format'
import { openAuthorisationLink, type AuthorisationStart } from '../../services/connector'
import { runtimePlatform } from '../../services/platform'
import QrCode from './qr-code'

const platform = runtimePlatform()

interface AuthCardProps {
  start: AuthorisationStart
  platformName: string
  busy: boolean
  onCopyLink: (link: string) => void
  onRefresh: () => void
}

/** The authorisation under way: the QR code to scan (a link on H5 / Douyin) and a refresh once it is done. */
export default function AuthCard({ start, platformName, busy, onCopyLink, onRefresh }: AuthCardProps) {
  return (
    <View className='card connect__auth'>
      <Text className='connect__title'>{platform === 'h5' ? '打开授权页面' : `用管理员的${platformName}扫码授权`}</Text>
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
          <Button type='primary' block className='connect__copy' onClick={() => onCopyLink(start.link)}>
            复制授权链接
          </Button>
        ) : null}
        <Button block className='connect__refresh' loading={busy} disabled={busy} onClick={onRefresh}>
          我已授权，刷新状态
        </Button>
      </View>
    </View>
  )
}
