import { useState } from 'react'
import { Text, View } from '@tarojs/components'
import type { ChecklistItem } from '../../domain/types'

/** The reviewers' tips, a good example and the source of the rule, folded until asked for. */
export default function MaterialDetails({ item }: { item: ChecklistItem }) {
  const [open, setOpen] = useState(false)
  const details = item.tips.length + (item.goodExample ? 1 : 0)
  return (
    <>
      {details > 0 ? (
        <View className='material-item__toggle' onClick={() => setOpen(!open)} aria-expanded={open}>
          <Text>{open ? '收起要点' : `查看要点${item.goodExample ? '和合格示例' : ''}（${details} 条）`}</Text>
        </View>
      ) : null}
      {open ? (
        <View className='material-item__details'>
          {item.tips.map((tip) => (
            <Text key={tip} className='material-item__tip'>
              · {tip}
            </Text>
          ))}
          {item.goodExample ? (
            <View className='material-item__example'>
              <Text className='material-item__example-label'>合格示例</Text>
              <Text className='material-item__example-text'>{item.goodExample}</Text>
            </View>
          ) : null}
          <Text className='material-item__source'>依据：{item.source}</Text>
        </View>
      ) : null}
    </>
  )
}
