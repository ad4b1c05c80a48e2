import { Text, View } from '@tarojs/components'
import { Button } from '@nutui/nutui-react-taro'
import PageShell from '../../components/page-shell'
import { ROUTES } from '../../constants/routes'
import { openPage } from '../../services/navigation'
import DeleteCard from './delete-card'
import ExportCard from './export-card'
import { useDataDeletion } from './use-data-deletion'
import { useMyDataExport } from './use-my-data-export'
import './index.scss'

export default function MyDataPage() {
  const exporting = useMyDataExport()
  const deleting = useDataDeletion(exporting.resetExport)

  if (deleting.deletion === 'deleted')
    return (
      <PageShell className='my-data'>
        <View className='card my-data__deleted' role='status'>
          <Text className='my-data__title'>已删除全部数据</Text>
          <Text className='my-data__text'>
            你创建的备案、发出的邀请、提醒和订阅记录已从云端删除，本机的草稿和登录状态也已清除。你之前加入的别人的备案不再对你可见。
          </Text>
          <Button type='primary' block className='my-data__home' onClick={() => openPage(ROUTES.home)}>
            回到首页
          </Button>
        </View>
      </PageShell>
    )

  return (
    <PageShell className='my-data'>
      <ExportCard {...exporting} />
      <DeleteCard {...deleting} />
    </PageShell>
  )
}
