import { useState } from 'react'
import { Text, View } from '@tarojs/components'
import { Input } from '@nutui/nutui-react-taro'
import { parseFilingNumber, provinceName } from '../../domain'
import type { Filing } from '../../domain/types'
import ActionTimeField from './action-time-field'
import FormButtons from './form-buttons'
import { previewAction } from './preview'
import { useActionTime } from './use-action-time'

interface FilingNumberFormProps {
  filing: Pick<Filing, 'progress' | 'profile'>
  saving: boolean
  /** `at` undefined = now. */
  onConfirm: (filingNumber: string, at: string | undefined) => void
  onCancel: () => void
}

const KIND_LABELS = { owner: '主体备案号', website: '网站备案号', app: 'App 备案号', miniprogram: '小程序备案号' }

/** 管局审核通过: the 备案号 from the approval SMS or e-mail, checked while it is typed. */
export default function FilingNumberForm({ filing, saving, onConfirm, onCancel }: FilingNumberFormProps) {
  const [value, setValue] = useState('')
  const optional = filing.profile.filingType === 'cancel'
  const typed = value.trim()
  const time = useActionTime(filing.progress, 'admin_pass')
  const check =
    (typed || optional) && !time.waiting && !time.refusal
      ? previewAction(filing, { type: 'admin_pass', filingNumber: typed }, time.nowMs, time.at)
      : undefined
  const parsed = typed ? parseFilingNumber(typed) : undefined

  return (
    <View className='progress-form'>
      <Text className='progress-form__title'>{optional ? '注销完成（备案号可不填）' : '填写备案号'}</Text>
      <Text className='muted'>从备案成功的短信或邮件里复制，小程序备案号形如“京ICP备2026059598号-1X”。</Text>
      <Input
        className='progress-form__input progress-form__filing-number'
        placeholder='如 京ICP备2026059598号-1X'
        value={value}
        maxLength={40}
        clearable
        onChange={(v) => setValue(v)}
      />
      <ActionTimeField question='什么时候收到审核通过的通知？' name='通过时间' time={time} />
      {typed && check && !check.ok ? (
        <View role='alert'>
          <Text className='progress-form__error'>{check.message}</Text>
        </View>
      ) : null}
      {typed && check?.ok && parsed?.ok ? (
        <Text className='progress-form__ok'>
          格式正确：{parsed.normalized}（{provinceName(parsed.province!)}，{KIND_LABELS[parsed.kind!]}）
        </Text>
      ) : null}
      <FormButtons
        action='admin_pass'
        confirmText='确认审核通过'
        confirmDisabled={!check?.ok}
        saving={saving}
        onCancel={onCancel}
        onConfirm={() => onConfirm(typed, time.at)}
      />
    </View>
  )
}
