import { useCallback, useEffect, useRef, useState } from 'react'
import { Text, View } from '@tarojs/components'
import { useDidShow } from '../../services/page-hooks'
import LoadState from '../../components/load-state'
import PageShell from '../../components/page-shell'
import { formatDateTime } from '../../components/stage-timeline/format'
import { ROUTES, withQuery } from '../../constants/routes'
import type { ErrorEnvelope } from '../../services/api-types'
import {
  AGENCY_FILTERS,
  PLATFORM_NAMES,
  agencyList,
  platformStatusText,
  type AgencyItem
} from '../../services/connector'
import { openPage } from '../../services/navigation'
import './index.scss'

type ListState =
  { state: 'loading' } | { state: 'ready'; items: AgencyItem[] } | { state: 'error'; error: ErrorEnvelope }

const URGENT: AgencyItem['stage'][] = ['sms_verification', 'platform_rejected', 'admin_rejected', 'sms_expired']

const DEADLINE_LABEL = { sms_deadline: '短信核验截止', review_latest: '最晚出结果' } as const

/**
 * Every mini-program the user connected (a studio filing for its clients): where each stands, what it waits for
 * and its next deadline, most urgent first (the back end orders them), filterable by stage.
 */
export default function AgencyPage() {
  const [filter, setFilter] = useState(0)
  const [list, setList] = useState<ListState>({ state: 'loading' })

  const latestRequest = useRef(0)

  const load = useCallback(async () => {
    const request = ++latestRequest.current
    const result = await agencyList(AGENCY_FILTERS[filter].stages)
    // an answer for a filter the user has since left (or an older show) must not replace the newer one
    if (request !== latestRequest.current) return
    setList(result.ok ? { state: 'ready', items: result.data.items } : { state: 'error', error: result })
  }, [filter])

  useEffect(() => {
    setList({ state: 'loading' })
    void load()
  }, [load])
  useDidShow(() => void load())

  return (
    <PageShell className='agency'>
      <View className='agency__filters' role='tablist'>
        {AGENCY_FILTERS.map((f, i) => (
          <View
            key={f.label}
            role='tab'
            aria-selected={i === filter}
            className={`agency__filter ${i === filter ? 'agency__filter--on' : ''}`}
            onClick={() => setFilter(i)}
          >
            {f.label}
          </View>
        ))}
      </View>
      {list.state === 'ready' && list.items.length ? (
        <View className='agency__list'>
          {list.items.map((item) => (
            <View
              key={item.filingId}
              className={`card agency-item ${URGENT.includes(item.stage) ? 'agency-item--urgent' : ''}`}
              onClick={() => openPage(withQuery(ROUTES.progress, { id: item.filingId }))}
            >
              <View className='agency-item__head'>
                <Text className='agency-item__title'>{item.title}</Text>
                <Text className='agency-item__stage'>{item.stageLabel}</Text>
              </View>
              <Text className='agency-item__meta'>
                {PLATFORM_NAMES[item.platform]} · {item.appId}
                {item.connection !== 'active' ? ' · 连接已失效' : ''}
              </Text>
              <Text className='agency-item__waiting'>{item.waitingFor}</Text>
              {item.nextDeadline && item.nextDeadlineKind ? (
                <Text className='agency-item__deadline'>
                  {DEADLINE_LABEL[item.nextDeadlineKind]} {formatDateTime(item.nextDeadline)}
                </Text>
              ) : null}
              {item.filingNumber ? <Text className='agency-item__number'>备案号 {item.filingNumber}</Text> : null}
              <Text className='agency-item__observed'>
                平台：{platformStatusText(item.platform, item.platformStatus)}
                {item.lastObservedAt ? ` · ${formatDateTime(item.lastObservedAt)} 读取` : ''}
              </Text>
            </View>
          ))}
        </View>
      ) : (
        <LoadState
          state={list.state === 'ready' ? 'empty' : list.state}
          error={list.state === 'error' ? list.error : undefined}
          onRetry={() => void load()}
          rows={3}
          emptyTitle={filter ? '这个阶段没有小程序' : '还没有连接小程序'}
          emptyDescription='在备案的进度页点“连接小程序”，由小程序管理员授权后，它就会出现在这里并自动同步进度。'
        />
      )}
    </PageShell>
  )
}
