import type { PropsWithChildren, ReactNode } from 'react'
import { Text, View } from '@tarojs/components'
import type { Finding } from '../../domain/types'
import './index.scss'

interface FormFieldProps {
  /** Element id, for scrolling to the field. */
  id?: string
  /** Stable class names for tests and styles (e.g. `self-check-field--ownerPrincipal-idNumber`). */
  className?: string
  label: string
  /** Shown under the label: what the platform's form expects. */
  hint?: string
  required?: boolean
  /** Next to the label (a 长期 switch, a 更改 link). */
  extra?: ReactNode
  /** The self-check's findings for this field, error first. */
  findings?: Finding[]
  /** Messages of the server's own check (kept until the field changes). */
  serverErrors?: string[]
  /** Briefly marks the field the user was sent to. */
  highlight?: boolean
}

const SEVERITY_ORDER = { error: 0, warning: 1, info: 2 }

/** One labelled field with its hint and its findings under it: error red, warning orange, info grey-blue. */
export default function FormField(props: PropsWithChildren<FormFieldProps>) {
  const { id, className, label, hint, required, extra, findings = [], serverErrors = [], highlight, children } = props
  const sorted = [...findings].sort((a, b) => SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity])
  const worst = sorted[0]?.severity ?? (serverErrors.length ? 'error' : undefined)
  return (
    <View
      id={id}
      className={`form-field ${worst ? `form-field--${worst}` : ''} ${highlight ? 'form-field--highlight' : ''} ${
        className ?? ''
      }`}
    >
      <View className='form-field__head'>
        <Text className='form-field__label'>
          {label}
          {required ? <Text className='form-field__required'> *</Text> : null}
        </Text>
        {extra ? <View className='form-field__extra'>{extra}</View> : null}
      </View>
      {hint ? <Text className='form-field__hint'>{hint}</Text> : null}
      <View className='form-field__control'>{children}</View>
      {serverErrors.map((message) => (
        <View key={`server-${message}`} className='form-field__finding form-field__finding--error form-field__server'>
          <Text className='form-field__message'>{message}</Text>
          <Text className='form-field__fix'>服务器未保存这一项，已保存在手机上；改正后会自动同步</Text>
        </View>
      ))}
      {sorted.map((f) => (
        <View
          key={`${f.field}:${f.code}`}
          className={`form-field__finding form-field__finding--${f.severity}`}
          data-code={f.code}
        >
          <Text className='form-field__message'>{f.message}</Text>
          <Text className='form-field__fix'>{f.fix}</Text>
        </View>
      ))}
    </View>
  )
}
