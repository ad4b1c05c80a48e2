import { View } from '@tarojs/components'
import PageShell from '../../components/page-shell'

export default function CheckResultPage() {
  return (
    <PageShell>
      <View className='card'>自检结果</View>
    </PageShell>
  )
}
