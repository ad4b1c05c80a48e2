import { useCallback, useEffect, useRef, useState } from 'react'
import type { CreatedInvite } from '../../services/api-types'
import { createInvite, listInvites, revokeInvite, type InviteRole, type InviteSummary } from '../../services/invites'
import { imageFromBase64 } from '../../services/share'

export interface Created {
  invite: CreatedInvite
  /** The mini-program code as a local file (WeChat), when the server drew one. */
  codeSrc?: string
}

export type InvitesState =
  { state: 'loading' } | { state: 'ready'; invites: InviteSummary[] } | { state: 'error'; message: string }

/** The invites of one filing (owner only): the list, creating one, revoking one. */
export function useInvites(filingId: string | undefined) {
  const [created, setCreated] = useState<Created | null>(null)
  const [creating, setCreating] = useState(false)
  const [createError, setCreateError] = useState('')
  const [invites, setInvites] = useState<InvitesState>({ state: 'loading' })
  const [revokeError, setRevokeError] = useState('')
  const latestList = useRef(0)

  const loadInvites = useCallback(async () => {
    if (!filingId) return
    const request = ++latestList.current
    const result = await listInvites(filingId)
    if (request !== latestList.current) return
    setInvites(result.ok ? { state: 'ready', invites: result.data } : { state: 'error', message: result.message })
  }, [filingId])

  useEffect(() => {
    void loadInvites()
  }, [loadInvites])

  async function create(role: InviteRole) {
    if (!filingId) return
    setCreating(true)
    setCreateError('')
    const result = await createInvite(filingId, role)
    setCreating(false)
    if (!result.ok) {
      setCreateError(result.message)
      return
    }
    const code = result.data.code
    setCreated({
      invite: result.data,
      codeSrc: code ? imageFromBase64(code.base64, code.contentType, `invite-${result.data.inviteId}`) : undefined
    })
    void loadInvites()
  }

  async function revoke(target: InviteSummary) {
    setRevokeError('')
    const result = await revokeInvite(target.inviteId)
    if (!result.ok) setRevokeError(result.message)
    if (created?.invite.inviteId === target.inviteId) setCreated(null)
    void loadInvites()
  }

  function retryList() {
    setInvites({ state: 'loading' })
    void loadInvites()
  }

  return { created, creating, createError, invites, revokeError, create, revoke, retryList }
}
