import { Text, View } from '@tarojs/components'
import { Button } from '@nutui/nutui-react-taro'
import type { StatusNotice } from '../../components/material-item/statuses'
import type { ChecklistItem } from '../../domain/types'

interface SyncNoticeProps {
  notice: StatusNotice | undefined
  saving: boolean
  onRetry(): void
}

/** Statuses kept on the phone but not yet on the server: say so and offer to send them again. */
export function SyncNotice({ notice, saving, onRetry }: SyncNoticeProps) {
  if (!notice) return null
  return (
    <View className={`card materials__notice materials__notice--${notice.kind}`} role='status'>
      <Text className='materials__notice-text'>{notice.message}</Text>
      <Button size='small' fill='outline' loading={saving} onClick={onRetry}>
        重试同步
      </Button>
    </View>
  )
}

/** An invited principal sees the owner's statuses but cannot change them. */
export function ReadOnlyNote() {
  return (
    <View className='card materials__readonly'>
      <Text>你是受邀查看这份备案：状态由备案的创建者标记，这里只能查看。</Text>
    </View>
  )
}

/** Rules of this filing that no material can satisfy: listed before the materials, so they are not missed. */
export function ChecklistWarnings({ checklist }: { checklist: ChecklistItem[] }) {
  const warnings = checklist.filter((item) => item.warning)
  if (!warnings.length) return null
  return (
    <View className='card materials__warnings' role='alert'>
      <Text className='materials__warnings-title'>按你的情况，有 {warnings.length} 条规则准备材料也解决不了</Text>
      {warnings.map((item) => (
        <Text key={item.id} className='materials__warnings-item'>
          · {item.warning}
        </Text>
      ))}
    </View>
  )
}
