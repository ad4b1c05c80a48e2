/** The wizard's summaries: keywords that hint at an undeclared 前置审批 industry, and the materials the answers need. */
import { useMemo } from 'react'
import { Text, View } from '@tarojs/components'
import { INDUSTRIES, buildChecklist, detectPreApproval } from '../../domain'
import type { WizardAnswers } from './answers'

/** One explanation for all hits (it used to repeat the same sentence per industry, on every step). */
export function KeywordHits({ answers }: { answers: WizardAnswers }) {
  const keywordHits = useMemo(() => detectPreApproval(Object.values(answers.texts).join('\n')), [answers.texts])
  const undeclaredHits = keywordHits.filter((id) => !answers.industries.includes(id))
  if (!undeclaredHits.length || answers.filingType === 'cancel') return null
  return (
    <View className='card wizard__hits'>
      <Text className='wizard__label'>名称或描述里有前置审批行业的关键词</Text>
      <Text className='wizard__hit'>涉及：{undeclaredHits.map((id) => INDUSTRIES[id].label).join('、')}</Text>
      <Text className='wizard__hit'>
        实际不从事这类业务的，要提交《不涉及前置审批承诺书》（清单里已加上）；从事的，请回到“经营行业”勾选。
      </Text>
    </View>
  )
}

export function ChecklistPreview({ answers }: { answers: WizardAnswers }) {
  const checklist = useMemo(() => (answers.province ? buildChecklist(answers) : []), [answers])
  if (!checklist.length) return null
  const optional = checklist.filter((c) => !c.required).length
  return (
    <View className='card wizard__preview'>
      {/* the same count 材料 shows as 已准备 0/N */}
      <Text className='wizard__label'>你需要准备 {checklist.length} 项材料</Text>
      {optional ? <Text className='muted'>其中 {optional} 项（○）视情况准备</Text> : null}
      {checklist.map((item) => (
        <Text key={item.id} className={`wizard__preview-item ${item.required ? '' : 'muted'}`}>
          {item.required ? '●' : '○'} {item.title}
        </Text>
      ))}
    </View>
  )
}
