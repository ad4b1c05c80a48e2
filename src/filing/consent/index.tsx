import { useState } from 'react'
import { Text, View } from '@tarojs/components'
import { Button } from '@nutui/nutui-react-taro'
import PageShell from '../../components/page-shell'
import { ROUTES } from '../../constants/routes'
import { readSensitiveConsent, recordSensitiveConsent } from '../../services/consent'
import { goBack, openPage } from '../../services/navigation'
import { openPrivacyContract } from '../../services/privacy'
import { describeConsentDecision } from './decision'
import './index.scss'

/** What is collected, in the words of the form. */
const COLLECTED = [
  '主体负责人、小程序负责人的证件号码、手机号码和电子邮箱',
  '应急联系人的手机号码',
  '主办单位证件号码（统一社会信用代码；个人主体为身份证号码）',
  '主办单位的通讯地址和证件住所'
]

const SECTIONS: { title: string; body: string }[] = [
  {
    title: '为什么需要',
    body: '只用来按备案平台和各省管局的规则检查你填写的内容：证件号码和信用代码的校验位、证件有效期、不同的人是否用了同一个手机号、地址是否重复了省市区等，帮你在提交前发现会被驳回的问题。不用于其他目的，不提供给任何第三方。'
  },
  {
    title: '存放在哪里',
    body: '云端：加密保存（AES-256-GCM），只有你本人能看到完整内容，你邀请的负责人只能看到打码后的信息。手机上：未同步的草稿只保存加密后的内容，解密密钥不保存在手机上。填写后页面上以打码形式显示，不会写入日志。'
  },
  {
    title: '不会出现在消息里',
    body: '订阅消息提醒、分享卡片、邀请链接和二维码里从不包含这些信息。'
  },
  {
    title: '导出和删除',
    body: '你可以随时在“我的 → 我的数据”导出全部数据或删除全部数据，删除后云端和本机都不再保留。你也可以回到这里撤回同意。'
  },
  {
    title: '不同意会怎样',
    body: '你仍然可以填写和检查其他信息（名称、证件有效期、小程序信息、前置审批等），只是上面列出的信息不能在这里填写和检查。'
  }
]

/**
 * 敏感个人信息处理说明: the separate consent asked before the first sensitive field (separate from the app's privacy
 * popup). Agreeing or not, the user goes back to where they were; declining leaves every other field usable.
 */
/** The platform's own guide viewer on a phone, our 隐私保护指引 page in the browser (and where the viewer fails). */
const openGuide = () => openPrivacyContract(() => openPage(ROUTES.privacy))

export default function ConsentPage() {
  const [decision, setDecision] = useState(() => readSensitiveConsent())

  function decide(agreed: boolean) {
    setDecision(recordSensitiveConsent(agreed))
    goBack()
  }

  return (
    <PageShell
      className='consent'
      footer={
        <View className='consent__actions'>
          <Button className='consent__disagree' onClick={() => decide(false)}>
            不同意
          </Button>
          <Button className='consent__agree' type='primary' onClick={() => decide(true)}>
            同意
          </Button>
        </View>
      }
    >
      <View className='card'>
        <Text className='consent__title'>敏感个人信息处理说明</Text>
        <Text className='consent__lead'>
          信息自检需要你填写下列敏感个人信息。按《个人信息保护法》，我们在你第一次填写前单独征求你的同意，这与
          {/* a link on every platform: the browser build never shows the guide on its own at first open */}
          <Text className='consent__link consent__guide' onClick={openGuide}>
            《备案助手隐私保护指引》
          </Text>
          是分开的。
        </Text>
        <View className='consent__section'>
          <Text className='consent__heading'>会收集哪些信息</Text>
          {COLLECTED.map((item) => (
            <Text key={item} className='consent__item'>
              · {item}
            </Text>
          ))}
        </View>
        {SECTIONS.map((s) => (
          <View key={s.title} className='consent__section'>
            <Text className='consent__heading'>{s.title}</Text>
            <Text className='consent__body'>{s.body}</Text>
          </View>
        ))}
        <View className='consent__links'>
          <Text className='consent__link' onClick={() => openPage(ROUTES.myData)}>
            我的数据（导出 / 删除） ›
          </Text>
          <Text className='consent__link' onClick={openGuide}>
            隐私保护指引 ›
          </Text>
        </View>
        {decision ? <Text className='consent__decision'>{describeConsentDecision(decision)}</Text> : null}
      </View>
    </PageShell>
  )
}
