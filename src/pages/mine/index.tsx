import { Cell } from '@nutui/nutui-react-taro'
import PageShell from '../../components/page-shell'
import { ROUTES } from '../../constants/routes'
import { openPage } from '../../services/navigation'

export default function MinePage() {
  return (
    <PageShell className='mine'>
      <Cell.Group title='隐私与数据'>
        <Cell title='隐私保护指引' clickable onClick={() => openPage(ROUTES.privacy)} />
      </Cell.Group>
      <Cell.Group title='关于'>
        <Cell
          title='关于备案助手'
          description='规则数据的来源和核对日期'
          clickable
          onClick={() => openPage(ROUTES.about)}
        />
      </Cell.Group>
    </PageShell>
  )
}
