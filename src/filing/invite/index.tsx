import { View } from '@tarojs/components'
import PageShell from '../../components/page-shell'

export default function InvitePage() {
  return (
    <PageShell>
      <View className='card'>邀请负责人</View>
    </PageShell>
  )
}
