import type { TabKey } from './routes'

/**
 * The tab bar, in order, in the mini-programs' own colours: app.config.ts builds WeChat's and Douyin's native bar
 * from it, components/tab-bar draws the same bar in the browser.
 * Its own module: WeChat's build keeps every export of a module it bundles, and the pages need none of this.
 */
export const TAB_BAR = {
  items: [
    { key: 'home', text: '首页' },
    { key: 'materials', text: '材料' },
    { key: 'progress', text: '进度' },
    { key: 'mine', text: '我的' }
  ] as { key: TabKey; text: string }[],
  color: '#7a7e83',
  selectedColor: '#1a73e8',
  backgroundColor: '#ffffff'
}
