import { Cell } from '@nutui/nutui-react-taro'
import PageShell from '../../components/page-shell'
import { ROUTES } from '../../constants/routes'
import { openPage } from '../../services/navigation'

interface MineLink {
  className: string
  title: string
  description: string
  route: string
}

/** The 我的 tab is a list of places: each group a heading, each row a page. */
const GROUPS: { title: string; links: MineLink[] }[] = [
  {
    title: '备案',
    links: [
      {
        className: 'mine__agency',
        title: '我连接的小程序',
        description: '每个已连接小程序的状态、下一个截止时间和在等什么',
        route: ROUTES.agency
      }
    ]
  },
  {
    title: '隐私与数据',
    links: [
      {
        className: 'mine__my-data',
        title: '我的数据',
        description: '导出或删除你在备案助手里的全部数据',
        route: ROUTES.myData
      },
      {
        className: 'mine__privacy',
        title: '隐私保护指引',
        description: '收集什么、为什么、怎么保存',
        route: ROUTES.privacy
      }
    ]
  },
  {
    title: '关于',
    links: [
      {
        className: 'mine__about',
        title: '关于备案助手',
        description: '版本、规则数据的来源和核对日期',
        route: ROUTES.about
      }
    ]
  }
]

export default function MinePage() {
  return (
    <PageShell className='mine' tab='mine'>
      {GROUPS.map((group) => (
        <Cell.Group key={group.title} title={group.title}>
          {group.links.map((link) => (
            <Cell
              key={link.route}
              className={link.className}
              title={link.title}
              description={link.description}
              clickable
              onClick={() => openPage(link.route)}
            />
          ))}
        </Cell.Group>
      ))}
    </PageShell>
  )
}
