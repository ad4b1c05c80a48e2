/** The wizard's first two steps: where and what kind of filing, who files; then the province and the principals. */
import { Text, View } from '@tarojs/components'
import { Cell, Input, Radio } from '@nutui/nutui-react-taro'
import { REGIONS } from '../../domain'
import {
  CANCEL_KIND_OPTIONS,
  FILING_PROVINCE_QUESTION,
  FILING_TYPE_OPTIONS,
  OWNER_TYPE_OPTIONS,
  PLATFORM_OPTIONS,
  type WizardAnswers
} from './answers'
import { Toggle } from './toggle'
import type { WizardAnswersState } from './use-wizard-answers'

const provinceOptions = REGIONS.map((r) => ({ value: r.code, label: r.shortName }))

function Choices<T extends string>(props: {
  className?: string
  value: T | undefined
  options: readonly { value: T; label: string }[]
  onChange(value: T): void
}) {
  return (
    <Radio.Group
      className={`wizard__choices ${props.className ?? ''}`}
      direction='horizontal'
      shape='button'
      value={props.value ?? ''}
      onChange={(v) => props.onChange(String(v) as T)}
      options={props.options.map(({ value, label }) => ({ value, label }))}
    />
  )
}

/** 已有主体备案号: a first filing or 新增 under an owner already on record (identity must then match it exactly). */
function ExistingOwnerNumber({ answers, update }: WizardAnswersState) {
  const has = answers.existingOwnerFilingNumber !== undefined
  return (
    <>
      <Text className='wizard__label'>主体已经有备案号吗？</Text>
      <Text className='muted'>网站、App 或其他小程序备案过的主体，会有「京ICP备12345678号」这样的主体备案号。</Text>
      <Choices
        className='wizard__existing'
        value={has ? 'yes' : 'no'}
        options={[
          { value: 'no', label: '没有，第一次备案' },
          { value: 'yes', label: '有' }
        ]}
        onChange={(v) => update({ existingOwnerFilingNumber: v === 'yes' ? '' : undefined })}
      />
      {has ? (
        <>
          <Input
            className='wizard__input wizard__existing-number'
            placeholder='如：京ICP备12345678号'
            value={answers.existingOwnerFilingNumber}
            maxLength={40}
            onChange={(v) => update({ existingOwnerFilingNumber: v })}
          />
          <Text className='wizard__note'>
            这次是在已有主体下「新增」小程序：主体名称、证件号码、负责人等信息须与已备案的信息完全一致，否则会被驳回。
          </Text>
        </>
      ) : null}
    </>
  )
}

/** Where, what kind of filing, and who files. */
export function PlatformStep(state: WizardAnswersState) {
  const { answers, update } = state
  const cancel = answers.filingType === 'cancel'
  return (
    <View className='card'>
      <Text className='wizard__label'>在哪个平台备案？</Text>
      <Choices value={answers.platform} options={PLATFORM_OPTIONS} onChange={(platform) => update({ platform })} />
      <Text className='wizard__note'>
        同一个主体不要同时在几个平台提交备案：先在一个平台备案通过，再用得到的备案号去其他平台新增。
      </Text>
      <Text className='wizard__label'>备案类型</Text>
      <Choices
        value={answers.filingType}
        options={FILING_TYPE_OPTIONS}
        onChange={(filingType) => update({ filingType })}
      />
      {cancel ? (
        <>
          <Text className='wizard__label'>注销哪一种？</Text>
          <Choices
            className='wizard__cancel-kind'
            value={answers.cancelKind}
            options={CANCEL_KIND_OPTIONS}
            onChange={(cancelKind) => update({ cancelKind })}
          />
          <Text className='muted'>{CANCEL_KIND_OPTIONS.find((o) => o.value === answers.cancelKind)?.hint}</Text>
        </>
      ) : null}
      <Text className='wizard__label'>{cancel ? '备案主体是' : '主办单位是'}</Text>
      <Choices
        value={answers.ownerType}
        options={OWNER_TYPE_OPTIONS}
        onChange={(ownerType) => update({ ownerType: ownerType as WizardAnswers['ownerType'] })}
      />
      <Text className='muted'>{OWNER_TYPE_OPTIONS.find((o) => o.value === answers.ownerType)?.hint}</Text>
      {answers.filingType === 'new' ? <ExistingOwnerNumber {...state} /> : null}
    </View>
  )
}

/** The province that reviews, and the principals (individuals: where the ID was issued). */
export function RegionStep({ answers, update }: WizardAnswersState) {
  const individual = answers.ownerType === 'individual'
  return (
    <View className='card'>
      <Text className='wizard__label'>{FILING_PROVINCE_QUESTION}</Text>
      <Text className='muted'>
        {individual ? '在哪个省备案，' : '一般是营业执照等证件所在的省份，'}由这个省的通信管理局审核，规则因省而异。
      </Text>
      <Choices
        className='wizard__provinces'
        value={answers.province}
        options={provinceOptions}
        onChange={(province) => update({ province })}
      />
      {individual ? (
        <>
          <Text className='wizard__label'>身份证签发地（户籍省份）</Text>
          <Choices
            className='wizard__provinces wizard__residence'
            value={answers.residenceProvince}
            options={provinceOptions}
            onChange={(residenceProvince) => update({ residenceProvince })}
          />
        </>
      ) : answers.filingType === 'cancel' ? null : (
        <Cell.Group>
          <Cell
            title='主体负责人是法定代表人'
            description='多数省份要求主体负责人就是法定代表人'
            extra={
              <Toggle
                className='wizard__owner-legal'
                label='主体负责人是法定代表人'
                checked={answers.ownerPrincipalIsLegalRep}
                onChange={(v) => update({ ownerPrincipalIsLegalRep: v })}
              />
            }
          />
          <Cell
            title='小程序负责人是法定代表人'
            description='小程序负责人是实际运营小程序的人'
            extra={
              <Toggle
                className='wizard__app-legal'
                label='小程序负责人是法定代表人'
                checked={answers.appPrincipalIsLegalRep}
                onChange={(v) => update({ appPrincipalIsLegalRep: v })}
              />
            }
          />
        </Cell.Group>
      )}
    </View>
  )
}
