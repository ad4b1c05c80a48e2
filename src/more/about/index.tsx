import { Text, View } from '@tarojs/components'
import { Cell } from '@nutui/nutui-react-taro'
import PageShell from '../../components/page-shell'

export default function AboutPage() {
  return (
    <PageShell className='about'>
      <View className='card'>
        <Text className='section-title'>备案助手</Text>
        <Text className='muted'>帮小程序开发者和运营者走完微信、抖音、支付宝小程序的 ICP 备案。</Text>
      </View>
      <Cell.Group title='版本'>
        <Cell title='应用版本' extra='0.1.0' />
      </Cell.Group>
    </PageShell>
  )
}
