import { useState } from 'react'
import type { ErrorEnvelope, FilingView } from '../../services/api-types'
import { setCurrentFilingId } from '../../services/filings'
import { acceptInvite, isInviteToken, joinedInvite } from '../../services/invites'

export type JoinState =
  | { state: 'asking' }
  | { state: 'joining' }
  | { state: 'joined'; filing: FilingView }
  /** This device already joined with this (now used) invite. */
  | { state: 'already'; filingId: string; title: string }
  | { state: 'error'; error: ErrorEnvelope }

/** Where an invite link starts: already used on this device, unusable as written, or ready to accept. */
function initialJoinState(token: string): JoinState {
  const already = joinedInvite(token)
  if (already) return { state: 'already', filingId: already.filingId, title: already.title }
  if (!isInviteToken(token))
    return {
      state: 'error',
      error: { ok: false, code: 'INVALID', message: '邀请链接不完整，请让对方重新发送', fieldErrors: {} }
    }
  return { state: 'asking' }
}

/** Accepting one invite: the joined filing becomes the current one on this device. */
export function useJoin(token: string) {
  const [join, setJoin] = useState<JoinState>(() => initialJoinState(token))

  async function accept() {
    setJoin({ state: 'joining' })
    const result = await acceptInvite(token)
    if (result.ok) {
      setCurrentFilingId(result.data.id)
      setJoin({ state: 'joined', filing: result.data })
    } else setJoin({ state: 'error', error: result })
  }

  return { join, accept }
}
