/** A combination the province rules refuse: why, and what would work instead (each a tap that changes the answers). */
import { Text, View } from '@tarojs/components'
import { Button } from '@nutui/nutui-react-taro'
import type { DeadEnd, DeadEndAlternative } from '../../domain'

interface DeadEndCardProps {
  deadEnd: DeadEnd
  onChoose(alternative: DeadEndAlternative): void
}

export function DeadEndCard({ deadEnd, onChoose }: DeadEndCardProps) {
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
