import { useState } from 'react'
import { useRouter, useShareAppMessage } from '../../services/page-hooks'
import FilingGate, { PageNotice } from '../../components/filing-gate'
import PageShell from '../../components/page-shell'
import { ROUTES } from '../../constants/routes'
import { useCurrentFiling } from '../../hooks/use-current-filing'
import { inviteShareMessage, isInviteRole, type InviteRole } from '../../services/invites'
import InviteForm from './invite-form'
import InviteList from './invite-list'
import InviteResult from './invite-result'
import { useInvites } from './use-invites'
import WhyCard from './why-card'
import './index.scss'

export default function InvitePage() {
  const router = useRouter()
  const current = useCurrentFiling()
  const filing = current.filing
  const [role, setRole] = useState<InviteRole>(() =>
    isInviteRole(router?.params?.role) ? router.params.role : 'owner_principal'
  )
  const [notice, setNotice] = useState('')
  const filingId = filing?.access === 'owner' ? filing.id : undefined
  const invites = useInvites(filingId)
  const { created } = invites

  // The share card carries the invite path only: no name, no number, not even the filing's title
  useShareAppMessage(() =>
    created
      ? inviteShareMessage(created.invite.role, created.invite.token)
      : { title: '备案助手：小程序备案的材料、自检和短信核验提醒', path: ROUTES.home }
  )

  function create() {
    setNotice('')
    void invites.create(role)
  }

  if (!filing)
    return <FilingGate current={current} className='invite' emptyDescription='先新建一份备案，再邀请负责人一起跟进。' />
  if (!filingId)
    return (
      <PageNotice
        className='invite'
        title='只有备案的创建者可以邀请'
        text='你是受邀查看这份备案的负责人。需要再邀请别人时，请联系备案的创建者。'
      />
    )
  if (filing.profile.ownerType === 'individual')
    return (
      <PageNotice
        className='invite'
        title='个人备案不需要邀请'
        text='个人备案的主体负责人就是你自己：12381 的核验短信会发到你填写的手机号上，提醒也会直接发给你。'
      />
    )

  return (
    <PageShell className='invite'>
      <WhyCard filingTitle={filing.title} />
      <InviteForm
        role={role}
        onRole={setRole}
        creating={invites.creating}
        createError={invites.createError}
        hasCreated={!!created}
        onCreate={create}
      />
      {created ? <InviteResult created={created} notice={notice} onNotice={setNotice} /> : null}
      <InviteList
        invites={invites.invites}
        revokeError={invites.revokeError}
        onRevoke={(invite) => void invites.revoke(invite)}
        onRetry={invites.retryList}
      />
    </PageShell>
  )
}
