import { Text, View } from '@tarojs/components'
import type { MaterialStatus } from '../../domain/types'
import { MATERIAL_STATUSES, STATUS_LABELS } from './statuses'

interface StatusPickerProps {
  title: string
  status: MaterialStatus
  /** Absent = read-only. */
  onStatus?: (status: MaterialStatus) => void
}

/** 未准备 / 已准备 / 有问题 as a radio group; a tap on the current status changes nothing. */
export default function StatusPicker({ title, status, onStatus }: StatusPickerProps) {
  return (
    <View className='material-item__status' role='radiogroup' aria-label={`${title}的准备状态`}>
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
  )
}
