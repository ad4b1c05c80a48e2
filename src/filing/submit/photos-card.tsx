import { Text, View } from '@tarojs/components'
import type { PlatformId } from '../../domain/types'
import type { SubmissionView } from '../../services/submission'
import PhotoSlot from './photo-slot'

interface PhotosCardProps {
  filingId: string
  platform: PlatformId
  platformName: string
  view: SubmissionView
  /** The consent is given: the slots may upload. */
  consented: boolean
  onUploaded: () => void
}

/** Every photo the platform needs for this filing, with how many are already uploaded. */
export default function PhotosCard({ filingId, platform, platformName, view, consented, onUploaded }: PhotosCardProps) {
  const reviewing = view.stage === 'platform_review'
  return (
    <View className='card submit__slots'>
      <Text className='submit__title'>
        照片（{view.slots.filter((x) => x.uploaded).length}/{view.slots.length}）
      </Text>
      <Text className='submit__text'>
        {!reviewing
          ? `每张照片先在手机上检查格式、大小和清晰度，再上传到${platformName}。`
          : view.canWithdraw
            ? `${platformName}正在审核这些照片，审核期间不能更换；撤回申请后可以重新上传。`
            : `${platformName}正在审核这些照片，审核期间不能更换；需要更换时请先在${platformName}开放平台撤回申请。`}
      </Text>
      {view.slots.map((slot) => (
        <PhotoSlot
          key={slot.slot}
          filingId={filingId}
          platform={platform}
          slot={slot}
          // photos are frozen while the platform reviews the application they went with
          enabled={consented && !reviewing}
          onUploaded={onUploaded}
        />
      ))}
    </View>
  )
}
