import { Text, View } from '@tarojs/components'
import { formatWechatTime } from '../../domain/time'
import type { Remaining } from './remaining'
import { useSmsRemaining } from './use-remaining'
import './index.scss'

interface SmsCountdownProps {
  /** The SMS deadline (ISO instant): the 12381 text's arrival + 24 h. */
  deadline: string
  /** A page that also reacts to the time left passes its own tick, so both say the same. */
  remaining?: Remaining
  className?: string
}

/**
 * The one live countdown of the 24-hour SMS window (home card and 进度 alike): ticks every second, turns red under
 * `URGENT_MS`, never shows more time than is left, says 已超时 after and then stops ticking.
 */
export default function SmsCountdown({ deadline, remaining, className }: SmsCountdownProps) {
  const ticking = useSmsRemaining(deadline)
  const shown = remaining ?? ticking
  if (!shown) return null
  const modifier = shown.overdue ? 'sms-countdown--overdue' : shown.urgent ? 'sms-countdown--urgent' : ''
  return (
    <View className={`sms-countdown ${modifier} ${className ?? ''}`} role='timer'>
      <View className='sms-countdown__row'>
        <Text className='sms-countdown__label'>{shown.overdue ? '短信核验' : '短信核验剩余'}</Text>
        <Text className='sms-countdown__time'>{shown.text}</Text>
      </View>
      <Text className='sms-countdown__deadline'>
        {shown.overdue
          ? `已过截止时间 ${formatWechatTime(deadline)}；如未核验，备案会被退回，需要重新提交`
          : `截止 ${formatWechatTime(deadline)}（收到 12381 短信后 24 小时）`}
      </Text>
    </View>
  )
}
