import { View } from '@tarojs/components'
import PageShell from '../../components/page-shell'

export default function RemindersPage() {
  return (
    <PageShell>
      <View className='card'>提醒</View>
    </PageShell>
  )
}
