import { Image, Text, View } from '@tarojs/components'
import { Button } from '@nutui/nutui-react-taro'
import { formatDateTime } from '../../components/stage-timeline/format'
import type { PlatformId } from '../../domain/types'
import type { SubmissionView } from '../../services/submission'
import { useSlotUpload } from './use-slot-upload'

interface PhotoSlotProps {
  filingId: string
  platform: PlatformId
  slot: SubmissionView['slots'][number]
  /** The consent is given: uploads may go. */
  enabled: boolean
  onUploaded: () => void
}

/** One photo the platform needs: pick it, let the phone check it, and upload it (again, to replace it). */
export default function PhotoSlot({ filingId, platform, slot, enabled, onUploaded }: PhotoSlotProps) {
  const { state, choose, uploadAnyway } = useSlotUpload(filingId, slot.slot, platform, onUploaded)
  const working = state.step === 'checking' || state.step === 'uploading'
  const photo = 'photo' in state ? state.photo : undefined
  return (
    <View className='submit-slot' data-slot={slot.slot}>
      <View className='submit-slot__head'>
        <Text className='submit-slot__title'>{slot.title}</Text>
        <Text className={`submit-slot__state ${slot.uploaded ? 'submit-slot__state--done' : ''}`}>
          {slot.uploaded ? '已上传' : '未上传'}
        </Text>
      </View>
      <Text className='submit-slot__rule'>{slot.rule}</Text>
      {slot.uploaded && slot.uploadedAt ? (
        <Text className='submit-slot__rule submit-slot__uploaded-at'>上传于 {formatDateTime(slot.uploadedAt)}</Text>
      ) : null}
      {photo ? <Image className='submit-slot__preview' src={photo.path} mode='aspectFit' /> : null}
      {state.step === 'checking' ? <Text className='submit-slot__line'>正在手机上检查照片…</Text> : null}
      {state.step === 'uploading' ? <Text className='submit-slot__line'>正在上传到平台…</Text> : null}
      {state.step === 'uploaded' ? (
        <Text className='submit-slot__line submit-slot__line--ok'>
          已上传到平台{state.warnings.length ? `（建议改进：${state.warnings[0].message}）` : ''}
        </Text>
      ) : null}
      {state.step === 'failed' ? (
        <View className='submit-slot__line submit-slot__line--error' role='alert'>
          {state.message}
        </View>
      ) : null}
      {state.step === 'flagged' ? (
        <View className='submit-slot__flagged' role='alert'>
          <Text className='submit-slot__line submit-slot__line--error'>检查发现这张照片可能被驳回：</Text>
          {state.findings.map((f) => (
            <Text key={f.code} className='submit-slot__finding'>
              {f.message}（{f.fix}）
            </Text>
          ))}
          <Button size='small' className='submit-slot__anyway' onClick={uploadAnyway}>
            仍然上传
          </Button>
        </View>
      ) : null}
      <Button
        size='small'
        type={slot.uploaded ? 'default' : 'primary'}
        className='submit-slot__choose'
        disabled={!enabled || working}
        loading={working}
        onClick={choose}
      >
        {slot.uploaded ? '换一张重新上传' : '选择照片并上传'}
      </Button>
    </View>
  )
}
