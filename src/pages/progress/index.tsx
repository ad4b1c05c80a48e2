import { useEffect, useMemo } from 'react'
import { Text, View } from '@tarojs/components'
import { useRouter } from '../../services/page-hooks'
import { Button, Cell, Tag } from '@nutui/nutui-react-taro'
import FilingGate, { NewFilingButton } from '../../components/filing-gate'
import PageShell from '../../components/page-shell'
import ReminderAsk from '../../components/reminder-ask'
import StageTimeline from '../../components/stage-timeline'
import { formatDateTime } from '../../components/stage-timeline/format'
import { PLATFORMS, STAGE_LABELS, buildChecklist, currentEntry, shanghaiDate, toShanghaiIso } from '../../domain'
import type { FilingProgress, Stage, StageEntry } from '../../domain/types'
import { ROUTES, withQuery } from '../../constants/routes'
import { useCurrentFiling } from '../../hooks/use-current-filing'
import { useReminderSchedule } from '../../hooks/use-reminder-schedule'
import { connectorPlatformOf } from '../../services/connector'
import { inviteUrl, offersInvite } from '../../services/invites'
import { openPage } from '../../services/navigation'
import { canRequestSubscriptions, loadSubscriptionStatus } from '../../services/subscriptions'
import ActionCard from './action-card'
import { stageGuidance } from './guidance'
import RejectionCard from './rejection-card'
import SmsCard from './sms-card'
import { usePrincipalJoined } from './use-principal-joined'
import { useStageActions, type ActionType } from './use-stage-actions'
import './index.scss'

const REJECTED_STAGES: Stage[] = ['platform_rejected', 'admin_rejected']
/** Waiting for a review or the SMS: the stages whose reminders are worth another tap on 进度. */
const WINDOW_STAGES: Stage[] = ['platform_review', 'sms_verification', 'admin_review']

const TAG_TYPES: Partial<Record<Stage, 'primary' | 'success' | 'danger' | 'warning' | 'default'>> = {
  approved: 'success',
  platform_rejected: 'danger',
  admin_rejected: 'danger',
  sms_expired: 'danger',
  sms_verification: 'warning',
  cancelled: 'default'
}

