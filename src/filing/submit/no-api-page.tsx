import { Text, View } from '@tarojs/components'
import PageShell from '../../components/page-shell'

/** A platform without a filing API (only WeChat and Douyin have one): the user files on the platform's own page. */
export default function NoApiPage() {
  return (
    <PageShell className='submit'>
      <View className='card'>
        <Text className='submit__title'>这个平台不能在线提交</Text>
        <Text className='submit__text'>目前只有微信和抖音小程序可以通过备案助手提交，请在平台的备案页面提交。</Text>
      </View>
    </PageShell>
  )
}
