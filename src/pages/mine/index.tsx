import { Cell } from '@nutui/nutui-react-taro'
import PageShell from '../../components/page-shell'
import { ROUTES } from '../../constants/routes'
import { openPage } from '../../services/navigation'

export default function MinePage() {
  return (
    <PageShell className='mine'>
      <Cell.Group title='备案'>
        <Cell
          className='mine__agency'
          title='我连接的小程序'
          description='每个已连接小程序的状态、下一个截止时间和在等什么'
          clickable
          onClick={() => openPage(ROUTES.agency)}
        />
      </Cell.Group>
      <Cell.Group title='隐私与数据'>
        <Cell
          className='mine__my-data'
          title='我的数据'
          description='导出或删除你在备案助手里的全部数据'
          clickable
          onClick={() => openPage(ROUTES.myData)}
        />
        <Cell
          className='mine__privacy'
          title='隐私保护指引'
          description='收集什么、为什么、怎么保存'
          clickable
          onClick={() => openPage(ROUTES.privacy)}
        />
      </Cell.Group>
      <Cell.Group title='关于'>
        <Cell
          className='mine__about'
          title='关于备案助手'
          description='版本、规则数据的来源和核对日期'
          clickable
          onClick={() => openPage(ROUTES.about)}
        />
      </Cell.Group>
    </PageShell>
  )
}
