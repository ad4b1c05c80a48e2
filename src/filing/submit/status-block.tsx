import { Text, View } from '@tarojs/components'
import { Button } from '@nutui/nutui-react-taro'
import { ROUTES, withQuery } from '../../constants/routes'
import { openPage } from '../../services/navigation'

interface StatusBlockProps {
  filingId: string
  error: string
  notice: string
  /** Only the owner can connect the mini-program; the invited principal just reads the error. */
  owner: boolean
}

/** The last step's outcome: an error (with 去连接小程序 when the filing is not connected) or a notice. */
export default function StatusBlock({ filingId, error, notice, owner }: StatusBlockProps) {
  const notConnected = error.includes('连接')
  return (
    <>
      {error ? (
        <View className='card submit__error' role='alert'>
          <Text>{error}</Text>
          {notConnected && owner ? (
            <Button
              type='primary'
              block
              className='submit__connect'
              onClick={() => openPage(withQuery(ROUTES.connect, { id: filingId }))}
            >
              去连接小程序
            </Button>
          ) : null}
        </View>
      ) : null}
      {notice ? (
        <View className='card submit__notice' role='status'>
          {notice}
        </View>
      ) : null}
    </>
  )
}
