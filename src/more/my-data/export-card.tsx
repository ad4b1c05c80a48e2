import { Text, View } from '@tarojs/components'
import { Button } from '@nutui/nutui-react-taro'
import { canDownloadFile } from '../../services/my-data'
import type { useMyDataExport } from './use-my-data-export'

type ExportCardProps = ReturnType<typeof useMyDataExport>

/** 导出我的数据: the export in Chinese for people and as JSON for machines, to copy or download. */
export default function ExportCard({ exported, notice, runExport, copyExport, download }: ExportCardProps) {
  return (
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
  )
}
