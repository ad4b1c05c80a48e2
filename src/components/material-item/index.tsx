import { useState } from 'react'
import { Text, View } from '@tarojs/components'
import { Button } from '@nutui/nutui-react-taro'
import type { ChecklistItem, MaterialStatus } from '../../domain/types'
import { MATERIAL_STATUSES, STATUS_LABELS } from './statuses'
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
  const [open, setOpen] = useState(false)
  const details = item.tips.length + (item.goodExample ? 1 : 0)
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

      {details > 0 ? (
        <View className='material-item__toggle' onClick={() => setOpen(!open)} aria-expanded={open}>
          <Text>{open ? '收起要点' : `查看要点${item.goodExample ? '和合格示例' : ''}（${details} 条）`}</Text>
        </View>
      ) : null}
      {open ? (
        <View className='material-item__details'>
          {item.tips.map((tip) => (
            <Text key={tip} className='material-item__tip'>
              · {tip}
            </Text>
          ))}
          {item.goodExample ? (
            <View className='material-item__example'>
              <Text className='material-item__example-label'>合格示例</Text>
              <Text className='material-item__example-text'>{item.goodExample}</Text>
            </View>
          ) : null}
          <Text className='material-item__source'>依据：{item.source}</Text>
        </View>
      ) : null}

      <View className='material-item__status' role='radiogroup' aria-label={`${item.title}的准备状态`}>
        {MATERIAL_STATUSES.map((s) => (
          <View
            key={s}
            role='radio'
            aria-checked={s === status}
            aria-disabled={!onStatus}
            className={`material-item__status-option material-item__status-option--${s} ${
              s === status ? 'material-item__status-option--active' : ''
            } ${onStatus ? '' : 'material-item__status-option--readonly'}`}
            onClick={() => (onStatus && s !== status ? onStatus(s) : undefined)}
          >
            <Text>{STATUS_LABELS[s]}</Text>
          </View>
        ))}
      </View>

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
