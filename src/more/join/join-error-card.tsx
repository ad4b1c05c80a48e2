import { Text, View } from '@tarojs/components'
import { Button } from '@nutui/nutui-react-taro'
import { ROUTES } from '../../constants/routes'
import type { ErrorEnvelope } from '../../services/api-types'
import { openPage } from '../../services/navigation'

/** Why an invite cannot be used, and what to do about it. */
function errorAdvice(error: ErrorEnvelope): { title: string; advice: string } {
  switch (error.code) {
    case 'GONE':
      return {
        title: '邀请已失效',
        advice: '每个邀请只能使用一次，72 小时内有效，发出人也可以撤销。请让对方在“邀请负责人”里重新发一个给你。'
      }
    case 'INVALID':
      return { title: '无法使用这个邀请', advice: error.message }
    case 'UNAVAILABLE':
    case 'INTERNAL':
      return { title: '暂时没能加入', advice: `${error.message}。邀请仍然有效，可以稍后再试。` }
    default:
      return { title: '没能加入', advice: error.message }
  }
}

/** The invite could not be used; a retry only where the invite itself is still good. */
export default function JoinErrorCard({ error, onRetry }: { error: ErrorEnvelope; onRetry: () => void }) {
  const { title, advice } = errorAdvice(error)
  const retryable = error.code === 'UNAVAILABLE' || error.code === 'INTERNAL'
  return (
    <View className='card join__error' role='alert'>
      <Text className='join__title'>{title}</Text>
      <Text className='join__line'>{advice}</Text>
      {retryable ? (
        <Button type='primary' block className='join__retry' onClick={onRetry}>
          重试
        </Button>
      ) : null}
      <Button block className='join__home' onClick={() => openPage(ROUTES.home)}>
        回到首页
      </Button>
    </View>
  )
}
