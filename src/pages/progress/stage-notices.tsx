import { Text, View } from '@tarojs/components'
import { Button } from '@nutui/nutui-react-taro'
import { openPage } from '../../services/navigation'
import type { Notice } from './use-stage-actions'

interface StageNoticesProps {
  notices: (Notice | null)[]
  remindersUrl: string
}

/** What the last action and the last subscription request did; a reminder that cannot be sent offers the calendar. */
export default function StageNotices({ notices, remindersUrl }: StageNoticesProps) {
  return (
    <>
      {notices.map((n, i) =>
        n ? (
          <View
            key={i}
            className={`progress__notice progress__notice--${n.tone}`}
            role={n.tone === 'error' ? 'alert' : 'status'}
          >
            <Text>{n.text}</Text>
            {n.fallback ? (
              <Button className='progress__calendar' size='small' type='primary' onClick={() => openPage(remindersUrl)}>
                添加到日历
              </Button>
            ) : null}
          </View>
        ) : null
      )}
    </>
  )
}
