import { useMemo, useState } from 'react'
import { Text, View } from '@tarojs/components'
import { Button, Cell, Popup, Progress } from '@nutui/nutui-react-taro'
import ConflictDialog from '../../components/conflict-dialog'
import LoadState from '../../components/load-state'
import MaterialItem from '../../components/material-item'
import { materialConflictRows, useMaterialStatuses } from '../../components/material-item/statuses'
import PageShell from '../../components/page-shell'
import { ROUTES, withQuery } from '../../constants/routes'
// Import the domain per module, not through its index: the index also carries the photo analysers, which belong
// to the 检查照片 subpackage, not to this tab's main package.
import { buildChecklist } from '../../domain/checklist'
import { MATERIALS, type MaterialId } from '../../domain/rules/materials'
import { PLATFORMS } from '../../domain/rules/platforms'
import { provinceName } from '../../domain/rules/regions'
import type { ChecklistItem } from '../../domain/types'
import { useCurrentFiling } from '../../hooks/use-current-filing'
import { copyText } from '../../services/clipboard'
import { openPage } from '../../services/navigation'
import { runtimePlatform } from '../../services/platform'
import { FILING_TYPE_LABELS, groupBySection } from './sections'
import { fillItemTemplate } from './template-text'
import { NewFilingButton } from '../../components/filing-gate'
import './index.scss'

/** 人脸核身 is a live check on the platform: there is no photo to upload, so nothing to check beforehand. */
const hasPhotoToCheck = (item: ChecklistItem) => item.isPhoto && item.id !== 'face_check'

/** What most filings need, shown before the user has answered the wizard. */
const COMMON_MATERIALS = [
  { title: '主办单位证件', description: '营业执照等；个人为身份证' },
  { title: '主体负责人证件', description: '多数省份要求法定代表人' },
  { title: '小程序负责人证件', description: '实际负责运营小程序的人' },
  { title: '小程序负责人人脸核身', description: '纯白背景、光线充足、五官清晰' }
]

/**
 * H5 keeps popups inside the page, under Taro's tab bar (50 real pixels): lift 复制全文 above it. Inline, in real
 * pixels, because the stylesheet's px are design units scaled per screen.
 */
const H5_POPUP_STYLE =
  runtimePlatform() === 'h5' ? { paddingBottom: 'calc(16px + 50px + env(safe-area-inset-bottom))' } : undefined

