import { Text, View } from '@tarojs/components'
import { Button } from '@nutui/nutui-react-taro'
import { findRejectionReason, relevantFixes } from '../../domain'
import type { StageEntry } from '../../domain/types'
import { ROUTES } from '../../constants/routes'
import { openPage } from '../../services/navigation'
import { fixActionText, fixUrl } from './fix-links'

interface RejectionCardProps {
  title: string
  entry: StageEntry
  /** Material ids on this filing's checklist, to leave out other provinces' materials. */
  checklistIds: string[]
  /** The owner fixes the filing; an invited principal only reads the reasons (no 去修改 they cannot do). */
  canFix: boolean
}

/** The reasons of one rejection, each with what to do and a link to the field or material that fixes it. */
export default function RejectionCard({ title, entry, checklistIds, canFix }: RejectionCardProps) {
  const reasons = entry.reasons ?? []
  return (
    <View className='card progress-rejection'>
      <Text className='progress__card-title'>{title}</Text>
      {reasons.length === 0 ? (
        <Text className='muted'>没有记录驳回原因：对照平台的驳回通知修改后重新提交。</Text>
      ) : null}
      {reasons.map((text, i) => {
        const match = findRejectionReason(text)
        const fixes = match ? relevantFixes(match, checklistIds) : []
        return (
          <View key={`${i}-${text}`} className='progress-reason'>
            <Text className='progress-reason__text'>{text}</Text>
            {match ? (
              <Text className='progress-reason__advice'>
                {match.label === text ? match.advice : `属于“${match.label}”。${match.advice}`}
              </Text>
            ) : (
              <Text className='progress-reason__advice'>对照驳回通知里的说明修改，再用“信息自检”检查一遍。</Text>
            )}
            {canFix ? (
              <View className='progress-reason__fixes'>
                {fixes.map((fix) => (
                  <Button
                    key={fix.kind === 'field' ? fix.path : fix.material}
                    className='progress-reason__fix'
                    size='small'
                    fill='outline'
                    type='primary'
                    onClick={() => openPage(fixUrl(fix))}
                  >
                    {fixActionText(fix)}
                  </Button>
                ))}
                {!match ? (
                  <Button
                    className='progress-reason__fix'
                    size='small'
                    fill='outline'
                    type='primary'
                    onClick={() => openPage(ROUTES.selfCheck)}
                  >
                    去信息自检
                  </Button>
                ) : null}
              </View>
            ) : null}
          </View>
        )
      })}
    </View>
  )
}
