/** How one field block of the self-check form is drawn: the control its spec asks for, or its value when read-only. */
import type { ReactNode } from 'react'
import { Text, View } from '@tarojs/components'
import { Checkbox, Radio } from '@nutui/nutui-react-taro'
import FormField from '../../components/form-field'
import { INDUSTRIES } from '../../domain/rules/industries'
import { REGIONS, REGION_BY_CODE } from '../../domain/rules/regions'
import type { FilingForm, Finding, PreApprovalEntry } from '../../domain/types'
import { fieldDomId, fieldSlug, getPath, getText, isSensitivePath, maskSensitive } from './fields'
import { describeValue, type FieldSpec } from './field-specs'
import { DateInput, SensitiveInput, TextInput } from './inputs'

export interface BlockContext {
  form: FilingForm
  readOnly: boolean
  consented: boolean
  /** The draft's encrypted part is not open yet. */
  sealedLocked: boolean
  highlight?: string
  provincePickerOpen: boolean
  toggleProvincePicker(): void
  findingsFor(path: string): Finding[]
  serverErrorsFor(path: string): string[]
  edit(path: string, value: unknown): void
  touch(path: string): void
  needConsent(path: string): void
}

type ControlProps<K extends FieldSpec['kind']> = { spec: Extract<FieldSpec, { kind: K }>; ctx: BlockContext }

function readOnlyText(path: string, form: FilingForm): string {
  const value = getPath(form, path)
  if (Array.isArray(value)) return value.join('、')
  return describeValue(path, typeof value === 'string' ? value : '', form)
}

function TextControl({ spec, ctx }: ControlProps<'text'>) {
  const { form, edit, touch } = ctx
  const path = spec.path
  const value = getText(form, path)
  if (isSensitivePath(path))
    return (
      <SensitiveInput
        value={value}
        placeholder={spec.placeholder}
        maxLength={spec.maxLength}
        keyboard={spec.keyboard}
        mask={(v) => maskSensitive(path, v, form)}
        consented={ctx.consented}
        locked={ctx.sealedLocked}
        onNeedConsent={() => ctx.needConsent(path)}
        onChange={(v) => edit(path, v)}
        onBlur={() => touch(path)}
      />
    )
  return (
    <TextInput
      value={value}
      placeholder={spec.placeholder}
      maxLength={spec.maxLength}
      keyboard={spec.keyboard}
      multiline={spec.multiline}
      onChange={(v) => edit(path, v)}
      onBlur={() => touch(path)}
    />
  )
}

function ChoiceControl({ spec, ctx }: ControlProps<'choice'>) {
  const path = spec.path
  return (
    <Radio.Group
      className='self-check-field__choices'
      direction='horizontal'
      shape='button'
      value={getText(ctx.form, path)}
      options={spec.options}
      onChange={(v) => {
        ctx.edit(path, String(v))
        ctx.touch(path)
      }}
    />
  )
}

function ProvinceControl({ spec, ctx }: ControlProps<'province'>) {
  const path = spec.path
  const code = getText(ctx.form, path)
  return (
    <View className='self-check-field__province'>
      <View className='self-check-field__province-current'>
        <Text>{code ? (REGION_BY_CODE[code]?.name ?? code) : '未选择'}</Text>
        <Text className='self-check-field__link' onClick={ctx.toggleProvincePicker}>
          {ctx.provincePickerOpen ? '收起' : code ? '更改' : '选择'}
        </Text>
      </View>
      {ctx.provincePickerOpen ? (
        <Radio.Group
          className='self-check-field__choices self-check-field__provinces'
          direction='horizontal'
          shape='button'
          value={code}
          options={REGIONS.map((r) => ({ value: r.code, label: r.shortName }))}
          onChange={(v) => {
            ctx.edit(path, String(v))
            ctx.touch(path)
            ctx.toggleProvincePicker()
          }}
        />
      ) : null}
    </View>
  )
}

function MultiControl({ spec, ctx }: ControlProps<'multi'>) {
  const path = spec.path
  const chosen = (getPath(ctx.form, path) as string[] | undefined) ?? []
  return (
    <View className='self-check-field__choices'>
      {spec.options.map((option) => (
        <Checkbox
          key={option}
          className='self-check-field__multi'
          shape='button'
          label={option}
          checked={chosen.includes(option)}
          onChange={(on) => {
            ctx.edit(path, on ? [...chosen, option] : chosen.filter((c) => c !== option))
            ctx.touch(path)
          }}
        />
      ))}
    </View>
  )
}

function IndustriesControl({ spec, ctx }: ControlProps<'industries'>) {
  const entries = (ctx.form.miniProgram.preApprovals ?? []) as PreApprovalEntry[]
  return (
    <View className='self-check-field__choices'>
      {Object.values(INDUSTRIES).map((industry) => (
        <Checkbox
          key={industry.id}
          className='self-check-field__multi'
          shape='button'
          label={industry.label}
          checked={entries.some((e) => e.industry === industry.id)}
          onChange={(on) => {
            ctx.edit(
              'miniProgram.preApprovals',
              on
                ? [...entries, { industry: industry.id, approvalNumber: '', fileName: '' }]
                : entries.filter((e) => e.industry !== industry.id)
            )
            ctx.touch(spec.path)
          }}
        />
      ))}
    </View>
  )
}

function control(spec: FieldSpec, ctx: BlockContext): ReactNode {
  switch (spec.kind) {
    case 'text':
      return <TextControl spec={spec} ctx={ctx} />
    case 'date':
      return (
        <DateInput
          value={getText(ctx.form, spec.path)}
          onChange={(v) => ctx.edit(spec.path, v)}
          onBlur={() => ctx.touch(spec.path)}
        />
      )
    case 'choice':
      return <ChoiceControl spec={spec} ctx={ctx} />
    case 'province':
      return <ProvinceControl spec={spec} ctx={ctx} />
    case 'multi':
      return <MultiControl spec={spec} ctx={ctx} />
    case 'industries':
      return <IndustriesControl spec={spec} ctx={ctx} />
  }
}

export function FieldBlock({ spec, ctx }: { spec: FieldSpec; ctx: BlockContext }) {
  const slug = fieldSlug(spec.path)
  return (
    <FormField
      id={fieldDomId(spec.path)}
      className={`self-check-field self-check-field--${slug}`}
      label={spec.label}
      hint={ctx.readOnly ? undefined : spec.hint}
      required={spec.required && !ctx.readOnly}
      findings={ctx.findingsFor(spec.path)}
      serverErrors={ctx.serverErrorsFor(spec.path)}
      highlight={ctx.highlight === spec.path}
    >
      {ctx.readOnly ? (
        <Text className='self-check-field__readonly'>{readOnlyText(spec.path, ctx.form) || '（未填写）'}</Text>
      ) : (
        control(spec, ctx)
      )}
    </FormField>
  )
}
