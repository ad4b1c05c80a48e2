import { useEffect } from 'react'
import { Text, View } from '@tarojs/components'
import { useRouter } from '../../services/page-hooks'
import FilingGate, { NewFilingButton } from '../../components/filing-gate'
import PageShell from '../../components/page-shell'
import ReminderAsk from '../../components/reminder-ask'
import StageTimeline from '../../components/stage-timeline'
import { toShanghaiIso } from '../../domain'
import type { Stage } from '../../domain/types'
import { ROUTES, withQuery } from '../../constants/routes'
import { useCurrentFiling } from '../../hooks/use-current-filing'
import { useReminderSchedule } from '../../hooks/use-reminder-schedule'
import { inviteUrl, offersInvite } from '../../services/invites'
import { openPage } from '../../services/navigation'
import { canRequestSubscriptions, loadSubscriptionStatus } from '../../services/subscriptions'
import ActionCard from './action-card'
import ProgressHead from './progress-head'
import ProgressLinks from './progress-links'
import LatestRejection from './latest-rejection'
import { StageCard } from './stage-cards'
import StageNotices from './stage-notices'
import { usePrincipalJoined } from './use-principal-joined'
import { useStageActions, type ActionType } from './use-stage-actions'
import './index.scss'

/** Waiting for a review or the SMS: the stages whose reminders are worth another tap on 进度. */
const WINDOW_STAGES: Stage[] = ['platform_review', 'sms_verification', 'admin_review']

export default function ProgressPage() {
  const router = useRouter()
  const current = useCurrentFiling({ id: router.params?.id || undefined })
  const { filing, reload, replace } = current
  const reminders = useReminderSchedule(filing?.id, filing?.version)
  const budget = reminders.schedule?.budget
  const stage = useStageActions({ filing, budgetAsk: budget?.ask, replace, reload, onChanged: reminders.reload })
  const isOwner = filing?.access === 'owner'
  const principalJoined = usePrincipalJoined(filing)

  // The template ids must be on the device before the tap that asks for them
  useEffect(() => {
    if (canRequestSubscriptions()) void loadSubscriptionStatus()
  }, [])

  if (!filing)
    return (
      <FilingGate
        current={current}
        className='progress'
        tab='progress'
        title='备案进度'
        emptyTitle='还没有进行中的备案'
        emptyDescription='提交备案后，在这里记录每个阶段，我们按工作日算出预计日期，并在短信核验截止前提醒你。'
      />
    )

  const { progress, profile } = filing
  // what this user may do now: the back end says (an invitee: the SMS steps only)
  const actions: ActionType[] = filing.actions
  const nowIso = toShanghaiIso(Date.now())
  const remindersUrl = withQuery(ROUTES.reminders, { id: filing.id })
  const inviteOffered = offersInvite({ access: filing.access, stage: progress.stage, ownerType: profile.ownerType })

  return (
    <PageShell className='progress' tab='progress'>
      <ProgressHead filing={filing} nowIso={nowIso} />

      <StageCard
        filing={filing}
        onInvitePrincipal={
          inviteOffered && principalJoined !== true ? () => openPage(inviteUrl('owner_principal')) : undefined
        }
      />

      <LatestRejection filing={filing} />

      <StageNotices notices={[stage.notice, stage.subscriptionNote]} remindersUrl={remindersUrl} />

      {actions.length ? (
        <ActionCard
          filing={filing}
          actions={actions}
          panel={stage.panel}
          saving={stage.saving}
          open={stage.setPanel}
          perform={stage.perform}
        />
      ) : !isOwner ? (
        <View className='card'>
          <Text className='muted'>现在没有需要你记录的步骤；到了关键时刻（比如 12381 短信核验），你会收到提醒。</Text>
        </View>
      ) : null}

      {WINDOW_STAGES.includes(progress.stage) ? (
        <ReminderAsk budget={budget} busy={!!stage.saving} onAsked={stage.asked} />
      ) : null}

      {progress.stage === 'cancelled' && isOwner ? <NewFilingButton className='progress__new' /> : null}

      <Text className='section-title'>时间线</Text>
      <View className='card'>
        <StageTimeline progress={progress} profile={profile} now={nowIso} viewer={filing.access} />
      </View>

      <ProgressLinks filing={filing} inviteOffered={inviteOffered} remindersUrl={remindersUrl} />
    </PageShell>
  )
}
