import { Text, View } from '@tarojs/components'
import { Dialog } from '@nutui/nutui-react-taro'
import './index.scss'

/** One field that differs between the user's unsaved version and the one on the server. */
export interface ConflictRow {
  label: string
  mine: string
  theirs: string
}

interface ConflictDialogProps {
  visible: boolean
  rows: ConflictRow[]
  onUseMine: () => void
  onUseTheirs: () => void
}

/**
 * Shown when the record changed elsewhere since the user opened it (another phone, the invited principal):
 * both versions side by side, and the user chooses; nothing is overwritten silently.
 */
export default function ConflictDialog({ visible, rows, onUseMine, onUseTheirs }: ConflictDialogProps) {
  return (
    <Dialog
      className='conflict-dialog'
      visible={visible}
      title='备案信息在别处被修改了'
      confirmText='保留我的修改'
      cancelText='使用最新版本'
      closeOnOverlayClick={false}
      onConfirm={onUseMine}
      onCancel={onUseTheirs}
      content={
        <View className='conflict-dialog__body'>
          <Text className='conflict-dialog__lead'>你离开后，这份备案在另一台设备上被保存过。请选择保留哪一份：</Text>
          {rows.length ? (
            rows.map((row) => (
              <View key={row.label} className='conflict-dialog__row'>
                <Text className='conflict-dialog__label'>{row.label}</Text>
                <Text className='conflict-dialog__mine'>我的：{row.mine || '（空）'}</Text>
                <Text className='conflict-dialog__theirs'>最新：{row.theirs || '（空）'}</Text>
              </View>
            ))
          ) : (
            <Text className='conflict-dialog__lead'>两份内容相同，只是版本号不同。</Text>
          )}
        </View>
      }
    />
  )
}
