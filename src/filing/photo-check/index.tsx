import { useMemo } from 'react'
import { Text, View } from '@tarojs/components'
import { useRouter } from '../../services/page-hooks'
import { Button } from '@nutui/nutui-react-taro'
import MaterialConflictDialog from '../../components/material-item/material-conflict'
import { STATUS_LABELS, useMaterialStatuses } from '../../components/material-item/statuses'
import PageShell from '../../components/page-shell'
import { buildChecklist } from '../../domain/checklist'
import { MATERIALS, type MaterialId } from '../../domain/rules/materials'
import { useCurrentFiling } from '../../hooks/use-current-filing'
import {
  CheckFailed,
  CheckProgress,
  NoFilingNote,
  PhotoPreview,
  PhotoRules,
  ReportCard,
  type MarkAction
} from './parts'
import { photoKindFor } from './photo-kinds'
import { usePhotoCheck } from './use-photo-check'
import './index.scss'

export default function PhotoCheckPage() {
  const router = useRouter()
  const materialId = router?.params?.material
  const current = useCurrentFiling()
  const { filing } = current
  const statuses = useMaterialStatuses(filing, current.replace)

  const item = useMemo(
    () => (filing && materialId ? buildChecklist(filing.profile).find((i) => i.id === materialId) : undefined),
    [filing, materialId]
  )
  const title = item?.title ?? MATERIALS[materialId as MaterialId]?.title ?? '证件照片'
  const kind = photoKindFor(materialId, title)
  const platform = filing?.profile.platform ?? 'weapp'
  const { check, hint, busy, run } = usePhotoCheck(kind, platform)
  const status = item ? statuses.statusOf(item.id) : undefined
  const markAction: MarkAction | undefined =
    item && filing?.access === 'owner'
      ? { status, saving: statuses.saving, mark: (to) => void statuses.setStatus(item.id, to) }
      : undefined
  const titleOf = (id: string) => (id === item?.id ? title : (MATERIALS[id as MaterialId]?.title ?? id))

  return (
    <PageShell
      className='photo-check'
      footer={
        <Button className='photo-check__choose' type='primary' block disabled={busy} onClick={() => void run()}>
          {check.step === 'idle' ? '选择照片' : '换一张'}
        </Button>
      }
    >
      <View className='card photo-check__intro'>
        <Text className='photo-check__title'>检查照片：{title}</Text>
        {status ? <Text className='muted'>当前状态：{STATUS_LABELS[status]}</Text> : null}
        <Text className='photo-check__privacy'>照片只在你的手机上检查，不会上传到任何服务器。</Text>
      </View>

      {check.step === 'idle' ? <PhotoRules kind={kind} platform={platform} /> : null}
      {hint ? <Text className='muted photo-check__hint'>{hint}</Text> : null}
      <PhotoPreview check={check} />
      {check.step === 'reading' || check.step === 'analysing' ? <CheckProgress step={check.step} /> : null}
      {check.step === 'failed' ? <CheckFailed message={check.message} /> : null}
      {check.step === 'done' ? <ReportCard report={check.report} kind={kind} markAction={markAction} /> : null}

      {statuses.notice ? (
        <View className='card photo-check__notice' role='status'>
          <Text>{statuses.notice.message}</Text>
        </View>
      ) : null}
      {current.state === 'empty' ? <NoFilingNote /> : null}

      <MaterialConflictDialog statuses={statuses} titleOf={titleOf} />
    </PageShell>
  )
}
