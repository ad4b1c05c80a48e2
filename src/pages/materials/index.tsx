import { Text, View } from '@tarojs/components'
import { Button, Cell } from '@nutui/nutui-react-taro'
import EmptyState from '../../components/empty-state'
import PageShell from '../../components/page-shell'
import { ROUTES } from '../../constants/routes'
import { openPage } from '../../services/navigation'

export default function MaterialsPage() {
  return (
    <PageShell className='materials'>
      <Text className='section-title'>材料清单</Text>
      <View className='card'>
        <EmptyState
          title='还没有你的专属清单'
          description='材料取决于平台、主体类型、省份和负责人是否为法定代表人。回答几个问题，清单就只列你需要的。'
        />
        <Button type='primary' block onClick={() => openPage(ROUTES.wizard)}>
          生成我的材料清单
        </Button>
      </View>
      <Cell.Group title='大多数小程序都需要'>
        <Cell title='主办单位证件' description='营业执照等；个人为身份证' />
        <Cell title='主体负责人证件' description='多数省份要求法定代表人' />
        <Cell title='小程序负责人证件' description='实际负责运营小程序的人' />
        <Cell title='小程序负责人人脸核身' description='纯白背景、光线充足、五官清晰' />
      </Cell.Group>
    </PageShell>
  )
}
