import { useMemo } from 'react'
import { Text, View } from '@tarojs/components'
import MaterialItem from '../../components/material-item'
import { ROUTES, withQuery } from '../../constants/routes'
import type { ChecklistItem, MaterialStatus } from '../../domain/types'
import { openPage } from '../../services/navigation'
import { groupBySection } from './sections'

/** 人脸核身 is a live check on the platform: there is no photo to upload, so nothing to check beforehand. */
const hasPhotoToCheck = (item: ChecklistItem) => item.isPhoto && item.id !== 'face_check'

interface MaterialSectionsProps {
  checklist: ChecklistItem[]
  statusOf(id: string): MaterialStatus
  /** Absent = read-only. */
  setStatus?: (id: string, status: MaterialStatus) => void
  onShowTemplate(item: ChecklistItem): void
}

/** The checklist by section, each material with its status and what can be done with it. */
export default function MaterialSections({ checklist, statusOf, setStatus, onShowTemplate }: MaterialSectionsProps) {
  const groups = useMemo(() => groupBySection(checklist), [checklist])
  return (
    <>
      {groups.map((group) => (
        <View key={group.id} className='materials__section' data-section={group.id}>
          <Text className='section-title materials__section-title'>{group.title}</Text>
          <Text className='muted materials__section-hint'>{group.hint}</Text>
          {group.items.map((item) => (
            <MaterialItem
              key={item.id}
              item={item}
              status={statusOf(item.id)}
              onStatus={setStatus ? (status) => setStatus(item.id, status) : undefined}
              onCheckPhoto={
                hasPhotoToCheck(item) ? () => openPage(withQuery(ROUTES.photoCheck, { material: item.id })) : undefined
              }
              onShowTemplate={item.template ? () => onShowTemplate(item) : undefined}
            />
          ))}
        </View>
      ))}
    </>
  )
}
