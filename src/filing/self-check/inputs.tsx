/** The self-check form's controls: plain text, sensitive text (masked once entered), dates with 长期. */
import { useState } from 'react'
import { Text, View } from '@tarojs/components'
import { Checkbox, Input, TextArea } from '@nutui/nutui-react-taro'
import { PERMANENT, normalizeDateInput } from './fields'

type KeyboardType = 'text' | 'number' | 'idcard'

interface TextInputProps {
  value: string
  placeholder?: string
  maxLength: number
  keyboard?: KeyboardType
  disabled?: boolean
  multiline?: boolean
  onChange(value: string): void
  /** The user left the field: its findings show from now on. */
  onBlur?(): void
}

/** H5 has no ID-card keyboard; the mini-programs do. */
function inputType(keyboard: KeyboardType | undefined): string {
  if (keyboard === 'idcard') return process.env.TARO_ENV === 'h5' ? 'text' : 'idcard'
  return keyboard ?? 'text'
}

export function TextInput({
  value,
  placeholder,
  maxLength,
  keyboard,
  disabled,
  multiline,
  onChange,
  onBlur
}: TextInputProps) {
  if (multiline)
    return (
      <TextArea
        className='self-check-field__input self-check-field__textarea'
        value={value}
        placeholder={placeholder}
        maxLength={maxLength}
        showCount
        autoSize
        disabled={disabled}
        onChange={onChange}
        onBlur={() => onBlur?.()}
      />
    )
  return (
    <Input
      className='self-check-field__input'
      type={inputType(keyboard)}
      value={value}
      placeholder={placeholder}
      maxLength={maxLength}
      disabled={disabled}
      onChange={onChange}
      onBlur={() => onBlur?.()}
    />
  )
}

interface SensitiveInputProps extends Omit<TextInputProps, 'multiline'> {
  /** How the value shows when the field is not being edited. */
  mask(value: string): string
  /** The user has agreed to the processing of sensitive information. */
  consented: boolean
  /** The encrypted draft value is not open yet (offline at relaunch). */
  locked: boolean
  /** Tapped without consent: the page shows the consent screen. */
  onNeedConsent(): void
}

/**
 * A sensitive value (ID number, phone, credit code, address, e-mail): masked whenever the field is not focused,
 * in full while the user edits it. Without consent there is no input at all, only a prompt that opens the consent
 * screen; while the draft's encrypted part is still closed it cannot be edited.
 */
export function SensitiveInput(props: SensitiveInputProps) {
  const { value, mask, consented, locked, onNeedConsent, onChange, onBlur, ...rest } = props
  const [editing, setEditing] = useState(false)
  if (locked)
    return (
      <View className='self-check-field__locked self-check-field__locked--sealed'>
        <Text className='self-check-field__locked-value'>已加密保存在手机上</Text>
        <Text className='self-check-field__locked-hint'>联网后自动解密恢复，恢复前不能修改</Text>
      </View>
    )
  if (!consented)
    return (
      <View className='self-check-field__locked self-check-field__locked--consent' onClick={onNeedConsent}>
        <Text className='self-check-field__locked-value'>{value ? mask(value) : '点击填写'}</Text>
        <Text className='self-check-field__locked-hint'>填写前需要你同意处理敏感个人信息 ›</Text>
      </View>
    )
  return (
    <Input
      className={`self-check-field__input self-check-field__input--sensitive ${editing ? '' : 'self-check-field__input--masked'}`}
      type={inputType(rest.keyboard)}
      value={editing ? value : mask(value)}
      placeholder={rest.placeholder}
      maxLength={rest.maxLength}
      disabled={rest.disabled}
      onFocus={() => setEditing(true)}
      // the masked text is never a value: only what is typed while editing counts
      onChange={(v) => (editing ? onChange(v) : undefined)}
      onBlur={() => {
        setEditing(false)
        onBlur?.()
      }}
    />
  )
}

interface DateInputProps {
  value: string
  disabled?: boolean
  onChange(value: string): void
  onBlur?(): void
}

/** 证件有效期: the end date as on the certificate, or 长期 for a permanent one. */
export function DateInput({ value, disabled, onChange, onBlur }: DateInputProps) {
  const permanent = value === PERMANENT
  return (
    <View className='self-check-field__date'>
      <Input
        className='self-check-field__input self-check-field__date-input'
        value={permanent ? '' : value}
        placeholder={permanent ? '长期有效' : '截止日期，如 2035-03-12'}
        maxLength={12}
        disabled={disabled || permanent}
        onChange={onChange}
        onBlur={(v) => {
          const normalised = normalizeDateInput(v ?? value)
          if (normalised !== value) onChange(normalised)
          onBlur?.()
        }}
      />
      <Checkbox
        className='self-check-field__permanent'
        checked={permanent}
        disabled={disabled}
        label={PERMANENT}
        onChange={(on) => {
          onChange(on ? PERMANENT : '')
          onBlur?.()
        }}
      />
    </View>
  )
}
