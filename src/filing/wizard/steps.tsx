/** The wizard's four steps, each a card of questions that writes into the answers. */
import { Text, View } from '@tarojs/components'
import { Cell, Checkbox, Input, Radio, Switch, TextArea } from '@nutui/nutui-react-taro'
import { INDUSTRIES, REGIONS } from '../../domain'
import { FILING_TYPE_OPTIONS, OWNER_TYPE_OPTIONS, PLATFORM_OPTIONS, type WizardAnswers } from './answers'
import type { WizardAnswersState } from './use-wizard-answers'

const provinceOptions = REGIONS.map((r) => ({ value: r.code, label: r.shortName }))

/** Where, what kind of filing, and who files. */
export function PlatformStep({ answers, update }: WizardAnswersState) {
  return (
    <View className='card'>
      <Text className='wizard__label'>在哪个平台备案？</Text>
      <Radio.Group
        className='wizard__choices'
        direction='horizontal'
        shape='button'
        value={answers.platform}
        onChange={(v) => update({ platform: v as WizardAnswers['platform'] })}
        options={PLATFORM_OPTIONS}
      />
      <Text className='wizard__label'>备案类型</Text>
      <Radio.Group
        className='wizard__choices'
        direction='horizontal'
        shape='button'
        value={answers.filingType}
        onChange={(v) => update({ filingType: v as WizardAnswers['filingType'] })}
        options={FILING_TYPE_OPTIONS.map((o) => ({ ...o }))}
      />
      <Text className='wizard__label'>主办单位是</Text>
      <Radio.Group
        className='wizard__choices'
        direction='horizontal'
        shape='button'
        value={answers.ownerType}
        onChange={(v) => update({ ownerType: v as WizardAnswers['ownerType'] })}
        options={OWNER_TYPE_OPTIONS.map(({ value, label }) => ({ value, label }))}
      />
      <Text className='muted'>{OWNER_TYPE_OPTIONS.find((o) => o.value === answers.ownerType)?.hint}</Text>
    </View>
  )
}

/** The province that reviews, and the principals (individuals: where the ID was issued). */
export function RegionStep({ answers, update }: WizardAnswersState) {
  return (
    <View className='card'>
      <Text className='wizard__label'>
        {answers.ownerType === 'individual' ? '你常住（备案）的省份' : '营业执照等证件所在省份'}
      </Text>
      <Text className='muted'>由这个省的通信管理局审核，规则因省而异。</Text>
      <Radio.Group
        className='wizard__choices wizard__provinces'
        direction='horizontal'
        shape='button'
        value={answers.province}
        onChange={(v) => update({ province: String(v) })}
        options={provinceOptions}
      />
      {answers.ownerType === 'individual' ? (
        <>
          <Text className='wizard__label'>身份证签发地（户籍省份）</Text>
          <Radio.Group
            className='wizard__choices wizard__provinces'
            direction='horizontal'
            shape='button'
            value={answers.residenceProvince ?? ''}
            onChange={(v) => update({ residenceProvince: String(v) })}
            options={provinceOptions}
          />
        </>
      ) : (
        <Cell.Group>
          <Cell
            title='主体负责人是法定代表人'
            description='多数省份要求主体负责人就是法定代表人'
            extra={
              <Switch
                className='wizard__owner-legal'
                checked={answers.ownerPrincipalIsLegalRep}
                onChange={(v) => update({ ownerPrincipalIsLegalRep: v })}
              />
            }
          />
          <Cell
            title='小程序负责人是法定代表人'
            description='小程序负责人是实际运营小程序的人'
            extra={
              <Switch
                className='wizard__app-legal'
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

/** Industries that need a 前置审批. */
export function IndustriesStep({ answers, toggleIndustry }: WizardAnswersState) {
  return (
    <View className='card'>
      <Text className='wizard__label'>小程序实际从事下列业务吗？</Text>
      <Text className='muted'>这些行业要先取得主管部门的批准文件（前置审批）。都不涉及就直接下一步。</Text>
      {Object.values(INDUSTRIES).map((industry) => (
        <View key={industry.id} className='wizard__industry'>
          <Checkbox
            checked={answers.industries.includes(industry.id)}
            onChange={(on) => toggleIndustry(industry.id, on)}
            label={industry.label}
          />
          <Text className='wizard__industry-hint'>{industry.explanation}</Text>
        </View>
      ))}
    </View>
  )
}

/** The names and the description, which the keyword check reads. */
export function TextsStep({ answers, updateText }: WizardAnswersState) {
  return (
    <View className='card'>
      <Text className='wizard__label'>{answers.ownerType === 'individual' ? '你的姓名' : '主办单位名称'}</Text>
      <Input
        className='wizard__input wizard__owner-name'
        placeholder={answers.ownerType === 'individual' ? '与身份证一致' : '与营业执照一致'}
        value={answers.texts.ownerName}
        maxLength={100}
        onChange={(v) => updateText('ownerName', v)}
      />
      {answers.ownerType !== 'individual' ? (
        <>
          <Text className='wizard__label'>经营范围</Text>
          <TextArea
            className='wizard__input wizard__scope'
            placeholder='照抄营业执照上的经营范围'
            value={answers.texts.businessScope}
            maxLength={2000}
            onChange={(v) => updateText('businessScope', v)}
          />
        </>
      ) : null}
      <Text className='wizard__label'>小程序名称</Text>
      <Input
        className='wizard__input wizard__app-name'
        placeholder='与平台上的名称一致'
        value={answers.texts.appName}
        maxLength={30}
        onChange={(v) => updateText('appName', v)}
      />
      <Text className='wizard__label'>小程序简介 / 服务内容</Text>
      <TextArea
        className='wizard__input wizard__description'
        placeholder='具体写清楚小程序提供什么服务，20–200 字'
        value={answers.texts.appDescription}
        maxLength={200}
        showCount
        onChange={(v) => updateText('appDescription', v)}
      />
    </View>
  )
}

export const WIZARD_STEP_VIEWS = [PlatformStep, RegionStep, IndustriesStep, TextsStep]
