import { Text, View } from '@tarojs/components'
import { Tag } from '@nutui/nutui-react-taro'
import { formatDateTime } from '../../components/stage-timeline/format'
import { PLATFORMS, STAGE_LABELS, currentEntry, shanghaiDate } from '../../domain'
import type { Stage } from '../../domain/types'
import type { FilingView } from '../../services/api-types'
import { stageGuidance } from './guidance'

const TAG_TYPES: Partial<Record<Stage, 'primary' | 'success' | 'danger' | 'warning' | 'default'>> = {
  approved: 'success',
  platform_rejected: 'danger',
  admin_rejected: 'danger',
  sms_expired: 'danger',
  sms_verification: 'warning',
  cancelled: 'default'
}

interface ProgressHeadProps {
  filing: FilingView
  nowIso: string
}

/** The filing's name, its stage, since when, and what to do in this stage. */
export default function ProgressHead({ filing, nowIso }: ProgressHeadProps) {
  const { progress, profile } = filing
  const entry = currentEntry(progress)
  // a connected filing's stages come from the platform: say so
  const synced = entry?.source === 'platform'
  return (
    <View className='card progress__head'>
      <View className='progress__head-row'>
        <Text className='progress__title'>{filing.title || filing.form.miniProgram.name || '我的备案'}</Text>
        <Tag className='progress__stage' type={TAG_TYPES[progress.stage] ?? 'primary'}>
          {STAGE_LABELS[progress.stage]}
        </Tag>
      </View>
      <Text className='muted'>
        {PLATFORMS[profile.platform].name}
        {entry ? ` · 本阶段始于 ${formatDateTime(entry.at, shanghaiDate(nowIso))}` : ''}
      </Text>
      {synced && entry ? (
        <Text className='progress__synced'>
          平台同步：本阶段由平台状态自动记录（{formatDateTime(entry.recordedAt ?? entry.at, shanghaiDate(nowIso))}{' '}
          读取）
        </Text>
      ) : null}
      <Text className='progress__guidance'>{stageGuidance(progress.stage, profile)}</Text>
    </View>
  )
}
