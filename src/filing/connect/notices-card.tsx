import { Text, View } from '@tarojs/components'
import { Button } from '@nutui/nutui-react-taro'
import type { ConnectionView } from '../../services/connector'
import { when } from './when'

/** What the connection has told the owner, with a way to mark it all read. */
export default function NoticesCard({
  notices,
  onReadAll
}: {
  notices: ConnectionView['notices']
  onReadAll: () => void
}) {
  if (!notices.length) return null
  const unread = notices.filter((n) => !n.read)
  return (
    <View className='card connect__notices'>
      <Text className='connect__title'>通知</Text>
      {notices.map((n) => (
        <Text key={n.id} className={`connect__notice ${n.read ? '' : 'connect__notice--unread'}`}>
          {when(n.createdAt)} · {n.text}
        </Text>
      ))}
      {unread.length ? (
        <Button size='small' className='connect__read' onClick={onReadAll}>
          全部标为已读
        </Button>
      ) : null}
    </View>
  )
}
