import { useEffect, useMemo, useState } from 'react'
import { Text, View } from '@tarojs/components'
import { useRouter } from '@tarojs/taro'
import { Button, Cell, Tag } from '@nutui/nutui-react-taro'
import LoadState from '../../components/load-state'
import PageShell from '../../components/page-shell'
import StageTimeline from '../../components/stage-timeline'
import { formatDateTime } from '../../components/stage-timeline/format'
import {
  ACTION_LABELS,
  PLATFORMS,
  STAGE_LABELS,
  allowedActions,
  buildChecklist,
  currentEntry,
  shanghaiDate,
  toShanghaiIso
} from '../../domain'
import type { FilingProgress, Stage, StageAction, StageEntry } from '../../domain/types'
import { ROUTES, withQuery } from '../../constants/routes'
import { useCurrentFiling } from '../../hooks/use-current-filing'
import { api } from '../../services/api'
import { openPage } from '../../services/navigation'
import {
  SUBSCRIPTIONS_FOR_ACTION,
  canRequestSubscriptions,
  describeOutcome,
  loadSubscriptionStatus,
  requestStageSubscriptions,
  type SubscriptionRequestOutcome
} from '../../services/subscriptions'
import FilingNumberForm from './filing-number-form'
import FormButtons from './form-buttons'
import { stageGuidance } from './guidance'
import RejectionCard from './rejection-card'
import RejectionForm from './rejection-form'
import SmsArrivalForm from './sms-arrival-form'
import SmsCard from './sms-card'
import './index.scss'

type ActionType = StageAction['type']
/** Actions that need an answer first open a form in place of the buttons. */
type Panel = 'platform_pass' | 'admin_pass' | 'reject' | 'cancel'

interface Notice {
  tone: 'success' | 'error'
  text: string
}

