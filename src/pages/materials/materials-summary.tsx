import { Text, View } from '@tarojs/components'
import { Progress } from '@nutui/nutui-react-taro'
import { ROUTES } from '../../constants/routes'
import { PLATFORMS } from '../../domain/rules/platforms'
import { provinceName } from '../../domain/rules/regions'
import type { FilingView } from '../../services/api-types'
import { openPage } from '../../services/navigation'
import { FILING_TYPE_LABELS } from './sections'

interface MaterialsSummaryProps {
  filing: FilingView
  total: number
  readyCount: number
  problemCount: number
}

/** Which filing this checklist is for, and how much of it is ready. */
export default function MaterialsSummary({ filing, total, readyCount, problemCount }: MaterialsSummaryProps) {
  const percent = total ? Math.round((readyCount / total) * 100) : 0
  return (
    <View className='card materials__summary'>
      <View className='materials__filing'>
        <Text className='materials__filing-title'>{filing.title}</Text>
        <Text className='materials__filing-meta'>
          {PLATFORMS[filing.profile.platform]?.name ?? filing.profile.platform} ·{' '}
          {FILING_TYPE_LABELS[filing.profile.filingType]} · {provinceName(filing.profile.province)}
        </Text>
      </View>
      <Text className='materials__progress-text'>
        已准备 {readyCount}/{total}
        {problemCount ? `，有问题 ${problemCount} 项` : ''}
      </Text>
      <Progress className='materials__progress' percent={percent} color='#00b42a' strokeWidth='8' />
      <View className='materials__links'>
        <Text className='materials__link' onClick={() => openPage(ROUTES.selfCheck)}>
          信息自检 ›
        </Text>
        <Text className='materials__link materials__link--muted' onClick={() => openPage(ROUTES.home)}>
          切换备案（首页）
        </Text>
      </View>
    </View>
  )
}
