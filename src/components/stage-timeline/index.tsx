import { Text, View } from '@tarojs/components'
import { STAGE_LABELS, shanghaiDate, stageEtas } from '../../domain'
import type { FilingProfile, FilingProgress, RecipientRole, Stage } from '../../domain/types'
import { formatDateTime, formatDay } from './format'
import { recordedByText } from './recorder'
import './index.scss'

interface StageTimelineProps {
  progress: FilingProgress
  profile: FilingProfile
  /** ISO instant the ETAs are counted from (a prop, so tests and the page decide the clock). */
  now: string
  /** The member looking (the filing's `access`): a step they recorded reads 由我记录. */
  viewer: RecipientRole
}

interface Row {
  key: string
  stage: Stage
  state: 'done' | 'current' | 'upcoming'
  when: string
  eta?: string
  note?: string
  /** Observed from the platform's own API (a connected mini-program), not reported by a person. */
  synced?: boolean
  /** Who recorded a step that happened (none on the stages still ahead). */
  recordedBy?: string
}

const REJECTED: Stage[] = ['platform_rejected', 'sms_expired', 'admin_rejected', 'cancelled']

/** The range text of an ETA: '预计 11月20日 周五（最早 11月18日，最晚 12月1日）'. */
function etaText(eta: { etaDate?: string; minDate?: string; maxDate?: string }, today: string, verb: string): string {
  if (!eta.etaDate) return ''
  const range =
    eta.minDate && eta.maxDate && eta.minDate !== eta.maxDate
      ? `（最早 ${formatDay(eta.minDate, today)}，最晚 ${formatDay(eta.maxDate, today)}）`
      : ''
  return `预计 ${formatDay(eta.etaDate, today)} ${verb}${range}`
}

/**
 * Every stage the filing went through, with the date it started, then the stages still ahead with their expected
 * dates counted in working days (public holidays and 调休 included).
 */
export default function StageTimeline({ progress, profile, now, viewer }: StageTimelineProps) {
  const today = shanghaiDate(now)
  const etas = stageEtas(progress, profile, now)
  const finished = progress.stage === 'approved' || progress.stage === 'cancelled'
  const last = progress.history.length - 1

  const rows: Row[] = progress.history.map((entry, i) => {
    const current = i === last && !finished
    const row: Row = {
      key: `${entry.stage}-${entry.at}-${i}`,
      stage: entry.stage,
      state: current ? 'current' : 'done',
      when: formatDateTime(entry.at, today),
      synced: entry.source === 'platform',
      recordedBy: recordedByText(entry, viewer)
    }
    if (current && (entry.stage === 'platform_review' || entry.stage === 'admin_review')) {
      const eta = etas.find((e) => e.stage === entry.stage)
      if (eta) row.eta = etaText(eta, today, '出结果')
      if (eta?.provisional) row.note = '明年的节假日安排还没公布，日期可能变动'
    }
    if (current && entry.stage === 'sms_verification' && progress.smsDeadline) {
      row.eta = `核验截止 ${formatDateTime(progress.smsDeadline, today)}`
    }
    if (entry.reasons?.length) row.note = `驳回原因：${entry.reasons.join('；')}`
    return row
  })

  if (!finished) {
    const resubmit = REJECTED.includes(progress.stage)
    for (const eta of etas) {
      if (eta.done || eta.startedAt || eta.stage === 'draft' || !eta.etaDate) continue
      rows.push({
        key: `upcoming-${eta.stage}`,
        stage: eta.stage,
        state: 'upcoming',
        when: resubmit ? '今天重新提交的话' : progress.stage === 'draft' ? '今天提交的话' : '接下来',
        eta: etaText(
          eta,
          today,
          eta.stage === 'approved' ? '拿到备案号' : eta.stage === 'sms_verification' ? '收到短信' : '出结果'
        ),
        note: eta.provisional ? '明年的节假日安排还没公布，日期可能变动' : undefined
      })
    }
  }

  return (
    <View className='stage-timeline'>
      {rows.map((row) => (
        <View key={row.key} className={`stage-timeline__item stage-timeline__item--${row.state}`}>
          <View className='stage-timeline__rail'>
            <View className='stage-timeline__dot' />
            <View className='stage-timeline__line' />
          </View>
          <View className='stage-timeline__body'>
            <Text className='stage-timeline__title'>
              {STAGE_LABELS[row.stage]}
              {row.synced ? <Text className='stage-timeline__synced'>平台同步</Text> : null}
            </Text>
            <Text className='stage-timeline__when'>
              {row.state === 'upcoming' ? row.when : `${row.when} 开始`}
              {/* 平台同步 is the badge beside the title already */}
              {row.recordedBy && !row.synced ? <Text className='stage-timeline__by'> · {row.recordedBy}</Text> : null}
            </Text>
            {row.eta ? <Text className='stage-timeline__eta'>{row.eta}</Text> : null}
            {row.note ? <Text className='stage-timeline__note'>{row.note}</Text> : null}
          </View>
        </View>
      ))}
      <Text className='stage-timeline__legend'>预计日期按工作日计算，已考虑法定节假日和调休；审核快慢因省份而异。</Text>
    </View>
  )
}