const REJECTED_STAGES: Stage[] = ['platform_rejected', 'admin_rejected']
const PRIMARY_ACTIONS: ActionType[] = ['submit', 'platform_pass', 'sms_verified', 'admin_pass']

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
  const { state, filing, reload, replace } = current
  const [panel, setPanel] = useState<Panel | null>(null)
  const [saving, setSaving] = useState<ActionType | null>(null)
  const [notice, setNotice] = useState<Notice | null>(null)
  const [subscriptionNote, setSubscriptionNote] = useState<{ text: string; fallback: boolean } | null>(null)
  const [principalJoined, setPrincipalJoined] = useState<boolean>()

  // The template ids must be on the device before the tap that asks for them
  useEffect(() => {
    if (canRequestSubscriptions()) void loadSubscriptionStatus()
  }, [])

  const filingId = filing?.id
  const stage = filing?.progress.stage
  const isOwner = filing?.access === 'owner'
  // "让收短信的负责人也收到提醒" is pointless once the owner principal has joined
  useEffect(() => {
    if (!filingId || !isOwner || stage !== 'sms_verification') return undefined
    let live = true
    void api.invites.list({ filingId }).then((res) => {
      if (live && res.ok)
        setPrincipalJoined(res.data.some((i) => i.role === 'owner_principal' && i.state === 'accepted'))
    })
    return () => {
      live = false
    }
  }, [filingId, isOwner, stage])

  const checklistIds = useMemo(() => (filing ? buildChecklist(filing.profile).map((c) => c.id) : []), [filing])

  async function advance(action: StageAction, asked?: Promise<SubscriptionRequestOutcome>) {
    if (!filing) return
    setSaving(action.type)
    setNotice(null)
    setSubscriptionNote(null)
    const res = await api.filings.advance({ id: filing.id, version: filing.version, action })
    setSaving(null)
    if (res.ok) {
      replace(res.data)
      setPanel(null)
      setNotice({ tone: 'success', text: `已记录：${ACTION_LABELS[action.type]}` })
    } else if (res.code === 'CONFLICT') {
      setPanel(null)
      await reload()
      setNotice({
        tone: 'error',
        text: '进度已在另一台设备上更新，已刷新为最新状态，请看一下再操作。'
      })
    } else {
      setNotice({ tone: 'error', text: res.message })
    }
    if (asked) {
      const outcome = await asked
      const fallback = outcome.state !== 'answered' || outcome.results.some((r) => r.result !== 'accept')
      setSubscriptionNote({ text: describeOutcome(outcome), fallback })
    }
  }

  /**
   * Every stage action goes through here, called from the tap itself: the subscription dialog for the next stage's
   * reminders must open synchronously inside the tap, before anything is awaited.
   */
  function perform(action: StageAction) {
    if (saving) return
    const kinds = SUBSCRIPTIONS_FOR_ACTION[action.type]
    const asked = kinds ? requestStageSubscriptions(kinds) : undefined
    void advance(action, asked)
  }

  const remindersUrl = filing ? withQuery(ROUTES.reminders, { id: filing.id }) : ROUTES.reminders

  if (!filing) {
    return (
      <PageShell className='progress'>
        <Text className='section-title'>备案进度</Text>
        <LoadState
          state={state === 'ready' ? 'loading' : state}
          error={current.state === 'error' ? current.error : undefined}
          onRetry={() => void reload()}
          emptyTitle='还没有进行中的备案'
          emptyDescription='提交备案后，在这里记录每个阶段，我们按工作日算出预计日期，并在短信核验截止前提醒你。'
          emptyAction={
            <Button className='progress__new' type='primary' block onClick={() => openPage(ROUTES.wizard)}>
              新建备案
            </Button>
          }
        />
      </PageShell>
    )
  }

  const { progress, profile } = filing
  const actions = isOwner ? allowedActions(progress) : []
  const rejectAction = actions.find((a) => a === 'platform_reject' || a === 'admin_reject')
  const entry = currentEntry(progress)
  const rejection = REJECTED_STAGES.includes(progress.stage) ? entry : lastRejection(progress)
  const showEarlierRejection = !!rejection && !['approved', 'cancelled'].includes(progress.stage)
  const nowIso = toShanghaiIso(Date.now())

  const onActionTap = (type: ActionType) => {
    if (type === 'platform_pass' || type === 'admin_pass' || type === 'cancel') setPanel(type)
    else if (type === 'platform_reject' || type === 'admin_reject') setPanel('reject')
    else perform({ type } as StageAction)
  }

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
          onInvite={
            isOwner && principalJoined !== true
              ? () => openPage(withQuery(ROUTES.invite, { role: 'owner_principal' }))
              : undefined
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
        />
      ) : null}

      {notice ? (
        <View
          className={`progress__notice progress__notice--${notice.tone}`}
          role={notice.tone === 'error' ? 'alert' : 'status'}
        >
          <Text>{notice.text}</Text>
        </View>
      ) : null}
      {subscriptionNote ? (
        <View
          className={`progress__notice ${subscriptionNote.fallback ? 'progress__notice--warning' : 'progress__notice--success'}`}
        >
          <Text>{subscriptionNote.text}</Text>
          {subscriptionNote.fallback ? (
            <Button className='progress__calendar' size='small' type='primary' onClick={() => openPage(remindersUrl)}>
              添加到日历
            </Button>
          ) : null}
        </View>
      ) : null}

      {actions.length ? (
        <View className='card progress__actions'>
          <Text className='progress__card-title'>更新进度</Text>
          {panel === 'platform_pass' ? (
            <SmsArrivalForm
              filing={filing}
              saving={!!saving}
              onCancel={() => setPanel(null)}
              onConfirm={(smsReceivedAt) =>
                perform(smsReceivedAt ? { type: 'platform_pass', smsReceivedAt } : { type: 'platform_pass' })
              }
            />
          ) : panel === 'admin_pass' ? (
            <FilingNumberForm
              filing={filing}
              saving={!!saving}
              onCancel={() => setPanel(null)}
              onConfirm={(filingNumber) => perform({ type: 'admin_pass', filingNumber })}
            />
          ) : panel === 'reject' && rejectAction ? (
            <RejectionForm
              reviewName={rejectAction === 'platform_reject' ? '平台初审' : '管局审核'}
              saving={!!saving}
              onCancel={() => setPanel(null)}
              onConfirm={(reasons) => perform({ type: rejectAction, reasons })}
            />
          ) : panel === 'cancel' ? (
            <View className='progress-form'>
              <Text className='progress-form__title'>确定放弃本次备案？</Text>
              <Text className='progress__text'>
                进度会停在“已取消”，不能恢复；已经在平台提交的，还要在平台上撤回。以后要备案，新建一个即可。
              </Text>
              <FormButtons
                action='cancel'
                confirmText='确定放弃'
                cancelText='再想想'
                danger
                saving={!!saving}
                loading={saving === 'cancel'}
                onCancel={() => setPanel(null)}
                onConfirm={() => perform({ type: 'cancel' })}
              />
            </View>
          ) : (
            <View className='progress__buttons'>
              {actions.map((type) => (
                <Button
                  key={type}
                  className={`progress__action progress__action--${type}`}
                  type={PRIMARY_ACTIONS.includes(type) ? 'primary' : 'default'}
                  fill={type === 'cancel' ? 'none' : undefined}
                  block
                  disabled={!!saving}
                  loading={saving === type}
                  onClick={() => onActionTap(type)}
                >
                  {ACTION_LABELS[type]}
                </Button>
              ))}
            </View>
          )}
        </View>
      ) : !isOwner ? (
        <View className='card'>
          <Text className='muted'>
            只有备案的创建者可以更新进度；到了关键时刻（比如 12381 短信核验），你会收到提醒。
          </Text>
        </View>
      ) : null}

      {progress.stage === 'cancelled' ? (
        <Button className='progress__new' type='primary' block onClick={() => openPage(ROUTES.wizard)}>
          新建备案
        </Button>
      ) : null}

      <Text className='section-title'>时间线</Text>
      <View className='card'>
        <StageTimeline progress={progress} profile={profile} now={nowIso} />
      </View>

      <Cell.Group>
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
