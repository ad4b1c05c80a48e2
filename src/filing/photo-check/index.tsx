import { View } from '@tarojs/components'
import PageShell from '../../components/page-shell'

export default function PhotoCheckPage() {
  return (
    <PageShell>
      <View className='card'>检查照片</View>
    </PageShell>
  )
}
