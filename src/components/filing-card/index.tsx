import { Text, View } from '@tarojs/components'
import { PLATFORMS } from '../../domain/rules/platforms'
import { STAGE_LABELS } from '../../domain/stages'
import { formatWechatTime, isValidInstant } from '../../domain/time'
import type { FilingSummary } from '../../services/api-types'
import { connectorPlatformOf } from '../../services/connector'
import { ROLE_LABELS, offersInvite } from '../../services/invites'
import SmsCountdown from '../sms-countdown'
import { nextAction } from './next-action'
import './index.scss'

interface FilingCardProps {
  filing: FilingSummary
  onOpen: (filing: FilingSummary) => void
  /** Offered from the draft on to the owner of a filing whose principal is someone else. */
  onInvite?: (filing: FilingSummary) => void
  /** Offered to the owner of a WeChat / Douyin filing that is not connected yet and not finished. */
  onConnect?: (filing: FilingSummary) => void
}

/** One filing on the home page: what it is, where it stands, what comes next and by when. */
export default function FilingCard({ filing, onOpen, onInvite, onConnect }: FilingCardProps) {
  const next = nextAction(filing)
  const invited = filing.access !== 'owner'
  const countdown = filing.stage === 'sms_verification' && filing.smsDeadline
  // an individual's filing has no one else to invite (the owner is the principal)
  const invite = onInvite && offersInvite(filing)
  const connect =
    onConnect &&
    filing.access === 'owner' &&
    !!connectorPlatformOf(filing.platform) &&
    filing.stage !== 'approved' &&
    filing.stage !== 'cancelled'

  return (
    <View className={`filing-card card filing-card--${next.tone}`} onClick={() => onOpen(filing)}>
      <View className='filing-card__head'>
        <Text className='filing-card__title'>{filing.title}</Text>
        <Text className={`filing-card__stage filing-card__stage--${next.tone}`}>{STAGE_LABELS[filing.stage]}</Text>
      </View>
      <View className='filing-card__meta'>
        <Text className='filing-card__platform'>{PLATFORMS[filing.platform]?.name ?? filing.platform}</Text>
        {invited ? (
          <Text className='filing-card__invited'>
            受邀查看 · {ROLE_LABELS[filing.access as keyof typeof ROLE_LABELS]}
          </Text>
        ) : null}
      </View>
      <View className='filing-card__next'>
        <Text className='filing-card__next-label'>{next.label}</Text>
        <Text className='filing-card__next-text'>{next.text}</Text>
      </View>
      {countdown ? <SmsCountdown deadline={filing.smsDeadline!} /> : null}
      {invite ? (
        <Text
          className='filing-card__invite'
          onClick={(e) => {
            e.stopPropagation()
            onInvite(filing)
          }}
        >
          邀请负责人一起跟进（收 12381 短信、做人脸核身）›
        </Text>
      ) : null}
      {connect ? (
        <Text
          className='filing-card__connect'
          onClick={(e) => {
            e.stopPropagation()
            onConnect(filing)
          }}
        >
          连接小程序，进度自动同步 ›
        </Text>
      ) : null}
      {isValidInstant(filing.updatedAt) ? (
        <Text className='filing-card__updated'>更新于 {formatWechatTime(filing.updatedAt)}</Text>
      ) : null}
    </View>
  )
}
