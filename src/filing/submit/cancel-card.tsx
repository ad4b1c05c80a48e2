import { useState } from 'react'
import { Text, View } from '@tarojs/components'
import { Button, Dialog } from '@nutui/nutui-react-taro'
import { CANCEL_KINDS, type CancelKind } from '../../services/submission'

interface CancelCardProps {
  busy: boolean
  onCancel: (kind: CancelKind) => void
}

/** 注销 through the platform's API: the user picks what to cancel, then confirms (a 注销 cannot be withdrawn). */
export default function CancelCard({ busy, onCancel }: CancelCardProps) {
  const [kind, setKind] = useState<CancelKind | undefined>()
  const chosen = CANCEL_KINDS.find((k) => k.kind === kind)
  return (
    <>
      <View className='card submit__cancel'>
        <Text className='submit__text'>选择要注销的内容。提交后工信部会向负责人发送核验短信，须按短信完成核验。</Text>
        {CANCEL_KINDS.map((k) => (
          <Button
            key={k.kind}
            block
            className={`submit__cancel-kind submit__cancel-kind--${k.kind}`}
            disabled={busy}
            onClick={() => setKind(k.kind)}
          >
            {k.label}
          </Button>
        ))}
      </View>
      <Dialog
        className='submit__cancel-confirm'
        visible={!!kind}
        title={chosen?.label ?? ''}
        confirmText='确认注销'
        cancelText='取消'
        onConfirm={() => {
          setKind(undefined)
          if (kind) onCancel(kind)
        }}
        onCancel={() => setKind(undefined)}
        content={`${chosen?.detail ?? ''}。注销提交后不能撤回。`}
      />
    </>
  )
}
