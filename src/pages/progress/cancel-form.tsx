import { Text, View } from '@tarojs/components'
import FormButtons from './form-buttons'

interface CancelFormProps {
  saving: boolean
  loading: boolean
  onCancel(): void
  onConfirm(): void
}

/** 放弃备案 asks once more: a cancelled filing cannot be resumed. */
export default function CancelForm({ saving, loading, onCancel, onConfirm }: CancelFormProps) {
  return (
    <View className='progress-form'>
      <Text className='progress-form__title'>确定放弃本次备案？</Text>
      <Text className='progress__text'>
        进度会停在“已取消”，不能恢复；已经在平台提交的，还要在平台上撤回。以后要备案，新建一个即可。
      </Text>
      <FormButtons
        action='cancel'
        confirmText='确定放弃'
        cancelText='再想想'
        danger
        saving={saving}
        loading={loading}
        onCancel={onCancel}
        onConfirm={onConfirm}
      />
    </View>
  )
}
