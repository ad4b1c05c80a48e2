import { useEffect, useMemo, useState } from 'react'
import { Text, View } from '@tarojs/components'
import { useRouter } from '@tarojs/taro'
import { Button, Cell, Checkbox, Input, NoticeBar, Radio, Step, Steps, Switch, TextArea } from '@nutui/nutui-react-taro'
import PageShell from '../../components/page-shell'
import { INDUSTRIES, REGIONS, buildChecklist, detectPreApproval } from '../../domain'
import type { IndustryId } from '../../domain/types'
import { ROUTES } from '../../constants/routes'
import { openPage } from '../../services/navigation'
import { createFiling } from '../../services/filings'
import { clearWizardDraft, loadWizardDraft, saveWizardDraft, wizardClientRef } from '../../services/drafts'
import {
  FILING_TYPE_OPTIONS,
  OWNER_TYPE_OPTIONS,
  PLATFORM_OPTIONS,
  WIZARD_STEPS,
  emptyAnswers,
  isPlatformId,
  missingForStep,
  type WizardAnswers
} from './answers'
import './index.scss'

const provinceOptions = REGIONS.map((r) => ({ value: r.code, label: r.shortName }))

export default function WizardPage() {
  const router = useRouter()
  const presetPlatform = isPlatformId(router.params.platform) ? router.params.platform : undefined
  const [answers, setAnswers] = useState<WizardAnswers>(() => {
    const draft = loadWizardDraft()
    if (draft && (!presetPlatform || draft.platform === presetPlatform)) return draft
    return emptyAnswers(presetPlatform)
  })
  const [step, setStep] = useState(0)
  const [saving, setSaving] = useState(false)
  const [error, setError] = useState('')

  // Every answer is on the device before anything else happens: a crash or relaunch loses nothing
  useEffect(() => saveWizardDraft(answers), [answers])

  const checklist = useMemo(() => (answers.province ? buildChecklist(answers) : []), [answers])
  const keywordHits = useMemo(() => detectPreApproval(Object.values(answers.texts).join('\n')), [answers.texts])
  const undeclaredHits = keywordHits.filter((id) => !answers.industries.includes(id))
  const missing = missingForStep(step, answers)

  const update = (patch: Partial<WizardAnswers>) => setAnswers((a) => ({ ...a, ...patch }))
  const updateText = (key: keyof WizardAnswers['texts'], value: string) =>
    setAnswers((a) => ({ ...a, texts: { ...a.texts, [key]: value } }))
  const toggleIndustry = (id: IndustryId, on: boolean) =>
    setAnswers((a) => ({
      ...a,
      industries: on ? [...new Set([...a.industries, id])] : a.industries.filter((x) => x !== id)
    }))

  async function finish() {
    setSaving(true)
    setError('')
    const result = await createFiling(answers, wizardClientRef())
    setSaving(false)
    if (!result.ok) {
      setError(result.message)
      return
    }
    clearWizardDraft()
    openPage(ROUTES.materials)
  }

  const isLast = step === WIZARD_STEPS.length - 1

  return (
    <PageShell
      className='wizard'
      footer={
        <View className='wizard__nav'>
          {step > 0 ? (
            <Button className='wizard__back' onClick={() => setStep(step - 1)}>
              上一步
            </Button>
          ) : null}
          <Button
            className='wizard__next'
            type='primary'
            disabled={missing.length > 0}
            loading={saving}
            onClick={() => (isLast ? finish() : setStep(step + 1))}
          >
            {isLast ? '生成材料清单' : '下一步'}
          </Button>
        </View>
      }
    >
      <Steps value={step + 1} layout='double' className='wizard__steps'>
        {WIZARD_STEPS.map((title, i) => (
          <Step key={title} value={i + 1} title={title} />
        ))}
      </Steps>

      {step === 0 ? (
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
      ) : null}

      {step === 1 ? (
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
      ) : null}

      {step === 2 ? (
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
      ) : null}

      {step === 3 ? (
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
      ) : null}

      {undeclaredHits.length > 0 ? (
        <View className='card wizard__hits'>
          <Text className='wizard__label'>名称或描述里有前置审批行业的关键词</Text>
          {undeclaredHits.map((id) => (
            <Text key={id} className='wizard__hit'>
              · {INDUSTRIES[id].label}
              ：如果实际不从事这类业务，要提交《不涉及前置审批承诺书》（清单里已加上）；如果从事，请回到“经营行业”勾选。
            </Text>
          ))}
        </View>
      ) : null}

      {missing.length > 0 ? <NoticeBar className='wizard__missing' content={missing.join('；')} /> : null}
      {error ? <NoticeBar className='wizard__error' content={error} /> : null}

      {checklist.length > 0 ? (
        <View className='card wizard__preview'>
          <Text className='wizard__label'>你需要准备 {checklist.filter((c) => c.required).length} 项材料</Text>
          {checklist.map((item) => (
            <Text key={item.id} className={`wizard__preview-item ${item.required ? '' : 'muted'}`}>
              {item.required ? '●' : '○'} {item.title}
            </Text>
          ))}
        </View>
      ) : null}
    </PageShell>
  )
}
