import { Text, View } from '@tarojs/components'
import { Button } from '@nutui/nutui-react-taro'
import type { ChecklistItem, MaterialStatus } from '../../domain/types'
import MaterialDetails from './details'
import StatusPicker from './status-picker'
import './index.scss'

interface MaterialItemProps {
  item: ChecklistItem
  status: MaterialStatus
  /** Absent = read-only (an invited principal sees the owner's statuses but cannot change them). */
  onStatus?: (status: MaterialStatus) => void
  /** Shown for photo materials: opens 检查照片. */
  onCheckPhoto?: () => void
  /** Shown when the material has template wording. */
  onShowTemplate?: () => void
}

/** One material of the checklist: why it is needed, the reviewers' tips, its status and what can be done with it. */
export default function MaterialItem({ item, status, onStatus, onCheckPhoto, onShowTemplate }: MaterialItemProps) {
  return (
    <View className={`card material-item material-item--${status}`} data-material={item.id}>
      <View className='material-item__head'>
        <Text className='material-item__title'>{item.title}</Text>
        <Text className={`material-item__tag material-item__tag--${item.required ? 'required' : 'optional'}`}>
          {item.required ? '必需' : '视情况'}
        </Text>
      </View>

      {item.warning ? (
        <View className='material-item__warning' role='alert'>
          <Text className='material-item__warning-title'>准备材料解决不了这个问题</Text>
          <Text className='material-item__warning-text'>{item.warning}</Text>
        </View>
      ) : null}

      <Text className='material-item__label'>为什么需要</Text>
      <Text className='material-item__reason'>{item.reason}</Text>

      <MaterialDetails item={item} />

      <StatusPicker title={item.title} status={status} onStatus={onStatus} />

      {onCheckPhoto || onShowTemplate ? (
        <View className='material-item__actions'>
          {onCheckPhoto ? (
            <Button
              className='material-item__check-photo'
              size='small'
              type='primary'
              fill='outline'
              onClick={onCheckPhoto}
            >
              检查照片
            </Button>
          ) : null}
          {onShowTemplate ? (
            <Button
              className='material-item__template'
              size='small'
              type='primary'
              fill='outline'
              onClick={onShowTemplate}
            >
              查看模板
            </Button>
          ) : null}
        </View>
      ) : null}
    </View>
  )
}
