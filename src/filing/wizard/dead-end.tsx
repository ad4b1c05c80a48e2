/** A combination the province rules refuse: why, and what would work instead (each a tap that changes the answers). */
import { useEffect } from 'react'
import { Text, View } from '@tarojs/components'
import { Button } from '@nutui/nutui-react-taro'
import type { DeadEnd, DeadEndAlternative } from '../../domain'
import { scrollPageTo } from '../../services/navigation'

interface DeadEndCardProps {
  deadEnd: DeadEnd
  onChoose(alternative: DeadEndAlternative): void
}

export function DeadEndCard({ deadEnd, onChoose }: DeadEndCardProps) {
  // The card comes under the long province grids, below the fold of a phone: bring the reason and the way out into
  // view when a dead end appears (or a different one replaces it), not only the one-line reason beside 下一步
  useEffect(() => {
    scrollPageTo('.wizard__dead-end', -16)
  }, [deadEnd.reason])

  return (
    <View className='card wizard__dead-end' role='alert'>
      <Text className='wizard__label'>这样备案通不过</Text>
      <Text className='wizard__dead-end-reason'>{deadEnd.reason}</Text>
      {deadEnd.alternatives.length ? <Text className='muted'>可以改为：</Text> : null}
      {deadEnd.alternatives.map((alternative) => (
        <Button
          key={alternative.label}
          className='wizard__alternative'
          type='primary'
          fill='outline'
          block
          onClick={() => onChoose(alternative)}
        >
          {alternative.label}
        </Button>
      ))}
    </View>
  )
}
