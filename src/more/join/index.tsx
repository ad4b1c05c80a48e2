import { View } from '@tarojs/components'
import PageShell from '../../components/page-shell'

export default function JoinPage() {
  return (
    <PageShell>
      <View className='card'>加入备案</View>
    </PageShell>
  )
}
