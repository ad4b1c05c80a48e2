import type { ReactNode } from 'react'
import { Text, View } from '@tarojs/components'
import { Button, Skeleton } from '@nutui/nutui-react-taro'
import type { ErrorEnvelope } from '../../services/api-types'
import EmptyState from '../empty-state'
import './index.scss'

interface LoadStateProps {
  state: 'loading' | 'empty' | 'error' | 'ready'
  error?: ErrorEnvelope
  onRetry?: () => void
  /** What an empty state says and offers (usually "新建备案"). */
  emptyTitle?: string
  emptyDescription?: string
  emptyAction?: ReactNode
  /** Skeleton rows while loading. */
  rows?: number
}

/** The loading / empty / error part of a page that shows one record; renders nothing once it is ready. */
export default function LoadState(props: LoadStateProps) {
  const { state, error, onRetry, emptyTitle, emptyDescription, emptyAction, rows = 4 } = props
  if (state === 'ready') return null
  if (state === 'loading')
    return (
      <View className='card load-state load-state--loading' aria-busy='true'>
        <Skeleton rows={rows} animated />
      </View>
    )
  if (state === 'empty')
    return (
      <View className='card load-state load-state--empty'>
        <EmptyState title={emptyTitle ?? '还没有备案'} description={emptyDescription}>
          {emptyAction}
        </EmptyState>
      </View>
    )
  return (
    <View className='card load-state load-state--error' role='alert'>
      <Text className='load-state__title'>没能加载</Text>
      <Text className='load-state__message'>{error?.message ?? '请稍后重试'}</Text>
      {onRetry ? (
        <Button className='load-state__retry' type='primary' fill='outline' size='small' onClick={onRetry}>
          重试
        </Button>
      ) : null}
    </View>
  )
}
