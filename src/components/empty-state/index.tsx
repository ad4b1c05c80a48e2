import type { PropsWithChildren } from 'react'
import { Text, View } from '@tarojs/components'
import './index.scss'

interface EmptyStateProps {
  title: string
  description?: string
}

/** An empty list's message and next step. Drawn with CSS: NutUI's Empty fetches its picture from a CDN. */
export default function EmptyState({ title, description, children }: PropsWithChildren<EmptyStateProps>) {
  return (
    <View className='empty-state'>
      <View className='empty-state__icon'>
        <View className='empty-state__sheet' />
      </View>
      <Text className='empty-state__title'>{title}</Text>
      {description ? <Text className='empty-state__description'>{description}</Text> : null}
      {children}
    </View>
  )
}
