import { ROUTES, type TabKey } from '../../constants/routes'
import { TAB_BAR } from '../../constants/tab-bar'
import { openPage } from '../../services/navigation'
import homeIcon from '../../assets/tab/home.png'
import homeActiveIcon from '../../assets/tab/home-active.png'
import materialsIcon from '../../assets/tab/materials.png'
import materialsActiveIcon from '../../assets/tab/materials-active.png'
import mineIcon from '../../assets/tab/mine.png'
import mineActiveIcon from '../../assets/tab/mine-active.png'
import progressIcon from '../../assets/tab/progress.png'
import progressActiveIcon from '../../assets/tab/progress-active.png'
import './index.scss'

// the icons of the mini-programs' native bar (app.config.ts), inlined by the build
const ICONS: Record<TabKey, [string, string]> = {
  home: [homeIcon, homeActiveIcon],
  materials: [materialsIcon, materialsActiveIcon],
  progress: [progressIcon, progressActiveIcon],
  mine: [mineIcon, mineActiveIcon]
}

/**
 * The browser's tab bar, drawn by the tab pages' frame (PageShell `tab`). WeChat and Douyin draw their native bar
 * from app.config.ts; the H5 build leaves out Taro's own (`tabBar.custom`), a web component whose first render took
 * about a sixth of a cold open's time to the first filing card. Plain elements: it costs that first paint little.
 */
export default function TabBar({ current }: { current: TabKey }) {
  return (
    <nav className='tab-bar' aria-label='主导航' style={{ backgroundColor: TAB_BAR.backgroundColor }}>
      {TAB_BAR.items.map(({ key, text }) => {
        const on = key === current
        return (
          <button
            key={key}
            type='button'
            className='tab-bar__item'
            aria-current={on ? 'page' : undefined}
            style={{ color: on ? TAB_BAR.selectedColor : TAB_BAR.color }}
            // the current tab stays where it is, as on the native bar
            onClick={on ? undefined : () => openPage(ROUTES[key])}
          >
            <img className='tab-bar__icon' src={ICONS[key][on ? 1 : 0]} alt='' />
            <span className='tab-bar__label'>{text}</span>
          </button>
        )
      })}
    </nav>
  )
}
