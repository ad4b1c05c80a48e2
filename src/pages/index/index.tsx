// first: starts the list request before anything else of this page is evaluated
import './prefetch'
import { useCallback, useEffect, useLayoutEffect, useRef, useState } from 'react'
import { Text, View } from '@tarojs/components'
import { useDidShow, useRouter } from '../../services/page-hooks'
import { Button, Cell } from '@nutui/nutui-react-taro'
import FilingCard from '../../components/filing-card'
import LoadState from '../../components/load-state'
import PageShell from '../../components/page-shell'
import { ROUTES, withQuery } from '../../constants/routes'
import type { ErrorEnvelope, FilingSummary } from '../../services/api-types'
import { agencyList } from '../../services/connector'
import { listFilings, setCurrentFilingId } from '../../services/filings'
import { inviteUrl } from '../../services/invites'
import { handleEntry, takePrefetchedFilingList } from '../../services/launch'
import { openPage } from '../../services/navigation'
import './index.scss'

const FILING_STEPS = [
  { title: '填写备案信息并上传材料', hint: '在小程序后台的“小程序备案”里提交' },
  { title: '平台初审', hint: '微信约 1–2 个工作日，抖音约 1–3 个工作日' },
  { title: '工信部短信核验', hint: '收到 12381 短信后 24 小时内完成核验' },
  { title: '管局审核', hint: '1–20 个工作日，因省份而异' },
  { title: '备案成功', hint: '平台自动展示备案号' }
]

type ListState =
  { state: 'loading' } | { state: 'ready'; filings: FilingSummary[] } | { state: 'error'; error: ErrorEnvelope }

export default function HomePage() {
  const router = useRouter()
  const [list, setList] = useState<ListState>({ state: 'loading' })
  const [refreshError, setRefreshError] = useState('')
  const [stepsOpen, setStepsOpen] = useState(false)
  /** The filings bound to a mini-program (undefined until known: no 连接 offer on a guess). */
  const [connected, setConnected] = useState<Set<string> | undefined>()
  const latestRequest = useRef(0)
  const shownList = useRef(false)

  const load = useCallback(async (first = false) => {
    const request = ++latestRequest.current
    const result = await ((first && takePrefetchedFilingList()) || listFilings())
    if (request !== latestRequest.current) return
    if (result.ok) {
      shownList.current = true
      setRefreshError('')
      setList({ state: 'ready', filings: result.data })
      // after the cards: which are connected decides the 连接小程序 offer and the agency entry
      if (result.data.some((f) => f.access === 'owner'))
        void agencyList().then((a) => {
          if (a.ok && request === latestRequest.current)
            setConnected(new Set(a.data.items.filter((i) => i.connection === 'active').map((i) => i.filingId)))
        })
    } else if (shownList.current) {
      // a failed refresh keeps the cards the user is looking at and says so
      setRefreshError(result.message)
    } else {
      setList({ state: 'error', error: result })
    }
  }, [])

  // The list call starts before the first paint: the first card is what the user waits for
  useLayoutEffect(() => {
    void load(true)
  }, [load])

  // An invite link / QR code or a preset platform opens its screen (once per entry)
  useEffect(() => {
    handleEntry(router?.params)
  }, [router])

  useDidShow(() => {
    handleEntry(router?.params)
    // back from a sub-page or another tab: the stages may have changed
    if (shownList.current) void load()
  })

  const retry = () => {
    setList({ state: 'loading' })
    void load()
  }

  const open = (filing: FilingSummary) => {
    setCurrentFilingId(filing.id)
    openPage(ROUTES.progress)
  }

  const invite = (filing: FilingSummary) => {
    setCurrentFilingId(filing.id)
    openPage(inviteUrl())
  }

  const connect = (filing: FilingSummary) => {
    setCurrentFilingId(filing.id)
    openPage(withQuery(ROUTES.connect, { id: filing.id }))
  }

  const newFiling = () => openPage(ROUTES.wizard)

  return (
    <PageShell className='home'>
      <View className='home-hero card'>
        <Text className='home-hero__title'>备案助手</Text>
        <Text className='home-hero__lead'>
          告诉你需要哪些材料，提交前帮你查错，并在 12381 短信核验的 24 小时内准时提醒。
        </Text>
        <Button type='primary' block className='home-hero__cta' onClick={newFiling}>
          新建备案
        </Button>
      </View>

      <Text className='section-title'>我的备案</Text>
      {list.state === 'ready' && list.filings.length > 0 ? (
        <View className='home-filings'>
          {refreshError ? (
            <View className='home-filings__stale' role='alert'>
              没能刷新：{refreshError}
            </View>
          ) : null}
          {list.filings.map((filing) => (
            <FilingCard
              key={filing.id}
              filing={filing}
              onOpen={open}
              onInvite={invite}
              onConnect={connected && !connected.has(filing.id) ? connect : undefined}
            />
          ))}
          {connected && connected.size >= 2 ? (
            <Cell
              className='home-agency'
              title={`我连接的小程序（${connected.size}）`}
              description='按紧急程度看每个小程序的状态和截止时间'
              clickable
              onClick={() => openPage(ROUTES.agency)}
            />
          ) : null}
        </View>
      ) : (
        <LoadState
          state={list.state === 'ready' ? 'empty' : list.state}
          error={list.state === 'error' ? list.error : undefined}
          onRetry={retry}
          rows={3}
          emptyTitle='还没有备案'
          emptyDescription='点“新建备案”，回答几个问题就能拿到你的材料清单。'
        />
      )}

      <Cell.Group>
        <Cell
          className='home-steps-toggle'
          title='备案要经过哪几步？'
          extra={stepsOpen ? '收起' : '展开'}
          clickable
          onClick={() => setStepsOpen(!stepsOpen)}
        />
        {stepsOpen
          ? FILING_STEPS.map((step, i) => (
              <Cell key={step.title} className='home-step' title={`${i + 1}. ${step.title}`} description={step.hint} />
            ))
          : null}
      </Cell.Group>
    </PageShell>
  )
}
