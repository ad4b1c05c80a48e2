import { useState } from 'react'
import { View } from '@tarojs/components'
import { Button, Cell } from '@nutui/nutui-react-taro'

export default function Index() {
  const [taps, setTaps] = useState(0)
  return (
    <View>
      <Cell title='一页应用' description={`点了 ${taps} 次`} />
      <Button type='primary' onClick={() => setTaps(taps + 1)}>
        点一下
      </Button>
    </View>
  )
}
