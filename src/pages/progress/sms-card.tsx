import { Text, View } from '@tarojs/components'
import { maskMobile } from '../../domain'
import type { PersonForm } from '../../domain/types'
import { SmsCountdownView } from '../../components/sms-countdown'
import { useSmsRemaining } from '../../components/sms-countdown/use-remaining'

interface SmsCardProps {
  deadline: string
  ownerPrincipal: Partial<PersonForm>
  /** Shows "让收短信的负责人也收到提醒" (the owner account may not be the person whose phone gets the text). */
  onInvite?: () => void
  /** Whether this user records the verification here; false when the platform reports it (a connected filing). */
  canRecord: boolean
}

/** The 24-hour SMS window: the live countdown and exactly what to do, for the most expensive deadline of the filing. */
export default function SmsCard({ deadline, ownerPrincipal, onInvite, canRecord }: SmsCardProps) {
  const remaining = useSmsRemaining(deadline)
  const expired = !!remaining?.overdue
  const mobile = ownerPrincipal.mobile
    ? ownerPrincipal.mobile.includes('*')
      ? ownerPrincipal.mobile
      : maskMobile(ownerPrincipal.mobile)
    : ''
  const who = [ownerPrincipal.name, mobile && `手机 ${mobile}`].filter(Boolean).join('，')
  return (
    <View
      className={`card progress-sms ${expired ? 'progress-sms--expired' : remaining?.urgent ? 'progress-sms--urgent' : ''}`}
    >
      <Text className='progress-sms__title'>{expired ? '短信核验的 24 小时已过' : '24 小时内完成短信核验'}</Text>
      {remaining ? <SmsCountdownView deadline={deadline} remaining={remaining} /> : null}
      {expired ? (
        <Text className='progress-sms__step'>
          {canRecord
            ? '如果已经核验，点“已完成短信核验”；没有核验的话，工信部会自动退回，点“短信核验已超时”后重新提交备案。'
            : '如果已经核验，进度会从平台自动更新；没有核验的话，工信部会自动退回，需要重新提交备案。'}
        </Text>
      ) : (
        <View className='progress-sms__steps'>
          <Text className='progress-sms__step'>1. 12381 的短信发到主体负责人{who ? `（${who}）` : ''}的手机上。</Text>
          <Text className='progress-sms__step'>
            2. 打开短信里的链接（工信部备案系统 beian.miit.gov.cn），输入短信中的验证码完成核验；输错 5 次也会被退回。
          </Text>
          <Text className='progress-sms__step'>
            {canRecord
              ? '3. 核验完成后，回来点“已完成短信核验”。'
              : '3. 核验完成后，进度会从平台自动更新，不用回来点。'}
          </Text>
          <Text className='progress-sms__hint'>
            没收到？看看手机的短信拦截和垃圾箱，确认号码没有停机欠费，或把卡放到另一部手机上，也可以在工信部备案系统重新发送。
          </Text>
        </View>
      )}
      {onInvite ? (
        <Text className='progress-sms__invite' onClick={onInvite}>
          让收短信的负责人也收到提醒 ›
        </Text>
      ) : null}
    </View>
  )
}