function lastRejection(progress: FilingProgress): StageEntry | undefined {
  for (let i = progress.history.length - 1; i >= 0; i--)
    if (REJECTED_STAGES.includes(progress.history[i].stage)) return progress.history[i]
  return undefined
}

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

  const checklistIds = useMemo(() => (filing ? buildChecklist(filing.profile).map((c) => c.id) : []), [filing])

  if (!filing)
    return (
      <FilingGate
        current={current}
        className='progress'
        title='备案进度'
        emptyTitle='还没有进行中的备案'
        emptyDescription='提交备案后，在这里记录每个阶段，我们按工作日算出预计日期，并在短信核验截止前提醒你。'
      />
    )

  const { progress, profile } = filing
  // what this user may do now: the back end says (an invitee: the SMS steps only)
  const actions: ActionType[] = filing.actions
  const entry = currentEntry(progress)
  const rejection = REJECTED_STAGES.includes(progress.stage) ? entry : lastRejection(progress)
  const showEarlierRejection = !!rejection && !['approved', 'cancelled'].includes(progress.stage)
  const nowIso = toShanghaiIso(Date.now())
  const remindersUrl = withQuery(ROUTES.reminders, { id: filing.id })
  const inviteOffered = offersInvite({ access: filing.access, stage: progress.stage, ownerType: profile.ownerType })
  const { notice, subscriptionNote } = stage
  // a connected filing's stages come from the platform: say so, and offer the connection to the owner
  const synced = entry?.source === 'platform'
  const everSynced = progress.history.some((h) => h.source === 'platform')
  const connectOffered = isOwner && !!connectorPlatformOf(profile.platform)

  return (
    <PageShell className='progress'>
      <View className='card progress__head'>
        <View className='progress__head-row'>
          <Text className='progress__title'>{filing.title || filing.form.miniProgram.name || '我的备案'}</Text>
          <Tag className='progress__stage' type={TAG_TYPES[progress.stage] ?? 'primary'}>
            {STAGE_LABELS[progress.stage]}
          </Tag>
        </View>
        <Text className='muted'>
          {PLATFORMS[profile.platform].name}
          {entry ? ` · 本阶段始于 ${formatDateTime(entry.at, shanghaiDate(nowIso))}` : ''}
        </Text>
        {synced && entry ? (
          <Text className='progress__synced'>
            平台同步：本阶段由平台状态自动记录（{formatDateTime(entry.recordedAt ?? entry.at, shanghaiDate(nowIso))}{' '}
            读取）
          </Text>
        ) : null}
        <Text className='progress__guidance'>{stageGuidance(progress.stage, profile)}</Text>
      </View>

      {progress.stage === 'approved' ? (
        <View className='card progress-approved'>
          <Text className='progress-approved__label'>备案号</Text>
          <Text className='progress-approved__number' userSelect>
            {progress.filingNumber || '（注销备案无新备案号）'}
          </Text>
          <Text className='muted'>长按可复制。平台会在小程序资料页自动展示，无需自己添加。</Text>
        </View>
      ) : null}

      {progress.stage === 'sms_verification' && progress.smsDeadline ? (
        <SmsCard
          deadline={progress.smsDeadline}
          ownerPrincipal={filing.form.ownerPrincipal}
          canRecord={filing.actions.includes('sms_verified')}
          onInvite={
            inviteOffered && principalJoined !== true ? () => openPage(inviteUrl('owner_principal')) : undefined
          }
        />
      ) : null}

      {progress.stage === 'sms_expired' ? (
        <View className='card progress-expired' role='alert'>
          <Text className='progress__card-title'>短信核验超时，需要重新提交备案</Text>
          <Text className='progress__text'>
            收到 12381 短信后 24
            小时内没有完成核验，工信部会自动退回，之前的审核不再有效。请在平台上重新提交（信息不变也要重新提交），
            通过初审后会收到新的 12381 短信——这次记得邀请收短信的负责人一起接收提醒。
          </Text>
        </View>
      ) : null}

      {showEarlierRejection && rejection ? (
        <RejectionCard
          title={REJECTED_STAGES.includes(progress.stage) ? '驳回原因' : '上次驳回的原因'}
          entry={rejection}
          checklistIds={checklistIds}
          canFix={isOwner}
        />
      ) : null}

      {[notice, subscriptionNote].map((n, i) =>
        n ? (
          <View
            key={i}
            className={`progress__notice progress__notice--${n.tone}`}
            role={n.tone === 'error' ? 'alert' : 'status'}
          >
            <Text>{n.text}</Text>
            {n.fallback ? (
              <Button className='progress__calendar' size='small' type='primary' onClick={() => openPage(remindersUrl)}>
                添加到日历
              </Button>
            ) : null}
          </View>
        ) : null
      )}

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
        <StageTimeline progress={progress} profile={profile} now={nowIso} />
      </View>

      <Cell.Group>
        {connectOffered ? (
          <Cell
            className='progress__connect'
            title={everSynced ? '连接小程序 · 自动同步' : '连接小程序'}
            description={
              everSynced
                ? '查看连接状态、最近一次同步和平台通知'
                : '让小程序管理员授权一次，之后每个阶段自动记录，短信核验开始时立即提醒'
            }
            clickable
            onClick={() => openPage(withQuery(ROUTES.connect, { id: filing.id }))}
          />
        ) : null}
        {connectorPlatformOf(profile.platform) ? (
          <Cell
            className='progress__submit'
            title={isOwner ? '在线提交备案' : '人脸核身'}
            description={
              isOwner
                ? '照片上传、负责人人脸核身、提交和撤回，都通过平台接口完成'
                : '主办方发起人脸核身后，这里告诉你在手机上做什么、截止到什么时候'
            }
            clickable
            onClick={() => openPage(withQuery(ROUTES.submit, { id: filing.id }))}
          />
        ) : null}
        {inviteOffered ? (
          <Cell
            className='progress__invite'
            title='邀请负责人'
            description='主体负责人会收到 12381 短信、小程序负责人要做人脸核身：请他们一起接收提醒'
            clickable
            onClick={() => openPage(inviteUrl())}
          />
        ) : null}
        <Cell
          className='progress__reminders'
          title='提醒与日历'
          description='看看哪些提醒会按时送达，或把截止时间加到手机日历'
          clickable
          onClick={() => openPage(remindersUrl)}
        />
      </Cell.Group>
    </PageShell>
  )
}
