import { View } from '@tarojs/components'
import { Cell } from '@nutui/nutui-react-taro'
import FilingCard from '../../components/filing-card'
import { ROUTES, withQuery } from '../../constants/routes'
import type { FilingSummary } from '../../services/api-types'
import { setCurrentFilingId } from '../../services/filings'
import { inviteUrl } from '../../services/invites'
import { openPage } from '../../services/navigation'

interface FilingListProps {
  filings: FilingSummary[]
  refreshError: string
  connected: Set<string> | undefined
}

/** Each filing opens its screen with that filing made current. */
function openFor(filing: FilingSummary, url: string) {
  setCurrentFilingId(filing.id)
  openPage(url)
}

/** 我的备案 once loaded: a card per filing, a stale-refresh note, and the agency entry for two or more connections. */
export default function FilingList({ filings, refreshError, connected }: FilingListProps) {
  const connect = (filing: FilingSummary) => openFor(filing, withQuery(ROUTES.connect, { id: filing.id }))
  return (
    <View className='home-filings'>
      {refreshError ? (
        <View className='home-filings__stale' role='alert'>
          没能刷新：{refreshError}
        </View>
      ) : null}
      {filings.map((filing) => (
        <FilingCard
          key={filing.id}
          filing={filing}
          onOpen={(f) => openFor(f, ROUTES.progress)}
          onInvite={(f) => openFor(f, inviteUrl())}
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
  )
}
