import { Text, View } from '@tarojs/components'
import type { FilingProgress } from '../../domain/types'
import type { FilingView } from '../../services/api-types'
import SmsCard from './sms-card'

/** 备案号 once approved, to copy by a long press. */
export function ApprovedCard({ progress }: { progress: FilingProgress }) {
  return (
    <View className='card progress-approved'>
      <Text className='progress-approved__label'>备案号</Text>
      <Text className='progress-approved__number' userSelect>
        {progress.filingNumber || '（注销备案无新备案号）'}
      </Text>
      <Text className='muted'>长按可复制。平台会在小程序资料页自动展示，无需自己添加。</Text>
    </View>
  )
}

/** The 24-hour SMS window passed: the filing starts over, and this time the principal should get the reminder. */
export function SmsExpiredCard() {
  return (
    <View className='card progress-expired' role='alert'>
      <Text className='progress__card-title'>短信核验超时，需要重新提交备案</Text>
      <Text className='progress__text'>
        收到 12381 短信后 24
        小时内没有完成核验，工信部会自动退回，之前的审核不再有效。请在平台上重新提交（信息不变也要重新提交），
        通过初审后会收到新的 12381 短信——这次记得邀请收短信的负责人一起接收提醒。
      </Text>
    </View>
  )
}

/**
 * The card of the stage the filing is in, where that stage has one: the 备案号 once approved, the SMS countdown while
 * the window is open (with 让负责人也收到提醒 when `onInvitePrincipal` is given), the start-over notice after it closed.
 */
export function StageCard({ filing, onInvitePrincipal }: { filing: FilingView; onInvitePrincipal?: () => void }) {
  const { progress } = filing
  if (progress.stage === 'approved') return <ApprovedCard progress={progress} />
  if (progress.stage === 'sms_expired') return <SmsExpiredCard />
  if (progress.stage !== 'sms_verification' || !progress.smsDeadline) return null
  return (
    <SmsCard
      deadline={progress.smsDeadline}
      ownerPrincipal={filing.form.ownerPrincipal}
      canRecord={filing.actions.includes('sms_verified')}
      onInvite={onInvitePrincipal}
    />
  )
}
