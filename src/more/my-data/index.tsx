import { useState } from 'react'
import { Text, View } from '@tarojs/components'
import { Button, Checkbox, Dialog } from '@nutui/nutui-react-taro'
import PageShell from '../../components/page-shell'
import { ROUTES } from '../../constants/routes'
import {
  canDownloadFile,
  deleteAllMyData,
  downloadTextFile,
  exportFileName,
  exportMyData,
  formatExport
} from '../../services/my-data'
import { openPage } from '../../services/navigation'
import { copyText } from '../../services/share'
import { exportSummary } from './summary'
import './index.scss'

type ExportState =
  | { state: 'idle' }
  | { state: 'loading' }
  | { state: 'ready'; json: string; summary: string; fileName: string }
  | { state: 'error'; message: string }

type DeleteState = 'idle' | 'confirming' | 'deleting' | 'deleted'

export default function MyDataPage() {
  const [exported, setExported] = useState<ExportState>({ state: 'idle' })
  const [notice, setNotice] = useState('')
  const [deletion, setDeletion] = useState<DeleteState>('idle')
  const [understood, setUnderstood] = useState(false)
  const [deleteError, setDeleteError] = useState('')

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

  async function copyExport(json: string) {
    setNotice((await copyText(json)) ? '已复制到剪贴板' : '没能复制，请长按文字手动复制')
  }

  function download(json: string, fileName: string) {
    setNotice(downloadTextFile(fileName, json) ? `已下载 ${fileName}` : '没能下载，请改用“复制”')
  }

  function askToDelete() {
    setUnderstood(false)
    setDeleteError('')
    setDeletion('confirming')
  }

  async function confirmDelete() {
    if (!understood) return
    setDeletion('deleting')
    const result = await deleteAllMyData()
    if (result.ok) {
      setExported({ state: 'idle' })
      setDeletion('deleted')
    } else {
      setDeleteError(`删除没有完成：${result.message}。请稍后再试。`)
      setDeletion('idle')
    }
  }

  if (deletion === 'deleted')
    return (
      <PageShell className='my-data'>
        <View className='card my-data__deleted' role='status'>
          <Text className='my-data__title'>已删除全部数据</Text>
          <Text className='my-data__text'>
            你创建的备案、发出的邀请、提醒和订阅记录已从云端删除，本机的草稿和登录状态也已清除。你之前加入的别人的备案不再对你可见。
          </Text>
          <Button type='primary' block className='my-data__home' onClick={() => openPage(ROUTES.home)}>
            回到首页
          </Button>
        </View>
      </PageShell>
    )

  return (
    <PageShell className='my-data'>
      <View className='card my-data__export'>
        <Text className='my-data__title'>导出我的数据</Text>
        <Text className='my-data__text'>
          包括你创建的备案（含完整的证件号码、手机号码）、你加入的备案、发出的邀请、订阅和提醒记录。
        </Text>
        <Button
          className='my-data__export-button'
          type='primary'
          fill='outline'
          loading={exported.state === 'loading'}
          onClick={runExport}
        >
          {exported.state === 'ready' ? '重新导出' : '导出'}
        </Button>
        {exported.state === 'error' ? (
          <View className='my-data__error' role='alert'>
            导出失败：{exported.message}
          </View>
        ) : null}
        {exported.state === 'ready' ? (
          <View className='my-data__result'>
            <Text className='my-data__warning'>内容含完整的证件号码和手机号码，请妥善保管，不要发到群聊里。</Text>
            <View className='my-data__actions'>
              <Button className='my-data__copy-summary' size='small' onClick={() => copyExport(exported.summary)}>
                复制中文摘要
              </Button>
              <Button className='my-data__copy' size='small' onClick={() => copyExport(exported.json)}>
                复制 JSON
              </Button>
              {canDownloadFile() ? (
                <Button
                  className='my-data__download'
                  size='small'
                  onClick={() => download(exported.json, exported.fileName)}
                >
                  下载 JSON 文件
                </Button>
              ) : null}
            </View>
            {notice ? <Text className='my-data__notice'>{notice}</Text> : null}
            {/* for people: the same data in Chinese; the JSON below is for machines and other services */}
            <View className='my-data__summary'>
              <Text className='my-data__json-text' userSelect>
                {exported.summary}
              </Text>
            </View>
            <View className='my-data__json'>
              <Text className='my-data__json-text' userSelect>
                {exported.json}
              </Text>
            </View>
          </View>
        ) : null}
      </View>

      <View className='card my-data__delete'>
        <Text className='my-data__title'>删除全部数据</Text>
        <Text className='my-data__text'>
          删除你创建的全部备案（连同它们的提醒和邀请）、你在别人备案里的身份和提醒、订阅记录，以及本机的草稿和登录状态。删除后无法恢复，需要的话请先导出。
        </Text>
        {deleteError ? (
          <View className='my-data__error' role='alert'>
            {deleteError}
          </View>
        ) : null}
        <Button
          className='my-data__delete-button'
          type='danger'
          fill='outline'
          loading={deletion === 'deleting'}
          onClick={askToDelete}
        >
          删除全部数据
        </Button>
      </View>

      <Dialog
        className='my-data__confirm'
        visible={deletion === 'confirming'}
        title='删除全部数据？'
        confirmText='永久删除'
        cancelText='取消'
        disableConfirmButton={!understood}
        closeOnOverlayClick={false}
        onConfirm={confirmDelete}
        onCancel={() => setDeletion('idle')}
        content={
          <View className='my-data__confirm-body'>
            <Text className='my-data__text'>云端和本机的数据都会被清除，之后无法找回。</Text>
            <Checkbox
              className='my-data__understood'
              checked={understood}
              onChange={setUnderstood}
              label='我明白删除后无法恢复'
            />
          </View>
        }
      />
    </PageShell>
  )
}
