import { Text, View } from '@tarojs/components'
import { Button } from '@nutui/nutui-react-taro'
import { ROUTES } from '../../constants/routes'
import { openPage } from '../../services/navigation'

/** The invitation itself: why the principal matters and what joining allows. */
export default function JoinAskCard({ joining, onAccept }: { joining: boolean; onAccept: () => void }) {
  return (
    <View className='card join__ask'>
      <Text className='join__title'>有人邀请你一起跟进小程序备案</Text>
      <Text className='join__line'>
        备案时，工信部会从 12381 给负责人的手机发核验短信，必须在 24 小时内完成核验，否则备案会被退回、要重新提交。
      </Text>
      <Text className='join__line'>加入后你可以：</Text>
      <Text className='join__point'>· 查看备案进度和材料清单（证件号码、手机号码等已打码）</Text>
      <Text className='join__point'>· 短信核验开始时收到提醒，看到剩余时间</Text>
      <Text className='join__line muted'>你不能修改备案；发出邀请的人可以随时移除你。</Text>
      <Button type='primary' block className='join__accept' loading={joining} disabled={joining} onClick={onAccept}>
        加入并查看
      </Button>
      <Button block className='join__decline' onClick={() => openPage(ROUTES.home)}>
        暂不加入
      </Button>
    </View>
  )
}
