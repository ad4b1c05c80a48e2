import { Text, View } from '@tarojs/components'
import { Button } from '@nutui/nutui-react-taro'
import { formatDateTime } from '../../components/stage-timeline/format'
import type { FaceView } from '../../services/submission'
import QrCode from '../connect/qr-code'

const STATUS_TEXT: Record<FaceView['status'], string> = {
  none: '未发起',
  pending: '等待完成',
  passed: '已通过',
  failed: '未通过',
  expired: '已过期'
}

interface FaceCardProps {
  face: FaceView
  platform: 'wechat' | 'douyin'
  /** The owner may start / restart the task; the invited principal only reads it. */
  owner: boolean
  busy: boolean
  onStart?: (via?: 'qr' | 'sms') => void
  onRefresh: () => void
}

/** The principal's face check: who must do what by when, its status, and (owner) start or restart it. */
export default function FaceCard({ face, platform, owner, busy, onStart, onRefresh }: FaceCardProps) {
  const canStart = owner && (face.status === 'none' || face.status === 'failed' || face.status === 'expired')
  return (
    <View className='card submit__face'>
      <View className='submit__row'>
        <Text className='submit__title'>人脸核身 · {face.who}</Text>
        <Text className={`submit__badge submit__badge--${face.status}`}>{STATUS_TEXT[face.status]}</Text>
      </View>
      <Text className='submit__text submit__face-instruction'>{face.instruction}</Text>
      {face.expiresAt && face.status === 'pending' ? (
        <Text className='submit__text'>截止时间：{formatDateTime(face.expiresAt)}</Text>
      ) : null}
      {face.link && face.status === 'pending' ? (
        <View className='submit__qr'>
          <QrCode content={face.link} />
        </View>
      ) : null}
      <View className='submit__actions'>
        {canStart ? (
          <Button type='primary' block className='submit__face-start' disabled={busy} onClick={() => onStart?.()}>
            {face.status === 'none' ? '发起人脸核身' : '重新发起人脸核身'}
          </Button>
        ) : null}
        {canStart && platform === 'douyin' ? (
          <Button block className='submit__face-sms' disabled={busy} onClick={() => onStart?.('sms')}>
            改为短信发送核验链接（每天最多 10 条）
          </Button>
        ) : null}
        {face.status === 'pending' ? (
          <Button block className='submit__face-refresh' disabled={busy} onClick={onRefresh}>
            已完成，刷新状态
          </Button>
        ) : null}
      </View>
    </View>
  )
}
