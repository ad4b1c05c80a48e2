import { useState } from 'react'
import { downloadTextFile, exportFileName, exportMyData, formatExport } from '../../services/my-data'
import { copyText } from '../../services/share'
import { exportSummary } from './summary'

export type ExportState =
  | { state: 'idle' }
  | { state: 'loading' }
  | { state: 'ready'; json: string; summary: string; fileName: string }
  | { state: 'error'; message: string }

/** The user's export: fetching it, and copying or downloading it with a line saying how that went. */
export function useMyDataExport() {
  const [exported, setExported] = useState<ExportState>({ state: 'idle' })
  const [notice, setNotice] = useState('')

  async function runExport() {
    setExported({ state: 'loading' })
    setNotice('')
    const result = await exportMyData()
    if (result.ok)
      setExported({
        state: 'ready',
        json: formatExport(result.data),
        summary: exportSummary(result.data),
        fileName: exportFileName(result.data)
      })
    else setExported({ state: 'error', message: result.message })
  }

  async function copyExport(text: string) {
    setNotice((await copyText(text)) ? '已复制到剪贴板' : '没能复制，请长按文字手动复制')
  }

  function download(json: string, fileName: string) {
    setNotice(downloadTextFile(fileName, json) ? `已下载 ${fileName}` : '没能下载，请改用“复制”')
  }

  // after a deletion the old export describes data that is gone
  const resetExport = () => setExported({ state: 'idle' })

  return { exported, notice, runExport, copyExport, download, resetExport }
}
