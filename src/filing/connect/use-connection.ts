import { useCallback, useEffect, useState } from 'react'
import { useDidShow } from '../../services/page-hooks'
import { copyText } from '../../services/clipboard'
import {
  connectionStatus,
  disconnect,
  markNoticesRead,
  startConnection,
  type AuthorisationStart,
  type ConnectionView
} from '../../services/connector'

/** The connection of one filing (none without an id) and the owner's actions on it, with their busy / error lines. */
export function useConnection(filingId: string | undefined) {
  const [view, setView] = useState<ConnectionView | undefined>()
  const [start, setStart] = useState<AuthorisationStart | undefined>()
  const [error, setError] = useState('')
  const [busy, setBusy] = useState(false)
  const [confirming, setConfirming] = useState(false)
  const [notice, setNotice] = useState('')

  const loadStatus = useCallback(async () => {
    if (!filingId) return
    const result = await connectionStatus(filingId)
    if (result.ok) {
      setView(result.data)
      if (result.data.connected) setStart(undefined)
    } else setError(result.message)
  }, [filingId])

  useEffect(() => {
    void loadStatus()
  }, [loadStatus])
  // back from the consent page (another tab, or WeChat after the scan): the binding may be there now
  useDidShow(() => void loadStatus())

  async function begin() {
    if (!filingId) return
    setBusy(true)
    setError('')
    setNotice('')
    const result = await startConnection(filingId)
    setBusy(false)
    if (result.ok) setStart(result.data)
    else setError(result.message)
  }

  async function refresh() {
    setBusy(true)
    await loadStatus()
    setBusy(false)
  }

  async function confirmDisconnect() {
    if (!filingId) return
    setConfirming(false)
    setBusy(true)
    const result = await disconnect(filingId)
    setBusy(false)
    if (result.ok) {
      setNotice('已断开连接：进度不再自动同步，可以在进度页手动记录')
      await loadStatus()
    } else setError(result.message)
  }

  async function readAll() {
    if (!filingId) return
    const result = await markNoticesRead(filingId)
    if (result.ok) await loadStatus()
  }

  async function copyLink(link: string) {
    setNotice((await copyText(link)) ? '链接已复制，请在浏览器中打开' : '没能复制，请长按链接手动复制')
  }

  return {
    view,
    start,
    error,
    busy,
    confirming,
    notice,
    setConfirming,
    begin,
    refresh,
    confirmDisconnect,
    readAll,
    copyLink
  }
}
