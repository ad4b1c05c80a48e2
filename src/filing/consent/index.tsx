import { View } from '@tarojs/components'
import PageShell from '../../components/page-shell'

export default function ConsentPage() {
  return (
    <PageShell>
      <View className='card'>个人信息授权</View>
    </PageShell>
  )
}
