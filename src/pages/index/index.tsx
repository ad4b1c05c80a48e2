// first: starts the list request before anything else of this page is evaluated
import './prefetch'
import { useEffect } from 'react'
import { Text, View } from '@tarojs/components'
import { useDidShow, useRouter } from '../../services/page-hooks'
import { Button } from '@nutui/nutui-react-taro'
import LoadState from '../../components/load-state'
import PageShell from '../../components/page-shell'
import { ROUTES } from '../../constants/routes'
import { handleEntry } from '../../services/launch'
import { openPage } from '../../services/navigation'
import FilingList from './filing-list'
import FilingSteps from './filing-steps'
import { useFilingList } from './use-filing-list'
import './index.scss'

export default function HomePage() {
  const router = useRouter()
  const { list, waitingForEarlyList, refreshError, connected, refresh, retry } = useFilingList()

  // An invite link / QR code or a preset platform opens its screen (once per entry)
  useEffect(() => {
    handleEntry(router?.params)
  }, [router])

  useDidShow(() => {
    handleEntry(router?.params)
    refresh()
  })

  // A returning user's list is usually a moment away: the page is drawn once, with the cards (use-filing-list)
  if (waitingForEarlyList) return <PageShell className='home' tab='home' />

  return (
    <PageShell className='home' tab='home'>
      <View className='home-hero card'>
        <Text className='home-hero__title'>备案助手</Text>
        <Text className='home-hero__lead'>
          告诉你需要哪些材料，提交前帮你查错，并在 12381 短信核验的 24 小时内准时提醒。
        </Text>
        <Button type='primary' block className='home-hero__cta' onClick={() => openPage(ROUTES.wizard)}>
          新建备案
        </Button>
      </View>

      <Text className='section-title'>我的备案</Text>
      {list.state === 'ready' && list.filings.length > 0 ? (
        <FilingList filings={list.filings} refreshError={refreshError} connected={connected} />
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

      <FilingSteps />
    </PageShell>
  )
}
