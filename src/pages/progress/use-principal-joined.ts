import { useEffect, useState } from 'react'
import { api } from '../../services/api'
import type { FilingView } from '../../services/api-types'

/**
 * Whether the owner principal has joined this filing (then "让收短信的负责人也收到提醒" is pointless). Asked in the
 * SMS window only, and only by the owner (an invitee can't list invites).
 */
export function usePrincipalJoined(filing: FilingView | undefined): boolean | undefined {
  const [joined, setJoined] = useState<boolean>()
  const filingId = filing?.id
  const isOwner = filing?.access === 'owner'
  const stage = filing?.progress.stage
  useEffect(() => {
    if (!filingId || !isOwner || stage !== 'sms_verification') return undefined
    let live = true
    void api.invites.list({ filingId }).then((res) => {
      if (live && res.ok) setJoined(res.data.some((i) => i.role === 'owner_principal' && i.state === 'accepted'))
    })
    return () => {
      live = false
    }
  }, [filingId, isOwner, stage])
  return joined
}
