import { View } from '@tarojs/components'
import { Button } from '@nutui/nutui-react-taro'
import LoadState from '../../components/load-state'
import PageShell from '../../components/page-shell'
import { ROUTES } from '../../constants/routes'
import { connectorPlatformOf } from '../../services/connector'
import { openPage } from '../../services/navigation'
import { NewFilingButton } from '../../components/filing-gate'
import FindingGroups from './finding-groups'
import ManualChecks from './manual-checks'
import { openSelfCheck } from './open-self-check'
import SummaryCard from './summary-card'
import { useCheckFindings } from './use-check-findings'
import './index.scss'

export default function CheckResultPage() {
  const { current, filing, filingId, restored, settled, masked, groups, count } = useCheckFindings()

  if (!restored) {
    // an error shows once it is clear that there is no device draft to check instead
    const state =
      current.state === 'error' && (settled || !filingId) ? 'error' : current.state === 'empty' ? 'empty' : 'loading'
    return (
      <PageShell className='check-result'>
        <LoadState
          state={state}
          error={current.state === 'error' ? current.error : undefined}
          onRetry={current.reload}
          emptyTitle='还没有备案'
          emptyDescription='先用向导建立一份备案，再来自检'
          emptyAction={<NewFilingButton />}
        />
      </PageShell>
    )
  }

  // a WeChat or Douyin filing of the owner can go to the platform from here
  const onlineSubmit = filing?.access === 'owner' && !!connectorPlatformOf(filing.profile.platform)

  return (
    <PageShell
      className='check-result'
      footer={
        <View className='check-result__actions'>
          <Button className='check-result__edit' onClick={() => openSelfCheck()}>
            返回填写
          </Button>
          {count('error') === 0 ? (
            <Button className='check-result__next' type='primary' onClick={() => openPage(ROUTES.progress)}>
              去进度页提交
            </Button>
          ) : null}
        </View>
      }
    >
      <SummaryCard
        count={count}
        restored={restored}
        masked={masked}
        submitFilingId={onlineSubmit ? filing?.id : undefined}
      />
      <FindingGroups groups={groups} />
      <ManualChecks />
    </PageShell>
  )
}
