import { Text, View } from '@tarojs/components'
import PageShell from '../../components/page-shell'

export default function WizardPage() {
  return (
    <PageShell className='wizard'>
      <View className='card'>
        <Text className='section-title'>新建备案</Text>
      </View>
    </PageShell>
  )
}
