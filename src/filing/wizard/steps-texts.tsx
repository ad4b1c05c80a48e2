/** The wizard's later steps: 前置审批 industries, then the names and the description (or, for 注销, what is cancelled). */
import { Text, View } from '@tarojs/components'
import { Checkbox, Input, TextArea } from '@nutui/nutui-react-taro'
import { INDUSTRIES } from '../../domain'
import { remarkRule } from '../../domain/rules/platforms'
import { needsAppId } from './answers'
import { KeywordHits } from './summary'
import type { WizardAnswersState } from './use-wizard-answers'

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

function OwnerName({ answers, updateText }: WizardAnswersState) {
  const individual = answers.ownerType === 'individual'
  return (
    <>
      <Text className='wizard__label'>{individual ? '你的姓名' : '主办单位名称'}</Text>
      <Input
        className='wizard__input wizard__owner-name'
        placeholder={individual ? '与身份证一致' : '与营业执照一致'}
        value={answers.texts.ownerName}
        maxLength={100}
        onChange={(v) => updateText('ownerName', v)}
      />
    </>
  )
}

function AppName({ answers, updateText }: WizardAnswersState) {
  return (
    <>
      <Text className='wizard__label'>小程序名称</Text>
      <Input
        className='wizard__input wizard__app-name'
        placeholder='与平台上的名称一致'
        value={answers.texts.appName}
        maxLength={30}
        onChange={(v) => updateText('appName', v)}
      />
    </>
  )
}

/** The names and the description, which the keyword check reads (its warning shows here only, once). */
export function TextsStep(state: WizardAnswersState) {
  const { answers, updateText } = state
  const { min, max } = remarkRule(answers.platform)
  return (
    <>
      <View className='card'>
        <OwnerName {...state} />
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
        <AppName {...state} />
        <Text className='wizard__label'>小程序简介 / 服务内容</Text>
        <TextArea
          className='wizard__input wizard__description'
          placeholder={`具体写清楚小程序提供什么服务，${min}–${max} 字`}
          value={answers.texts.appDescription}
          maxLength={max}
          showCount
          onChange={(v) => updateText('appDescription', v)}
        />
      </View>
      <KeywordHits answers={answers} />
    </>
  )
}

/** 注销: who, which mini-program, the 备案号 and (unless the whole owner goes) the AppID. */
export function CancelTextsStep(state: WizardAnswersState) {
  const { answers, update } = state
  const owner = answers.cancelKind === 'owner'
  return (
    <View className='card'>
      <OwnerName {...state} />
      {owner ? null : <AppName {...state} />}
      <Text className='wizard__label'>{owner ? '主体备案号' : '小程序备案号'}</Text>
      <Input
        className='wizard__input wizard__cancel-number'
        placeholder={owner ? '如：京ICP备12345678号' : '如：京ICP备12345678号-2X'}
        value={answers.cancelFilingNumber ?? ''}
        maxLength={40}
        onChange={(v) => update({ cancelFilingNumber: v })}
      />
      {needsAppId(answers) ? (
        <>
          <Text className='wizard__label'>小程序 AppID</Text>
          <Text className='muted'>在平台的小程序管理后台（开发设置）里可以看到。</Text>
          <Input
            className='wizard__input wizard__app-id'
            placeholder='如：wx1234567890abcdef'
            value={answers.appId ?? ''}
            maxLength={40}
            onChange={(v) => update({ appId: v.trim() })}
          />
        </>
      ) : null}
    </View>
  )
}
