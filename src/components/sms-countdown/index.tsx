import { Text, View } from '@tarojs/components'
import { formatWechatTime } from '../../domain/time'
import type { Remaining } from './remaining'
import { useSmsRemaining } from './use-remaining'
import './index.scss'

interface SmsCountdownViewProps {
  /** The SMS deadline (ISO instant): the 12381 text's arrival + 24 h. */
  deadline: string
  remaining: Remaining
  className?: string
}

/** The countdown as shown, for a page that ticks it itself (and reacts to the same tick). */
export function SmsCountdownView({ deadline, remaining, className }: SmsCountdownViewProps) {
  const modifier = remaining.overdue ? 'sms-countdown--overdue' : remaining.urgent ? 'sms-countdown--urgent' : ''
  return (
    <View className={`sms-countdown ${modifier} ${className ?? ''}`} role='timer'>
      <View className='sms-countdown__row'>
        <Text className='sms-countdown__label'>{remaining.overdue ? '短信核验' : '短信核验剩余'}</Text>
        <Text className='sms-countdown__time'>{remaining.text}</Text>
      </View>
      <Text className='sms-countdown__deadline'>
        {remaining.overdue
          ? `已过截止时间 ${formatWechatTime(deadline)}；如未核验，备案会被退回，需要重新提交`
          : `截止 ${formatWechatTime(deadline)}（收到 12381 短信后 24 小时）`}
      </Text>
    </View>
  )
}

/**
 * The one live countdown of the 24-hour SMS window (home card and 进度 alike): ticks every second, turns red under
 * `URGENT_MS`, never shows more time than is left, says 已超时 after and then stops ticking.
 */
export default function SmsCountdown({ deadline, className }: { deadline: string; className?: string }) {
  const remaining = useSmsRemaining(deadline)
  return remaining ? <SmsCountdownView deadline={deadline} remaining={remaining} className={className} /> : null
}
