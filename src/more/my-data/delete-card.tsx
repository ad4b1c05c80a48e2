import { Text, View } from '@tarojs/components'
import { Button, Checkbox, Dialog } from '@nutui/nutui-react-taro'
import type { useDataDeletion } from './use-data-deletion'

type DeleteCardProps = ReturnType<typeof useDataDeletion>

/** 删除全部数据, behind a dialog that stays shut until the user ticks that it cannot be undone. */
export default function DeleteCard(props: DeleteCardProps) {
  const { deletion, understood, setUnderstood, deleteError, askToDelete, confirmDelete, cancelDelete } = props
  return (
    <>
      <View className='card my-data__delete'>
        <Text className='my-data__title'>删除全部数据</Text>
        <Text className='my-data__text'>
          删除你创建的全部备案（连同它们的提醒和邀请）、你在别人备案里的身份和提醒、订阅记录，以及本机的草稿和登录状态。删除后无法恢复，需要的话请先导出。
        </Text>
        {deleteError ? (
          <View className='my-data__error' role='alert'>
            {deleteError}
          </View>
        ) : null}
        <Button
          className='my-data__delete-button'
          type='danger'
          fill='outline'
          loading={deletion === 'deleting'}
          onClick={askToDelete}
        >
          删除全部数据
        </Button>
      </View>

      <Dialog
        className='my-data__confirm'
        visible={deletion === 'confirming'}
        title='删除全部数据？'
        confirmText='永久删除'
        cancelText='取消'
        disableConfirmButton={!understood}
        closeOnOverlayClick={false}
        onConfirm={confirmDelete}
        onCancel={cancelDelete}
        content={
          <View className='my-data__confirm-body'>
            <Text className='my-data__text'>云端和本机的数据都会被清除，之后无法找回。</Text>
            <Checkbox
              className='my-data__understood'
              checked={understood}
              onChange={setUnderstood}
              label='我明白删除后无法恢复'
            />
          </View>
        }
      />
    </>
  )
}
