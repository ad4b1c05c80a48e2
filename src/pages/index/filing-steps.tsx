import { useState } from 'react'
import { Cell } from '@nutui/nutui-react-taro'

const FILING_STEPS = [
  { title: '填写备案信息并上传材料', hint: '在小程序后台的“小程序备案”里提交' },
  { title: '平台初审', hint: '微信约 1–2 个工作日，抖音约 1–3 个工作日' },
  { title: '工信部短信核验', hint: '收到 12381 短信后 24 小时内完成核验' },
  { title: '管局审核', hint: '1–20 个工作日，因省份而异' },
  { title: '备案成功', hint: '平台自动展示备案号' }
]

/** 备案要经过哪几步？: the five stages of a filing, folded until asked for. */
export default function FilingSteps() {
  const [stepsOpen, setStepsOpen] = useState(false)
  return (
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
  )
}
