import { Text, View } from '@tarojs/components'
import { Button } from '@nutui/nutui-react-taro'
import type { Finding } from '../../domain/types'

type ShownFinding = Finding & { options?: { code: string; name: string }[] }

interface FindingsCardProps {
  title: string
  hint: string
  findings: ShownFinding[]
  className: string
  onFix: (field: string) => void
}

/** Findings on our own fields (mapping or the platform's refusal), each with its fix and a way to the field. */
export default function FindingsCard({ title, hint, findings, className, onFix }: FindingsCardProps) {
  if (!findings.length) return null
  return (
    <View className={`card submit__findings ${className}`}>
      <Text className='submit__title'>{title}</Text>
      <Text className='submit__text'>{hint}</Text>
      {findings.map((f) => (
        <View key={`${f.field}-${f.code}`} className='submit__finding' data-field={f.field}>
          <Text className='submit__finding-message'>{f.message}</Text>
          <Text className='submit__finding-fix'>怎么改：{f.fix}</Text>
          {f.options?.length ? (
            <Text className='submit__finding-options'>
              平台可选：
              {f.options
                .slice(0, 12)
                .map((o) => o.name)
                .join('、')}
              {f.options.length > 12 ? ` 等 ${f.options.length} 项` : ''}
            </Text>
          ) : null}
          {f.field && f.field !== 'platform' && !f.field.startsWith('media.') ? (
            <Button size='small' fill='outline' className='submit__finding-fix-button' onClick={() => onFix(f.field)}>
              去修改
            </Button>
          ) : null}
        </View>
      ))}
    </View>
  )
}
