/** Under every step: keywords that hint at an undeclared 前置审批 industry, and the materials the answers so far need. */
import { useMemo } from 'react'
import { Text, View } from '@tarojs/components'
import { INDUSTRIES, buildChecklist, detectPreApproval } from '../../domain'
import type { WizardAnswers } from './answers'

export function KeywordHits({ answers }: { answers: WizardAnswers }) {
  const keywordHits = useMemo(() => detectPreApproval(Object.values(answers.texts).join('\n')), [answers.texts])
  const undeclaredHits = keywordHits.filter((id) => !answers.industries.includes(id))
  if (!undeclaredHits.length) return null
  return (
    <View className='card wizard__hits'>
      <Text className='wizard__label'>名称或描述里有前置审批行业的关键词</Text>
      {undeclaredHits.map((id) => (
        <Text key={id} className='wizard__hit'>
          · {INDUSTRIES[id].label}
          ：如果实际不从事这类业务，要提交《不涉及前置审批承诺书》（清单里已加上）；如果从事，请回到“经营行业”勾选。
        </Text>
      ))}
    </View>
  )
}

export function ChecklistPreview({ answers }: { answers: WizardAnswers }) {
  const checklist = useMemo(() => (answers.province ? buildChecklist(answers) : []), [answers])
  if (!checklist.length) return null
  return (
    <View className='card wizard__preview'>
      <Text className='wizard__label'>你需要准备 {checklist.filter((c) => c.required).length} 项材料</Text>
      {checklist.map((item) => (
        <Text key={item.id} className={`wizard__preview-item ${item.required ? '' : 'muted'}`}>
          {item.required ? '●' : '○'} {item.title}
        </Text>
      ))}
    </View>
  )
}
