import { Text, View } from '@tarojs/components'
import { SEVERITY_LABELS, fullFieldLabel } from '../self-check/fields'
import { openSelfCheck } from './open-self-check'
import type { FindingGroup } from './use-check-findings'

/** One card per finding, grouped by severity; a tap goes back to the field to fix. */
export default function FindingGroups({ groups }: { groups: FindingGroup[] }) {
  return (
    <>
      {groups.map(({ severity, list }) =>
        list.length ? (
          <View key={severity} className={`check-result__group check-result__group--${severity}`}>
            <Text className='section-title'>
              {SEVERITY_LABELS[severity]}（{list.length}）
            </Text>
            {list.map((f) => (
              <View
                key={`${f.field}:${f.code}`}
                className={`card check-result__item check-result__item--${severity}`}
                data-field={f.field}
                onClick={() => openSelfCheck(f)}
              >
                <View className='check-result__item-head'>
                  <Text className='check-result__field'>{fullFieldLabel(f.field)}</Text>
                  <Text className='check-result__go'>去修改 ›</Text>
                </View>
                <Text className='check-result__message'>{f.message}</Text>
                <Text className='check-result__fix'>怎么改：{f.fix}</Text>
              </View>
            ))}
          </View>
        ) : null
      )}
    </>
  )
}
