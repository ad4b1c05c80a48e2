import { useState } from 'react'
import { Text, Textarea, View } from '@tarojs/components'
import { REJECTION_REASONS } from '../../domain'
import type { FilingProgress } from '../../domain/types'
import ActionTimeField from './action-time-field'
import FormButtons from './form-buttons'
import { joinReasons } from './reasons'
import { useActionTime } from './use-action-time'

interface RejectionFormProps {
  /** 平台初审 / 管局审核. */
  reviewName: string
  progress: FilingProgress
  action: 'platform_reject' | 'admin_reject'
  saving: boolean
  /** `at` undefined = now. */
  onConfirm: (reasons: string[], at: string | undefined) => void
  onCancel: () => void
}

interface ReasonRowProps {
  id: string
  label: string
  checked: boolean
  onToggle: (label: string, on: boolean) => void
}

/**
 * One tappable reason. A plain row rather than NutUI's Checkbox: this form is the only checkbox list a main-package page
 * has, and NutUI's (with its styles) cost the main package ~10 KB.
 */
function ReasonRow({ id, label, checked, onToggle }: ReasonRowProps) {
  return (
    <View
      className={`progress-form__reason progress-form__reason-${id}${checked ? ' progress-form__reason--checked' : ''}`}
      role='checkbox'
      aria-checked={checked}
      onClick={() => onToggle(label, !checked)}
    >
      <Text className='progress-form__tick'>{checked ? '✓' : ''}</Text>
      <Text className='progress-form__reason-label'>{label}</Text>
    </View>
  )
}

/** 被驳回: the reasons from the rejection notice, picked from the common ones (each knows its fix) or typed. */
export default function RejectionForm(props: RejectionFormProps) {
  const { reviewName, progress, action, saving, onConfirm, onCancel } = props
  const time = useActionTime(progress, action)
  const [picked, setPicked] = useState<string[]>([])
  const [other, setOther] = useState('')
  const reasons = joinReasons(picked, other)
  const toggle = (label: string, on: boolean) =>
    setPicked((p) => (on ? [...new Set([...p, label])] : p.filter((x) => x !== label)))

  return (
    <View className='progress-form'>
      <Text className='progress-form__title'>{reviewName}驳回的原因</Text>
      <Text className='muted'>对照驳回通知勾选，可多选；我们会告诉你去哪里改。</Text>
      <View className='progress-form__reasons'>
        {REJECTION_REASONS.map((r) => (
          <ReasonRow key={r.id} id={r.id} label={r.label} checked={picked.includes(r.label)} onToggle={toggle} />
        ))}
      </View>
      <Text className='progress-form__label'>其他原因（照抄驳回通知，每行一条）</Text>
      <View className='progress-form__input progress-form__other'>
        <Textarea
          className='progress-form__textarea'
          placeholder='如：主体负责人电话无法接通'
          value={other}
          maxlength={200}
          autoHeight
          onInput={(e) => setOther(e.detail.value)}
        />
      </View>
      <ActionTimeField question='什么时候收到驳回通知？' name='驳回时间' time={time} />
      <FormButtons
        action='reject'
        confirmText={reasons.length ? `记录 ${reasons.length} 条驳回原因` : '请选择或填写原因'}
        confirmDisabled={reasons.length === 0 || time.waiting || !!time.refusal}
        saving={saving}
        onCancel={onCancel}
        onConfirm={() => onConfirm(reasons, time.at)}
      />
    </View>
  )
}
