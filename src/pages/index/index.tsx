import { useState } from 'react'
import { Text, View } from '@tarojs/components'
import { Button, Cell } from '@nutui/nutui-react-taro'
import EmptyState from '../../components/empty-state'
import PageShell from '../../components/page-shell'
import { ROUTES } from '../../constants/routes'
import { openPage } from '../../services/navigation'
import './index.scss'

const FILING_STEPS = [
  { title: '填写备案信息并上传材料', hint: '在小程序后台的“小程序备案”里提交' },
  { title: '平台初审', hint: '微信约 1–2 个工作日，抖音约 1–3 个工作日' },
  { title: '工信部短信核验', hint: '收到 12381 短信后 24 小时内完成核验' },
  { title: '管局审核', hint: '1–20 个工作日，因省份而异' },
  { title: '备案成功', hint: '平台自动展示备案号' }
]

export default function HomePage() {
  const [stepsOpen, setStepsOpen] = useState(false)

  return (
    <PageShell className='home'>
      <View className='home-hero card'>
        <Text className='home-hero__title'>备案助手</Text>
        <Text className='home-hero__lead'>
          告诉你需要哪些材料，提交前帮你查错，并在 12381 短信核验的 24 小时内准时提醒。
        </Text>
        <Button type='primary' block className='home-hero__cta' onClick={() => openPage(ROUTES.wizard)}>
          新建备案
        </Button>
      </View>

      <Text className='section-title'>我的备案</Text>
      <View className='card'>
        <EmptyState title='还没有备案' description='点“新建备案”，回答几个问题就能拿到你的材料清单。' />
      </View>

      <Cell.Group>
        <Cell
          className='home-steps-toggle'
          title='备案要经过哪几步？'
          extra={stepsOpen ? '收起' : '展开'}
          clickable
          onClick={() => setStepsOpen(!stepsOpen)}
        />
        {stepsOpen
          ? FILING_STEPS.map((step, i) => (
              <Cell key={step.title} className='home-step' title={`${i + 1}. ${step.title}`} description={step.hint} />
            ))
          : null}
      </Cell.Group>
    </PageShell>
  )
}
