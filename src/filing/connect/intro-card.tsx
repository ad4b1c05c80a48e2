import { Text, View } from '@tarojs/components'
import { Button } from '@nutui/nutui-react-taro'
import type { ConnectionView } from '../../services/connector'

const STATE_TEXT: Record<string, string> = {
  active: '已连接',
  permission_missing: '缺少备案权限',
  revoked: '已取消授权'
}

interface IntroCardProps {
  view?: ConnectionView
  provider: 'wechat' | 'douyin'
  platformName: string
  /** the authorisation has begun: its card replaces the start button */
  started: boolean
  busy: boolean
  onBegin: () => void
}

/** Why and how to connect, before there is a connection (or after it lapsed). */
export default function IntroCard({ view, provider, platformName, started, busy, onBegin }: IntroCardProps) {
  return (
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
      {!started ? (
        <Button type='primary' block className='connect__start' loading={busy} disabled={busy} onClick={onBegin}>
          开始连接
        </Button>
      ) : null}
    </View>
  )
}
