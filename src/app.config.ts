import { FILING_PACKAGE, MORE_PACKAGE, TAB_PAGES } from './constants/routes'

const tabs: { key: keyof typeof TAB_PAGES; text: string }[] = [
  { key: 'home', text: '首页' },
  { key: 'materials', text: '材料' },
  { key: 'progress', text: '进度' },
  { key: 'mine', text: '我的' }
]

export default defineAppConfig({
  pages: Object.values(TAB_PAGES),
  subPackages: [FILING_PACKAGE, MORE_PACKAGE].map((pkg) => ({
    root: pkg.root,
    pages: Object.values(pkg.pages)
  })),
  // The wizard is where almost every user goes next: fetch it while they read the home page
  preloadRule: {
    [TAB_PAGES.home]: { network: 'all', packages: [FILING_PACKAGE.root] }
  },
  window: {
    // Taro's H5 router draws its title bar (with 返回 on sub-pages, 首页 on a page opened directly) only when this says
    // 'default' explicitly; the mini-programs draw theirs anyway
    navigationStyle: 'default',
    backgroundTextStyle: 'light',
    navigationBarBackgroundColor: '#ffffff',
    navigationBarTitleText: '备案助手',
    navigationBarTextStyle: 'black',
    backgroundColor: '#f5f6f8'
  },
  tabBar: {
    color: '#7a7e83',
    selectedColor: '#1a73e8',
    backgroundColor: '#ffffff',
    borderStyle: 'black',
    list: tabs.map((t) => ({
      pagePath: TAB_PAGES[t.key],
      text: t.text,
      iconPath: `assets/tab/${t.key}.png`,
      selectedIconPath: `assets/tab/${t.key}-active.png`
    }))
  },
  // WeChat and Douyin: privacy APIs wait for our consent popup (onNeedPrivacyAuthorization)
  __usePrivacyCheck__: true,
  usePrivacyCheck: true,
  // We call no location API; photos are picked with chooseMedia, which needs no declaration here
  requiredPrivateInfos: [],
  sitemapLocation: 'sitemap.json',
  lazyCodeLoading: 'requiredComponents'
} as any)
