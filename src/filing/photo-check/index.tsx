import { useMemo, useRef, useState } from 'react'
import { Image, Text, View } from '@tarojs/components'
import { useRouter } from '@tarojs/taro'
import { Button, Progress } from '@nutui/nutui-react-taro'
import ConflictDialog from '../../components/conflict-dialog'
import { materialConflictRows, STATUS_LABELS, useMaterialStatuses } from '../../components/material-item/statuses'
import PageShell from '../../components/page-shell'
import { buildChecklist } from '../../domain/checklist'
import { analysePhoto, normalisePhotoFormat, photoRulesFor, type PhotoReport } from '../../domain/photo'
import { MATERIALS, type MaterialId } from '../../domain/rules/materials'
import type { Finding, MaterialStatus } from '../../domain/types'
import { useCurrentFiling } from '../../hooks/use-current-filing'
import {
  choosePhoto,
  MAX_DECODE_BYTES,
  photoError,
  PhotoError,
  readPhotoPixels,
  type ChosenPhoto
} from '../../services/photo-picker'
import { CHECKED, fileSizeText, NOT_CHECKED, photoKindFor, rejectionReasons, SEVERITY_GROUPS } from './photo-kinds'
import { NewFilingButton } from '../../components/filing-gate'
import './index.scss'

/**
 * Longest side the photo is drawn at. The analysers work at 512 px; drawing at twice that and letting them average
 * down keeps the browser's or WeChat's own resampling from smearing or aliasing what they look for.
 */
const READ_MAX_SIDE = 1024

type CheckState =
  | { step: 'idle' }
  | { step: 'reading' | 'analysing'; photo: ChosenPhoto }
  | { step: 'done'; photo: ChosenPhoto; report: PhotoReport }
  | { step: 'failed'; photo?: ChosenPhoto; message: string }

const STEP_PROGRESS = { reading: 35, analysing: 75 } as const

/** Lets the progress bar paint before the (synchronous) analysis takes the thread. */
const nextFrame = () => new Promise((resolve) => setTimeout(resolve, 30))

function FindingView({ finding }: { finding: Finding }) {
  return (
    <View className={`photo-check__finding photo-check__finding--${finding.severity}`} data-code={finding.code}>
      <Text className='photo-check__finding-message'>{finding.message}</Text>
      <Text className='photo-check__finding-fix'>怎么改：{finding.fix}</Text>
    </View>
  )
}

