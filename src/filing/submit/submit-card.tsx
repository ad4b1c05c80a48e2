import { Text, View } from '@tarojs/components'
import { Button } from '@nutui/nutui-react-taro'
import { formatDateTime } from '../../components/stage-timeline/format'
import type { SubmissionView } from '../../services/submission'

interface SubmitCardProps {
  view: SubmissionView
  busy: boolean
  onSubmit: () => void
  onWithdraw: () => void
}

/** 提交备案 with what still stands in its way next to it; 撤回 while the platform reviews (and why not after). */
export default function SubmitCard({ view, busy, onSubmit, onWithdraw }: SubmitCardProps) {
  const { ready, blockers } = view.readiness
  const submitted = !!view.submittedAt && view.stage !== 'draft'
  return (
    <View className='card submit__final'>
      {submitted ? (
        <Text className='submit__text submit__submitted'>已于 {formatDateTime(view.submittedAt!)} 提交到平台。</Text>
      ) : null}
      {!ready && !submitted && blockers.length ? (
        <View className='submit__blockers' role='status'>
          <Text className='submit__blockers-title'>还不能提交：</Text>
          {blockers.map((b, i) => (
            <Text key={`${b.kind}-${i}`} className={`submit__blocker submit__blocker--${b.kind}`}>
              · {b.message}
            </Text>
          ))}
        </View>
      ) : null}
      {!submitted || ready ? (
        <Button type='primary' block className='submit__go' disabled={!ready || busy} loading={busy} onClick={onSubmit}>
          提交备案
        </Button>
      ) : null}
      {submitted ? (
        <>
          <Button block className='submit__withdraw' disabled={!view.canWithdraw || busy} onClick={onWithdraw}>
            撤回申请
          </Button>
          <Text className='submit__text submit__withdraw-note'>{view.withdrawNote}</Text>
        </>
      ) : null}
    </View>
  )
}
