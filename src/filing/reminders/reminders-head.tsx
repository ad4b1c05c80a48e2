import { Text, View } from '@tarojs/components'
import { STAGE_LABELS } from '../../domain'
import type { Filing } from '../../domain/types'
import type { Notice } from './use-reminder-asks'

interface RemindersHeadProps {
  filing: Pick<Filing, 'title' | 'progress'>
  canAsk: boolean
  notice: Notice | null
}

/** The filing and its stage, how one-time subscriptions work, and the last outcome of asking. */
export default function RemindersHead({ filing, canAsk, notice }: RemindersHeadProps) {
  return (
    <>
      <View className='card reminders__head'>
        <Text className='reminders__title'>{filing.title || '我的备案'}</Text>
        <Text className='muted'>当前阶段：{STAGE_LABELS[filing.progress.stage]}</Text>
        {canAsk ? (
          <Text className='reminders__explain'>
            订阅消息是一次性的：每允许一次，每类提醒只能多收到一条。我们先把你允许的次数用在最要紧的提醒上（短信核验截止前的提醒，然后是管局审核结果）。
          </Text>
        ) : null}
      </View>

      {!canAsk ? (
        <View className='reminders__notice reminders__notice--warning' role='status'>
          <Text>在浏览器里收不到微信或抖音的订阅消息，请用下面的“添加到手机日历”代替。</Text>
        </View>
      ) : null}

      {notice ? (
        <View className={`reminders__notice reminders__notice--${notice.tone}`} role='status'>
          <Text>{notice.text}</Text>
        </View>
      ) : null}
    </>
  )
}
