import { Text, View } from '@tarojs/components'
import { Button } from '@nutui/nutui-react-taro'
import { ROUTES, withQuery } from '../../constants/routes'
import type { Severity } from '../../domain/types'
import type { RestoredForm } from '../../services/form-draft'
import { openPage } from '../../services/navigation'
import { SEVERITY_LABELS } from '../self-check/fields'
import { SEVERITIES } from './use-check-findings'

interface SummaryCardProps {
  count: (s: Severity) => number
  restored: RestoredForm
  masked: boolean
  /** set when the owner's WeChat or Douyin filing can go to the platform from here */
  submitFilingId?: string
}

function leadText(errors: number, warnings: number): string {
  if (errors) return '错误会导致平台初审驳回，请逐条改正；点一条可直接回到对应的填写项。'
  if (warnings) return '警告不一定会被驳回，但值得逐条确认。确认无误后就可以去平台提交了。'
  return '所有能自动检查的项目都通过了。对照下方清单再核对一遍，然后去平台提交，并在进度页记下提交时间。'
}

/** The verdict at the top: counts per severity, what to do next and notes on what was checked. */
export default function SummaryCard({ count, restored, masked, submitFilingId }: SummaryCardProps) {
  const errors = count('error')
  const warnings = count('warning')
  return (
    <View
      className={`card check-result__summary check-result__summary--${errors ? 'error' : warnings ? 'warning' : 'ok'}`}
    >
      <Text className='check-result__title'>
        {errors ? `发现 ${errors} 个错误` : warnings ? '没有错误，还有几条提醒' : '没有发现问题'}
      </Text>
      <View className='check-result__counts'>
        {SEVERITIES.map((s) => (
          <Text key={s} className={`check-result__count check-result__count--${s}`}>
            {SEVERITY_LABELS[s]} {count(s)}
          </Text>
        ))}
      </View>
      <Text className='check-result__lead'>{leadText(errors, warnings)}</Text>
      {errors === 0 && submitFilingId !== undefined ? (
        <Button
          className='check-result__submit'
          type='primary'
          fill='outline'
          block
          onClick={() => openPage(withQuery(ROUTES.submit, { id: submitFilingId }))}
        >
          通过备案助手在线提交
        </Button>
      ) : null}
      {restored.fromDraft ? <Text className='check-result__note'>已包含手机上尚未同步的修改。</Text> : null}
      {restored.sealed === 'locked' ? (
        <Text className='check-result__note'>手机上加密保存的敏感信息修改联网后才能计入，当前按云端的版本检查。</Text>
      ) : null}
      {masked ? (
        <Text className='check-result__note'>你看到的是打码后的信息，证件号码、手机号等只有备案创建者能检查。</Text>
      ) : null}
    </View>
  )
}
