import { useRouter } from '../../services/page-hooks'
import PageShell from '../../components/page-shell'
import JoinAskCard from './join-ask-card'
import JoinErrorCard from './join-error-card'
import { AlreadyJoinedCard, JoinedCard } from './joined-card'
import { useJoin, type JoinState } from './use-join'
import './index.scss'

function JoinCard({ join, accept }: { join: JoinState; accept: () => void }) {
  switch (join.state) {
    case 'joined':
      return <JoinedCard filing={join.filing} />
    case 'already':
      return <AlreadyJoinedCard filingId={join.filingId} title={join.title} />
    case 'error':
      return <JoinErrorCard error={join.error} onRetry={accept} />
    default:
      return <JoinAskCard joining={join.state === 'joining'} onAccept={accept} />
  }
}

export default function JoinPage() {
  const router = useRouter()
  const token = String(router?.params?.invite ?? '')
  const { join, accept } = useJoin(token)
  return (
    <PageShell className='join'>
      <JoinCard join={join} accept={() => void accept()} />
    </PageShell>
  )
}
