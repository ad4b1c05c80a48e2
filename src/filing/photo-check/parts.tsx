/** The photo-check page's pieces, top to bottom: the rules before a check, the photo, progress, failure, the report. */
import { Image, Text, View } from '@tarojs/components'
import { Button, Progress } from '@nutui/nutui-react-taro'
import { NewFilingButton } from '../../components/filing-gate'
import { STATUS_LABELS } from '../../components/material-item/statuses'
import { photoRulesFor, type PhotoKind, type PhotoReport } from '../../domain/photo'
import type { Finding, MaterialStatus, PlatformId } from '../../domain/types'
import { CHECKED, fileSizeText, NOT_CHECKED, rejectionReasons, SEVERITY_GROUPS } from './photo-kinds'
import type { CheckState } from './use-photo-check'

const STEP_PROGRESS = { reading: 35, analysing: 75 } as const

function FindingView({ finding }: { finding: Finding }) {
  return (
    <View className={`photo-check__finding photo-check__finding--${finding.severity}`} data-code={finding.code}>
      <Text className='photo-check__finding-message'>{finding.message}</Text>
      <Text className='photo-check__finding-fix'>怎么改：{finding.fix}</Text>
    </View>
  )
}

/** Before the first photo: what gets such photos rejected. */
export function PhotoRules({ kind, platform }: { kind: PhotoKind; platform: PlatformId }) {
  const rules = photoRulesFor(platform)
  return (
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
  )
}

export function PhotoPreview({ check }: { check: CheckState }) {
  if (check.step === 'idle' || !check.photo) return null
  const report = check.step === 'done' ? check.report : undefined
  return (
    <View className='card photo-check__photo'>
      <Image className='photo-check__thumb' src={check.photo.path} mode='aspectFit' />
      {report ? (
        <Text className='muted'>
          {report.metrics.width}×{report.metrics.height} 像素，{fileSizeText(check.photo.size)}
        </Text>
      ) : null}
    </View>
  )
}

export function CheckProgress({ step }: { step: 'reading' | 'analysing' }) {
  return (
    <View className='card photo-check__progress' aria-busy='true'>
      <View className='photo-check__steps'>
        <Text className={step === 'reading' ? 'photo-check__step--active' : 'photo-check__step--done'}>读取照片</Text>
        <Text className='muted'>→</Text>
        <Text className={step === 'analysing' ? 'photo-check__step--active' : 'muted'}>分析中</Text>
      </View>
      <Progress percent={STEP_PROGRESS[step]} strokeWidth='8' />
    </View>
  )
}

export function CheckFailed({ message }: { message: string }) {
  return (
    <View className='card photo-check__failed' role='alert'>
      <Text className='photo-check__failed-title'>没能检查这张照片</Text>
      <Text className='photo-check__failed-message'>{message}</Text>
    </View>
  )
}

function Verdict({ report, errors }: { report: PhotoReport; errors: number }) {
  if (report.findings.length === 0)
    return <Text className='photo-check__verdict photo-check__verdict--clean'>没有发现问题</Text>
  if (errors === 0)
    return <Text className='photo-check__verdict photo-check__verdict--clean'>没有发现必须重拍的问题</Text>
  return <Text className='photo-check__verdict photo-check__verdict--errors'>发现 {errors} 个会被驳回的问题</Text>
}

function FindingGroups({ report }: { report: PhotoReport }) {
  return (
    <>
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
    </>
  )
}

/** Marking the material from the result: offered to the owner when the checklist has this material. */
export interface MarkAction {
  status?: MaterialStatus
  saving: boolean
  mark(status: MaterialStatus): void
}

export function ReportCard(props: { report: PhotoReport; kind: PhotoKind; markAction?: MarkAction }) {
  const { report, kind, markAction } = props
  const errors = report.findings.filter((f) => f.severity === 'error').length
  const markAs: MaterialStatus = errors ? 'problem' : 'ready'
  return (
    <View className='card photo-check__result' data-result={errors ? 'errors' : 'clean'}>
      <Verdict report={report} errors={errors} />
      <FindingGroups report={report} />
      <View className='photo-check__checked'>
        <Text className='photo-check__checked-title'>已检查</Text>
        <Text className='photo-check__checked-list'>{CHECKED[kind].join('、')}</Text>
        <Text className='photo-check__checked-title'>请自己再确认</Text>
        <Text className='photo-check__checked-list'>{NOT_CHECKED[kind].join('；')}</Text>
      </View>
      {!markAction ? null : markAction.status === markAs ? (
        <Text className='photo-check__marked'>已标记为“{STATUS_LABELS[markAs]}”</Text>
      ) : (
        <Button
          className='photo-check__mark'
          type={markAs === 'problem' ? 'danger' : 'success'}
          fill='outline'
          block
          loading={markAction.saving}
          onClick={() => markAction.mark(markAs)}
        >
          标记为{STATUS_LABELS[markAs]}
        </Button>
      )}
    </View>
  )
}

export function NoFilingNote() {
  return (
    <View className='card'>
      <Text className='muted'>还没有备案：照片按微信的要求检查。新建备案后可以把结果记到材料清单里。</Text>
      <NewFilingButton className='photo-check__wizard' small />
    </View>
  )
}
