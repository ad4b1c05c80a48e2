import { View } from '@tarojs/components'
import PageShell from '../../components/page-shell'

export default function SelfCheckPage() {
  return (
    <PageShell>
      <View className='card'>信息自检</View>
    </PageShell>
  )
}
