import { useEffect, useMemo, useState } from 'react'
import { Text, View } from '@tarojs/components'
import { formatWechatTime, parseInstant } from '../../domain/time'
import { remainingUntil } from './remaining'
import './index.scss'

interface SmsCountdownProps {
  /** The SMS deadline (ISO instant): the 12381 text's arrival + 24 h. */
  deadline: string
  className?: string
}

/**
 * The live countdown of the 24-hour SMS window: ticks every second, turns red under 6 hours and says 已超时 after.
 * It stops ticking once the deadline has passed.
 */
export default function SmsCountdown({ deadline, className }: SmsCountdownProps) {
  const deadlineMs = useMemo(() => parseInstant(deadline), [deadline])
  const [now, setNow] = useState(() => Date.now())

  useEffect(() => {
    if (Number.isNaN(deadlineMs)) return undefined
    setNow(Date.now())
    if (Date.now() >= deadlineMs) return undefined
    const timer = setInterval(() => {
      const t = Date.now()
      setNow(t)
      if (t >= deadlineMs) clearInterval(timer)
    }, 1000)
    return () => clearInterval(timer)
  }, [deadlineMs])

  if (Number.isNaN(deadlineMs)) return null
  const remaining = remainingUntil(deadlineMs, now)
  const modifier = remaining.overdue ? 'sms-countdown--overdue' : remaining.urgent ? 'sms-countdown--urgent' : ''

  return (
    <View className={`sms-countdown ${modifier} ${className ?? ''}`}>
      <View className='sms-countdown__row'>
        <Text className='sms-countdown__label'>{remaining.overdue ? '短信核验' : '短信核验剩余'}</Text>
        <Text className='sms-countdown__time'>{remaining.text}</Text>
      </View>
      <Text className='sms-countdown__deadline'>
        {remaining.overdue
          ? `已过截止时间 ${formatWechatTime(deadline)}；如未核验，备案会被退回，需要重新提交`
          : `截止 ${formatWechatTime(deadline)}，在工信部备案系统输入 12381 短信里的验证码`}
      </Text>
    </View>
  )
}