export default function PhotoCheckPage() {
  const router = useRouter()
  const materialId = router?.params?.material
  const current = useCurrentFiling()
  const { filing } = current
  const statuses = useMaterialStatuses(filing, current.replace)
  const [check, setCheck] = useState<CheckState>({ step: 'idle' })
  const [hint, setHint] = useState('')
  const latestRun = useRef(0)

  const item = useMemo(
    () => (filing && materialId ? buildChecklist(filing.profile).find((i) => i.id === materialId) : undefined),
    [filing, materialId]
  )
  const title = item?.title ?? MATERIALS[materialId as MaterialId]?.title ?? '证件照片'
  const kind = photoKindFor(materialId, title)
  const platform = filing?.profile.platform ?? 'weapp'
  const rules = photoRulesFor(platform)
  const canMark = !!(item && filing?.access === 'owner')
  const busy = check.step === 'reading' || check.step === 'analysing'

  async function run() {
    const runId = ++latestRun.current
    setHint('')
    let photo: ChosenPhoto
    try {
      // first thing in the tap handler: H5 opens the file chooser only during the user's gesture
      photo = await choosePhoto()
    } catch (e) {
      if (runId !== latestRun.current) return
      const error = e instanceof PhotoError ? e : photoError('failed')
      // backing out of the picker keeps whatever result is on screen
      if (error.reason === 'cancelled') setHint('没有选择照片，之前的结果仍然保留')
      else setCheck({ step: 'failed', message: error.message })
      return
    }
    if (runId !== latestRun.current) return
    if (photo.size > MAX_DECODE_BYTES) {
      setCheck({
        step: 'failed',
        photo,
        message: `照片文件有 ${fileSizeText(photo.size)}，${photoError('too_large').message}`
      })
      return
    }
    setCheck({ step: 'reading', photo })
    try {
      const pixels = await readPhotoPixels(photo.path, READ_MAX_SIDE)
      if (runId !== latestRun.current) return
      setCheck({ step: 'analysing', photo })
      await nextFrame()
      const report = analysePhoto({
        image: { width: pixels.width, height: pixels.height, data: pixels.data },
        kind,
        platform,
        file: {
          format: photo.format,
          byteSize: photo.size,
          width: pixels.originalWidth,
          height: pixels.originalHeight
        }
      })
      if (runId !== latestRun.current) return
      setCheck({ step: 'done', photo, report })
    } catch (e) {
      if (runId !== latestRun.current) return
      const format = normalisePhotoFormat(photo.format)
      const message =
        e instanceof PhotoError
          ? format === 'other'
            ? `这张照片的格式手机读取不了，平台也只接受 ${rules.formats.map((f) => f.toUpperCase()).join('/')}：请在相册里导出为 JPG 后重新选择`
            : e.message
          : '分析时出了问题，请换一张照片再试'
      setCheck({ step: 'failed', photo, message })
    }
  }

  const report = check.step === 'done' ? check.report : undefined
  const errors = report?.findings.filter((f) => f.severity === 'error') ?? []
  const markAs: MaterialStatus | undefined = report ? (errors.length ? 'problem' : 'ready') : undefined
  const status = item ? statuses.statusOf(item.id) : undefined

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

      {check.step === 'idle' ? (
        <View className='card photo-check__rules'>
          <Text className='photo-check__subtitle'>{kind === 'face' ? '人脸核验照片' : '证件照片'}常见的驳回原因</Text>
          {rejectionReasons(kind, platform).map((reason) => (
            <Text key={reason} className='photo-check__rule'>
              · {reason}
            </Text>
          ))}
          {rules.assumption ? <Text className='muted'>{rules.assumption}</Text> : null}
          <Text className='muted photo-check__lead'>
            点下方“选择照片”，从相册选或直接拍一张，几秒钟就能知道会不会因为照片本身被驳回。
          </Text>
        </View>
      ) : null}

      {hint ? <Text className='muted photo-check__hint'>{hint}</Text> : null}

      {check.step !== 'idle' && check.photo ? (
        <View className='card photo-check__photo'>
          <Image className='photo-check__thumb' src={check.photo.path} mode='aspectFit' />
          {report ? (
            <Text className='muted'>
              {report.metrics.width}×{report.metrics.height} 像素，{fileSizeText(check.photo.size)}
            </Text>
          ) : null}
        </View>
      ) : null}

      {busy ? (
        <View className='card photo-check__progress' aria-busy='true'>
          <View className='photo-check__steps'>
            <Text className={check.step === 'reading' ? 'photo-check__step--active' : 'photo-check__step--done'}>
              读取照片
            </Text>
            <Text className='muted'>→</Text>
            <Text className={check.step === 'analysing' ? 'photo-check__step--active' : 'muted'}>分析中</Text>
          </View>
          <Progress percent={STEP_PROGRESS[check.step]} strokeWidth='8' />
        </View>
      ) : null}

      {check.step === 'failed' ? (
        <View className='card photo-check__failed' role='alert'>
          <Text className='photo-check__failed-title'>没能检查这张照片</Text>
          <Text className='photo-check__failed-message'>{check.message}</Text>
        </View>
      ) : null}

      {report ? (
        <View className='card photo-check__result' data-result={errors.length ? 'errors' : 'clean'}>
          {report.findings.length === 0 ? (
            <Text className='photo-check__verdict photo-check__verdict--clean'>没有发现问题</Text>
          ) : errors.length === 0 ? (
            <Text className='photo-check__verdict photo-check__verdict--clean'>没有发现必须重拍的问题</Text>
          ) : (
            <Text className='photo-check__verdict photo-check__verdict--errors'>
              发现 {errors.length} 个会被驳回的问题
            </Text>
          )}

          {SEVERITY_GROUPS.map((group) => {
            const findings = report.findings.filter((f) => f.severity === group.severity)
            if (!findings.length) return null
            return (
              <View key={group.severity} className={`photo-check__group photo-check__group--${group.severity}`}>
                <Text className='photo-check__group-title'>
                  {group.title}
                  {group.hint ? `（${group.hint}）` : ''}
                </Text>
                {findings.map((finding) => (
                  <FindingView key={finding.code} finding={finding} />
                ))}
              </View>
            )
          })}

          <View className='photo-check__checked'>
            <Text className='photo-check__checked-title'>已检查</Text>
            <Text className='photo-check__checked-list'>{CHECKED[kind].join('、')}</Text>
            <Text className='photo-check__checked-title'>请自己再确认</Text>
            <Text className='photo-check__checked-list'>{NOT_CHECKED[kind].join('；')}</Text>
          </View>

          {canMark && item && markAs ? (
            status === markAs ? (
              <Text className='photo-check__marked'>已标记为“{STATUS_LABELS[markAs]}”</Text>
            ) : (
              <Button
                className='photo-check__mark'
                type={markAs === 'problem' ? 'danger' : 'success'}
                fill='outline'
                block
                loading={statuses.saving}
                onClick={() => void statuses.setStatus(item.id, markAs)}
              >
                标记为{STATUS_LABELS[markAs]}
              </Button>
            )
          ) : null}
        </View>
      ) : null}

      {statuses.notice ? (
        <View className='card photo-check__notice' role='status'>
          <Text>{statuses.notice.message}</Text>
        </View>
      ) : null}

      {current.state === 'empty' ? (
        <View className='card'>
          <Text className='muted'>还没有备案：照片按微信的要求检查。新建备案后可以把结果记到材料清单里。</Text>
          <NewFilingButton className='photo-check__wizard' small />
        </View>
      ) : null}

      <ConflictDialog
        visible={!!statuses.conflict}
        rows={
          statuses.conflict
            ? materialConflictRows(statuses.conflict.pending.materials, statuses.conflict.latest.materials, (id) =>
                id === item?.id ? title : (MATERIALS[id as MaterialId]?.title ?? id)
              )
            : []
        }
        onUseMine={() => void statuses.keepMine()}
        onUseTheirs={statuses.takeLatest}
      />
    </PageShell>
  )
}
