import { View } from '@tarojs/components'
import PageShell from '../../components/page-shell'

export default function MyDataPage() {
  return (
    <PageShell>
      <View className='card'>我的数据</View>
    </PageShell>
  )
}
