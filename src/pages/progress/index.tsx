import { Text, View } from '@tarojs/components'
import { Button } from '@nutui/nutui-react-taro'
import EmptyState from '../../components/empty-state'
import PageShell from '../../components/page-shell'
import { ROUTES } from '../../constants/routes'
import { openPage } from '../../services/navigation'

export default function ProgressPage() {
  return (
    <PageShell className='progress'>
      <Text className='section-title'>备案进度</Text>
      <View className='card'>
        <EmptyState
          title='还没有进行中的备案'
          description='提交备案后，在这里记录每个阶段，我们按工作日算出预计日期，并在短信核验截止前提醒你。'
        />
        <Button type='primary' block onClick={() => openPage(ROUTES.wizard)}>
          新建备案
        </Button>
      </View>
    </PageShell>
  )
}
