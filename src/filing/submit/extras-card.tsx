import { useState } from 'react'
import { Text, View } from '@tarojs/components'
import { Button, Input } from '@nutui/nutui-react-taro'
import type { Finding } from '../../domain/types'
import type { SubmissionExtrasInput, SubmissionView } from '../../services/submission'

/** Our extras paths (the mappers' `extras.*` findings) → the saved field and how to ask for it. */
const FIELDS: Record<string, { key: keyof SubmissionExtrasInput; label: string; placeholder: string }> = {
  'extras.ownerPrincipalIdValidFrom': {
    key: 'ownerPrincipalIdValidFrom',
    label: '主体负责人证件有效期起始日期',
    placeholder: '证件背面的起始日期，如 2015-03-12'
  },
  'extras.appPrincipalIdValidFrom': {
    key: 'appPrincipalIdValidFrom',
    label: '小程序负责人证件有效期起始日期',
    placeholder: '证件背面的起始日期，如 2012-08-15'
  },
  'extras.legalPerson.name': { key: 'legalPersonName', label: '法定代表人姓名', placeholder: '与营业执照一致' },
  'extras.legalPerson.idNumber': { key: 'legalPersonIdNumber', label: '法定代表人身份证号码', placeholder: '18 位' }
}

interface ExtrasCardProps {
  findings: Finding[]
  extras: SubmissionView['extras']
  busy: boolean
  onSave: (extras: SubmissionExtrasInput) => void
}

/** The facts the platform asks for that the filing form does not hold, asked for only when the mapping misses them. */
export default function ExtrasCard({ findings, extras, busy, onSave }: ExtrasCardProps) {
  const wanted = findings.map((f) => ({ finding: f, spec: FIELDS[f.field] })).filter((x) => x.spec)
  const [values, setValues] = useState<SubmissionExtrasInput>({})
  if (!wanted.length) return null
  return (
    <View className='card submit__extras'>
      <Text className='submit__title'>平台还需要这些信息</Text>
      <Text className='submit__text'>备案表单里没有这几项，平台要求填写；只用于这次提交。</Text>
      {wanted.map(({ finding, spec }) => (
        <View key={spec.key} className='submit__extra' data-field={finding.field}>
          <Text className='submit__extra-label'>{spec.label}</Text>
          <Input
            className='submit__extra-input'
            placeholder={spec.placeholder}
            maxLength={spec.key === 'legalPersonName' ? 64 : 32}
            value={
              values[spec.key] ??
              (spec.key === 'legalPersonIdNumber' ? '' : (extras[spec.key as 'legalPersonName'] ?? ''))
            }
            onChange={(v: string) => setValues((old) => ({ ...old, [spec.key]: v.trim() }))}
          />
          <Text className='submit__finding-fix'>{finding.message}</Text>
        </View>
      ))}
      <Button type='primary' block className='submit__extras-save' disabled={busy} onClick={() => onSave(values)}>
        保存
      </Button>
    </View>
  )
}
