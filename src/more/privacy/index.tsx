import { Text, View } from '@tarojs/components'
import PageShell from '../../components/page-shell'
import './index.scss'

const SECTIONS: { title: string; body: string }[] = [
  {
    title: '我们收集什么',
    body: '你为备案自检填写的信息：主办单位名称、统一社会信用代码、证件住所和通讯地址，负责人的姓名、证件号码、手机号码和邮箱，应急联系人手机号码。证件号码、手机号码、信用代码和地址属于敏感个人信息，第一次填写前我们会单独征求你的同意。'
  },
  {
    title: '为什么收集',
    body: '只为在你提交备案前发现错误（例如证件号码校验位、有效期、手机号重复），以及在备案各阶段按时提醒你。我们不把这些信息用于其他目的，也不提供给第三方。'
  },
  {
    title: '如何保存',
    body: '敏感信息在服务器上加密保存，页面上只显示打码后的内容；不会写入日志，也不会出现在任何提醒消息里。照片检查只在你的手机上进行，照片不会上传。'
  },
  {
    title: '你的权利',
    body: '你可以随时在“我的”里导出全部数据，或删除全部数据；删除后云端和本机都不再保留。受邀查看备案的负责人只能看到打码后的信息。'
  },
  {
    title: '使用的手机能力',
    body: '选择照片（照片检查）、剪贴板（复制授权书等模板）、日历（把短信核验截止时间加入日历）、订阅消息（进度提醒）。不同意这些能力，也可以继续使用材料清单、信息自检和进度记录。'
  }
]

export default function PrivacyPage() {
  return (
    <PageShell className='privacy'>
      <View className='card'>
        <Text className='privacy__title'>备案助手隐私保护指引</Text>
        {SECTIONS.map((s) => (
          <View key={s.title} className='privacy__section'>
            <Text className='privacy__heading'>{s.title}</Text>
            <Text className='privacy__body'>{s.body}</Text>
          </View>
        ))}
      </View>
    </PageShell>
  )
}
