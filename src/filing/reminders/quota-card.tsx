import { Text, View } from '@tarojs/components'
import { REMINDER_TEMPLATES } from '../../domain'
import type { TemplateKind } from '../../domain/types'
import type { SubscriptionStatus } from '../../services/api-types'

/** How many more messages of each kind I can receive (accepted requests not used yet). */
export default function QuotaCard({ templates }: { templates: SubscriptionStatus['templates'] }) {
  return (
    <View className='card reminders-quota'>
      <Text className='reminders__card-title'>我的订阅</Text>
      {(Object.keys(REMINDER_TEMPLATES) as TemplateKind[]).map((kind) => (
        <View key={kind} className='reminders-quota__row'>
          <Text className='reminders-quota__name'>{REMINDER_TEMPLATES[kind].title}</Text>
          <Text className='reminders-quota__value'>
            {templates[kind]?.templateId
              ? templates[kind].quota > 0
                ? `还能收 ${templates[kind].quota} 条`
                : '未授权'
              : '未配置'}
          </Text>
        </View>
      ))}
    </View>
  )
}
