import { useMemo, useState } from 'react'
import { Text } from '@tarojs/components'
import { Cell } from '@nutui/nutui-react-taro'
import MaterialConflictDialog from '../../components/material-item/material-conflict'
import LoadState from '../../components/load-state'
import { useMaterialStatuses } from '../../components/material-item/statuses'
import PageShell from '../../components/page-shell'
import { ROUTES } from '../../constants/routes'
// Import the domain per module, not through its index: the index also carries the photo analysers, which belong
// to the 检查照片 subpackage, not to this tab's main package.
import { buildChecklist } from '../../domain/checklist'
import { MATERIALS, type MaterialId } from '../../domain/rules/materials'
import type { ChecklistItem, MaterialStatus } from '../../domain/types'
import { useCurrentFiling } from '../../hooks/use-current-filing'
import { openPage } from '../../services/navigation'
import { NewFilingButton } from '../../components/filing-gate'
import MaterialSections from './material-sections'
import MaterialsSummary from './materials-summary'
import { ChecklistWarnings, ReadOnlyNote, SyncNotice } from './materials-notes'
import TemplatePopup from './template-popup'
import './index.scss'

/** What most filings need, shown before the user has answered the wizard. */
const COMMON_MATERIALS = [
  { title: '主办单位证件', description: '营业执照等；个人为身份证' },
  { title: '主体负责人证件', description: '多数省份要求法定代表人' },
  { title: '小程序负责人证件', description: '实际负责运营小程序的人' },
  { title: '小程序负责人人脸核身', description: '纯白背景、光线充足、五官清晰' }
]

export default function MaterialsPage() {
  // the filing that most needs the user now (an open SMS window first), not the one opened last
  const current = useCurrentFiling({ mostUrgent: true })
  const { filing, replace } = current
  const statuses = useMaterialStatuses(filing, replace)
  const [templateItem, setTemplateItem] = useState<ChecklistItem>()

  const checklist = useMemo(() => (filing ? buildChecklist(filing.profile) : []), [filing])
  const canEdit = filing?.access === 'owner'
  const countOf = (status: MaterialStatus) => checklist.filter((item) => statuses.statusOf(item.id) === status).length

  const titleOf = (id: string) =>
    checklist.find((item) => item.id === id)?.title ?? MATERIALS[id as MaterialId]?.title ?? id

  return (
    <PageShell className='materials' tab='materials'>
      <Text className='section-title'>材料清单</Text>

      {current.state !== 'ready' ? (
        <LoadState
          state={current.state}
          error={current.state === 'error' ? current.error : undefined}
          onRetry={() => void current.reload()}
          rows={6}
          emptyTitle='还没有你的专属清单'
          emptyDescription='材料取决于平台、主体类型、省份和负责人是否为法定代表人。回答几个问题，清单就只列你需要的。'
          emptyAction={<NewFilingButton className='materials__start' text='生成我的材料清单' />}
        />
      ) : null}

      {current.state === 'empty' ? (
        <Cell.Group title='大多数小程序都需要'>
          {COMMON_MATERIALS.map((m) => (
            <Cell key={m.title} title={m.title} description={m.description} />
          ))}
        </Cell.Group>
      ) : null}

      {filing ? (
        <>
          <MaterialsSummary
            filing={filing}
            total={checklist.length}
            readyCount={countOf('ready')}
            problemCount={countOf('problem')}
          />
          <SyncNotice notice={statuses.notice} saving={statuses.saving} onRetry={() => void statuses.retry()} />
          {!canEdit ? <ReadOnlyNote /> : null}
          <ChecklistWarnings checklist={checklist} />
          <MaterialSections
            checklist={checklist}
            statusOf={statuses.statusOf}
            setStatus={canEdit ? (id, status) => void statuses.setStatus(id, status) : undefined}
            onShowTemplate={setTemplateItem}
          />
          <Cell.Group className='materials__self-check'>
            <Cell
              title='信息自检'
              description='材料备齐后，逐项检查填写的信息，提前发现会被驳回的地方'
              extra='去自检'
              clickable
              onClick={() => openPage(ROUTES.selfCheck)}
            />
          </Cell.Group>
        </>
      ) : null}

      <TemplatePopup item={templateItem} filing={filing} onClose={() => setTemplateItem(undefined)} />

      <MaterialConflictDialog statuses={statuses} titleOf={titleOf} />
    </PageShell>
  )
}