export default function MaterialsPage() {
  // the filing that most needs the user now (an open SMS window first), not the one opened last
  const current = useCurrentFiling({ mostUrgent: true })
  const { filing, replace } = current
  const statuses = useMaterialStatuses(filing, replace)
  const [templateItem, setTemplateItem] = useState<ChecklistItem>()

  const checklist = useMemo(() => (filing ? buildChecklist(filing.profile) : []), [filing])
  const groups = useMemo(() => groupBySection(checklist), [checklist])
  const template = useMemo(
    () => (templateItem && filing ? fillItemTemplate(templateItem, filing) : undefined),
    [templateItem, filing]
  )

  const canEdit = filing?.access === 'owner'
  const readyCount = checklist.filter((item) => statuses.statusOf(item.id) === 'ready').length
  const problemCount = checklist.filter((item) => statuses.statusOf(item.id) === 'problem').length
  const warnings = checklist.filter((item) => item.warning)
  const percent = checklist.length ? Math.round((readyCount / checklist.length) * 100) : 0

  const titleOf = (id: string) =>
    checklist.find((item) => item.id === id)?.title ?? MATERIALS[id as MaterialId]?.title ?? id

  const selfCheckLink = (
    <Cell.Group className='materials__self-check'>
      <Cell
        title='信息自检'
        description='材料备齐后，逐项检查填写的信息，提前发现会被驳回的地方'
        extra='去自检'
        clickable
        onClick={() => openPage(ROUTES.selfCheck)}
      />
    </Cell.Group>
  )

  return (
    <PageShell className='materials'>
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
          <View className='card materials__summary'>
            <View className='materials__filing'>
              <Text className='materials__filing-title'>{filing.title}</Text>
              <Text className='materials__filing-meta'>
                {PLATFORMS[filing.profile.platform]?.name ?? filing.profile.platform} ·{' '}
                {FILING_TYPE_LABELS[filing.profile.filingType]} · {provinceName(filing.profile.province)}
              </Text>
            </View>
            <Text className='materials__progress-text'>
              已准备 {readyCount}/{checklist.length}
              {problemCount ? `，有问题 ${problemCount} 项` : ''}
            </Text>
            <Progress className='materials__progress' percent={percent} color='#00b42a' strokeWidth='8' />
            <View className='materials__links'>
              <Text className='materials__link' onClick={() => openPage(ROUTES.selfCheck)}>
                信息自检 ›
              </Text>
              <Text className='materials__link materials__link--muted' onClick={() => openPage(ROUTES.home)}>
                切换备案（首页）
              </Text>
            </View>
          </View>

          {statuses.notice ? (
            <View className={`card materials__notice materials__notice--${statuses.notice.kind}`} role='status'>
              <Text className='materials__notice-text'>{statuses.notice.message}</Text>
              <Button size='small' fill='outline' loading={statuses.saving} onClick={() => void statuses.retry()}>
                重试同步
              </Button>
            </View>
          ) : null}

          {!canEdit ? (
            <View className='card materials__readonly'>
              <Text>你是受邀查看这份备案：状态由备案的创建者标记，这里只能查看。</Text>
            </View>
          ) : null}

          {warnings.length ? (
            <View className='card materials__warnings' role='alert'>
              <Text className='materials__warnings-title'>
                按你的情况，有 {warnings.length} 条规则准备材料也解决不了
              </Text>
              {warnings.map((item) => (
                <Text key={item.id} className='materials__warnings-item'>
                  · {item.warning}
                </Text>
              ))}
            </View>
          ) : null}

          {groups.map((group) => (
            <View key={group.id} className='materials__section' data-section={group.id}>
              <Text className='section-title materials__section-title'>{group.title}</Text>
              <Text className='muted materials__section-hint'>{group.hint}</Text>
              {group.items.map((item) => (
                <MaterialItem
                  key={item.id}
                  item={item}
                  status={statuses.statusOf(item.id)}
                  onStatus={canEdit ? (status) => void statuses.setStatus(item.id, status) : undefined}
                  onCheckPhoto={
                    hasPhotoToCheck(item)
                      ? () => openPage(withQuery(ROUTES.photoCheck, { material: item.id }))
                      : undefined
                  }
                  onShowTemplate={item.template ? () => setTemplateItem(item) : undefined}
                />
              ))}
            </View>
          ))}

          {selfCheckLink}
        </>
      ) : null}

      <Popup
        className='materials__template-popup'
        visible={!!templateItem}
        position='bottom'
        round
        closeable
        title={templateItem ? `${templateItem.title}模板` : ''}
        onClose={() => setTemplateItem(undefined)}
      >
        {template ? (
          <View className='materials__template' style={H5_POPUP_STYLE}>
            <Text className='muted'>已按你填写的信息填好；打印后手写签字、盖章。</Text>
            <View className='materials__template-body'>
              <Text className='materials__template-text' userSelect>
                {template.text}
              </Text>
            </View>
            {template.blanks.length ? (
              <Text className='materials__template-blanks'>
                需要手写补充：{template.blanks.join('、')}。证件号码等敏感信息不会自动填入。
              </Text>
            ) : null}
            <Button className='materials__copy' type='primary' block onClick={() => void copyText(template.text)}>
              复制全文
            </Button>
          </View>
        ) : null}
      </Popup>

      <ConflictDialog
        visible={!!statuses.conflict}
        rows={
          statuses.conflict
            ? materialConflictRows(statuses.conflict.pending.materials, statuses.conflict.latest.materials, titleOf)
            : []
        }
        onUseMine={() => void statuses.keepMine()}
        onUseTheirs={statuses.takeLatest}
      />
    </PageShell>
  )
}
